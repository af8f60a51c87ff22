package cn.newsevents.extraction.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trie gives the same longest word as trying every length, forwards and backwards. */
class WordTrieTest {
    private static final List<String> WORDS = List.of("营收", "营业收入", "营业", "收入", "净利润", "利润", "年产值", "产值",
            "\uffff", "a\uffffb");

    @Test
    void findsTheLongestWordAtAStartAndAtAnEnd() {
        WordTrie f = WordTrie.forwards(WORDS);
        WordTrie b = WordTrie.backwards(WORDS);
        String s = "公司营业收入增长";
        assertEquals("营业收入", f.word(f.longest(s, 2, s.length())));
        assertEquals("营业", f.word(f.longest(s, 2, 5)), "the limit cuts the longer word");
        assertEquals("营业收入", b.word(b.longest(s, 6, 0)));
        assertEquals("收入", b.word(b.longest(s, 6, 4)), "the floor cuts the longer word");
        assertEquals(-1, f.longest(s, 0, s.length()));
        assertEquals(-1, WordTrie.forwards(List.of()).longest(s, 0, s.length()));
        assertEquals("\uffff", f.word(f.longest("x\uffff", 1, 2)), "the highest character stays inside the arrays");
    }

    @Test
    void agreesWithTryingEveryLength() {
        WordTrie f = WordTrie.forwards(WORDS);
        WordTrie b = WordTrie.backwards(WORDS);
        String alphabet = "营业收入净利润年产值公司a\uffffb";
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            for (int i = 0; i <= s.length(); i++) {
                assertEquals(slowForwards(s, i), found(f, s, i, s.length()), s + " at " + i);
                assertEquals(slowBackwards(s, i), found(b, s, i, 0), s + " ending at " + i);
            }
        }
    }

    private static String found(WordTrie trie, String s, int pos, int limit) {
        int id = trie.longest(s, pos, limit);
        return id < 0 ? null : trie.word(id);
    }

    private static String slowForwards(String s, int pos) {
        String best = null;
        for (String w : WORDS) {
            if (s.startsWith(w, pos) && (best == null || w.length() > best.length())) {
                best = w;
            }
        }
        return best;
    }

    private static String slowBackwards(String s, int end) {
        String best = null;
        for (String w : WORDS) {
            if (end >= w.length() && s.startsWith(w, end - w.length()) && (best == null || w.length() > best.length())) {
                best = w;
            }
        }
        return best;
    }
}
