package cn.newsevents.extraction.text;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;

import java.util.Collection;
import java.util.TreeMap;

/**
 * The longest word of a fixed list at a position of a text, read forwards from a start or backwards from an end,
 * in one walk of HanLP's double-array trie: no substring is built and no hash computed per candidate length.
 * Immutable and thread-safe.
 *
 * <p>The walk reads the trie's arrays itself, with bounds checks, because {@code DoubleArrayTrie.transition} does
 * not check them (a character whose code lies past the array's end would throw).
 */
public final class WordTrie {
    private final boolean backwards;
    private final int[] base;
    private final int[] check;
    /** The words, indexed as the trie's leaves number them (their sorted order); reversed when backwards. */
    private final String[] words;

    private WordTrie(Collection<String> words, boolean backwards) {
        this.backwards = backwards;
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                String key = backwards ? new StringBuilder(w).reverse().toString() : w;
                sorted.put(key, w);
            }
        }
        this.words = sorted.values().toArray(String[]::new);
        if (sorted.isEmpty()) {
            this.base = new int[0];
            this.check = new int[0];
        } else {
            DoubleArrayTrie<String> trie = new DoubleArrayTrie<>();
            trie.build(sorted);
            this.base = trie.getBase();
            this.check = trie.getCheck();
        }
    }

    /** A trie for the longest word starting at a position. */
    public static WordTrie forwards(Collection<String> words) {
        return new WordTrie(words, false);
    }

    /** A trie for the longest word ending at a position. */
    public static WordTrie backwards(Collection<String> words) {
        return new WordTrie(words, true);
    }

    /**
     * The index in {@link #word(int)} of the longest word in {@code s} starting at {@code pos} and ending at or
     * before {@code limit} (forwards), or ending at {@code pos} and starting at or after {@code limit} (backwards);
     * -1 if none.
     */
    public int longest(CharSequence s, int pos, int limit) {
        if (base.length == 0) {
            return -1;
        }
        int found = -1;
        int b = base[0];
        int step = backwards ? -1 : 1;
        int i = backwards ? pos - 1 : pos;
        while (backwards ? i >= limit && i >= 0 : i < limit && i < s.length()) {
            int p = b + s.charAt(i) + 1;
            if (p >= check.length || check[p] != b) {
                break;
            }
            b = base[p];
            if (b < 0 || b >= check.length) {
                break;
            }
            if (check[b] == b && base[b] < 0) {
                found = -base[b] - 1;
            }
            i += step;
        }
        return found;
    }

    /** The word with index {@code id} as {@link #longest} gives it. */
    public String word(int id) {
        return words[id];
    }
}
