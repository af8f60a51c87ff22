package cn.newsevents.extraction.company;

import cn.newsevents.extraction.text.WordTrie;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Finds words of a fixed table in text, leftmost and longest first, without overlaps, in time linear in the text
 * (a bit test per position, then one walk of a trie no longer than the longest word). Immutable and thread-safe.
 */
final class KeywordScanner {
    /** One word found at {@code [start, end)}. */
    record Hit(int start, int end, String word) {
    }

    private final WordTrie trie;
    /** The first characters of the words, tested before the trie so that most positions cost one bit test. */
    private final BitSet firsts = new BitSet(1 << 16);

    KeywordScanner(Collection<String> words) {
        for (String w : words) {
            if (!w.isEmpty()) {
                firsts.set(w.charAt(0));
            }
        }
        this.trie = WordTrie.forwards(words);
    }

    /** Whether any of the words occurs in {@code text[from, to)}; no allocation. */
    boolean any(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (wordAt(text, i, to) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the words occurs anywhere in {@code text}, overlapping others or not; no allocation. */
    boolean containsAny(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (firsts.get(text.charAt(i)) && trie.longest(text, i, n) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The longest word starting at {@code i} and ending by {@code to}, else null. */
    String wordAt(String text, int i, int to) {
        if (i >= to || !firsts.get(text.charAt(i))) {
            return null;
        }
        int id = trie.longest(text, i, to);
        return id < 0 ? null : trie.word(id);
    }

    /** The words in {@code text[from, to)}. */
    /**
     * Characters that make a period word with a 年 after them: 去年, 今年, 明年, 前年, 上年, 本年, 当年, 全年, 上半年,
     * 2023年, 二〇二三年, 2023财年.
     */
    private static final String YEAR_PREFIXES = "去今明前上本当全半财財0123456789０１２３４５６７８９〇零一二三四五六七八九十";

    List<Hit> find(String text, int from, int to) {
        List<Hit> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            String found = wordAt(text, i, to);
            if (found != null && found.charAt(0) == '年' && i > from && YEAR_PREFIXES.indexOf(text.charAt(i - 1)) >= 0
                    && i + 1 < to) {
                // "公司去年产值…": 年 closes 去年, so the word is 产值, not 年产值.
                String rest = wordAt(text, i + 1, to);
                if (rest != null) {
                    out.add(new Hit(i + 1, i + 1 + rest.length(), rest));
                    i += 1 + rest.length();
                    continue;
                }
            }
            if (found != null) {
                out.add(new Hit(i, i + found.length(), found));
                i += found.length();
            } else {
                i++;
            }
        }
        return out;
    }
}
