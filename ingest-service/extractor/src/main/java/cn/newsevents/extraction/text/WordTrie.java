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
    /**
     * The trie's base and check arrays interleaved (base of state p at 2p, its check at 2p + 1): a transition reads
     * both of a state, and most walks stop after a step or two, so the one cache line holding both counts more than
     * anything else (the arrays of the twenty-odd tables are large and read at scattered states).
     */
    private final int[] cells;
    /** The number of states. */
    private final int size;
    /** The words, indexed as the trie's leaves number them (their sorted order); reversed when backwards. */
    private final String[] words;
    /**
     * A summary of the words' first two characters (their last two when backwards), hashed into bits: a clear bit
     * means no word of two characters or more opens with that pair ("董事" set for 董事长; "董秘" clear when no word
     * starts with it), so the walk is skipped. Most walks stop at the second character, after reading entries of
     * the trie's large arrays far apart; the summary is small enough to stay in the cache.
     */
    private final long[] pairs;
    /** Shifts a pair's hash down to an index of {@link #pairs}' bits. */
    private final int pairShift;
    /** The characters that are words on their own (董 in a table of surnames), which a clear pair does not rule out. */
    private final long[] singles = new long[1 << 10];

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
        int bits = Integer.highestOneBit(Math.max(1 << 12, sorted.size() * 16) - 1) << 1;
        this.pairs = new long[bits >>> 6];
        this.pairShift = 32 - Integer.numberOfTrailingZeros(bits);
        for (String key : sorted.keySet()) {
            if (key.length() == 1) {
                singles[key.charAt(0) >>> 6] |= 1L << key.charAt(0);
            } else {
                int h = pairHash(key.charAt(0), key.charAt(1));
                pairs[h >>> 6] |= 1L << h;
            }
        }
        if (sorted.isEmpty()) {
            this.size = 0;
            this.cells = new int[0];
        } else {
            DoubleArrayTrie<String> trie = new DoubleArrayTrie<>();
            trie.build(sorted);
            int[] base = trie.getBase();
            int[] check = trie.getCheck();
            this.size = Math.min(base.length, check.length);
            this.cells = new int[2 * size];
            for (int p = 0; p < size; p++) {
                cells[2 * p] = base[p];
                cells[2 * p + 1] = check[p];
            }
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
        if (size == 0) {
            return -1;
        }
        if (backwards ? pos - 1 < limit || pos - 1 < 0 : pos >= limit || pos >= s.length()) {
            return -1;
        }
        // The first two characters read (the last two of a word ending at pos when backwards).
        char first = s.charAt(backwards ? pos - 1 : pos);
        int second = backwards ? pos - 2 : pos + 1;
        boolean pairFits = backwards ? second >= limit && second >= 0 : second < limit && second < s.length();
        if ((singles[first >>> 6] & 1L << first) == 0) {
            if (!pairFits) {
                return -1;
            }
            int h = pairHash(first, s.charAt(second));
            if ((pairs[h >>> 6] & 1L << h) == 0) {
                return -1;
            }
        }
        int found = -1;
        int b = cells[0];
        int step = backwards ? -1 : 1;
        int i = backwards ? pos - 1 : pos;
        while (backwards ? i >= limit && i >= 0 : i < limit && i < s.length()) {
            int p = b + s.charAt(i) + 1;
            if (p >= size || cells[2 * p + 1] != b) {
                break;
            }
            b = cells[2 * p];
            if (b < 0 || b >= size) {
                break;
            }
            if (cells[2 * b + 1] == b && cells[2 * b] < 0) {
                found = -cells[2 * b] - 1;
            }
            i += step;
        }
        return found;
    }

    /** The bit of {@link #pairs} for a word opening with {@code a} then {@code b} (read in the trie's direction). */
    private int pairHash(char a, char b) {
        return ((a << 16 | b) * 0x9E3779B9) >>> pairShift;
    }

    /** The word with index {@code id} as {@link #longest} gives it. */
    public String word(int id) {
        return words[id];
    }
}
