package cn.newsevents.extraction.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;

import java.util.function.Predicate;

/**
 * HanLP's dictionaries asked directly, as a cheap test before segmenting: can a text open (or end) with a word of
 * some class, or hold one anywhere? The answer is false only when no word of the core or custom dictionary that
 * opens (ends, lies inside) the text has that class among its classes; then no segmentation of the text can put a
 * word of that class there either, because {@link Segmenter}'s words take their class from those dictionaries. A
 * true answer says nothing: the caller segments.
 */
public final class DictionaryWords {
    /** Longer words of the classes asked about (adverbs, prepositions, pronouns…) are not in the dictionaries. */
    private static final int LONGEST = 6;

    private DictionaryWords() {
    }

    /** Whether some dictionary word opening {@code text} has a class {@code nature} accepts. */
    public static boolean mayOpenWith(String text, Predicate<String> nature) {
        return wordAt(text, 0, nature);
    }

    /** Whether some dictionary word inside {@code text} has a class {@code nature} accepts. */
    public static boolean mayContain(String text, Predicate<String> nature) {
        for (int i = 0; i < text.length(); i++) {
            if (wordAt(text, i, nature)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some dictionary word of up to {@link #LONGEST} characters starting at {@code from} has a class
     * {@code nature} accepts. The double-array tries are walked once from {@code from}, reading each word they hold on
     * the way ("有限" then "有限公司"), instead of looking up each substring on its own; a custom dictionary with words
     * added at run time (HanLP keeps those in another trie) or with normalisation on is asked substring by substring.
     */
    private static boolean wordAt(String text, int from, Predicate<String> nature) {
        int to = Math.min(text.length(), from + LONGEST);
        if (HanLP.Config.Normalization) {
            for (int end = from + 1; end <= to; end++) {
                if (hasClass(text.substring(from, end), nature)) {
                    return true;
                }
            }
            return false;
        }
        if (walkHasClass(CoreDictionary.trie, text, from, to, nature)
                || walkHasClass(CustomDictionary.DEFAULT.dat, text, from, to, nature)) {
            return true;
        }
        BinTrie<CoreDictionary.Attribute> added = CustomDictionary.DEFAULT.trie;
        if (added != null) {
            for (int end = from + 1; end <= to; end++) {
                if (hasClass(added.get(text.substring(from, end)), nature)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One walk of {@code trie} along {@code text[from, to)}: whether a word it holds there has a class {@code nature}
     * accepts. The walk reads the trie's arrays as {@code DoubleArrayTrie.exactMatchSearch} does, with bounds checks.
     */
    private static boolean walkHasClass(DoubleArrayTrie<CoreDictionary.Attribute> trie, String text, int from, int to,
                                        Predicate<String> nature) {
        if (trie == null) {
            return false;
        }
        int[] base = trie.getBase();
        int[] check = trie.getCheck();
        if (base == null || check == null || base.length == 0) {
            return false;
        }
        int b = base[0];
        for (int i = from; i < to; i++) {
            int p = b + text.charAt(i) + 1;
            if (p < 0 || p >= check.length || check[p] != b) {
                return false;
            }
            b = base[p];
            if (b < 0 || b >= check.length) {
                return false;
            }
            if (check[b] == b && base[b] < 0 && hasClass(trie.getValueAt(-base[b] - 1), nature)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some dictionary word ending {@code text} has a class {@code nature} accepts. */
    public static boolean mayEndWith(String text, Predicate<String> nature) {
        for (int n = 1; n <= Math.min(LONGEST, text.length()); n++) {
            if (hasClass(text.substring(text.length() - n), nature)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is a dictionary word and every class the dictionaries give it is one {@code nature} accepts. */
    public static boolean onlyOfClass(String word, Predicate<String> nature) {
        CoreDictionary.Attribute core = CoreDictionary.get(word);
        CoreDictionary.Attribute custom = CustomDictionary.get(word);
        return (core != null || custom != null) && allOfClass(core, nature) && allOfClass(custom, nature);
    }

    private static boolean allOfClass(CoreDictionary.Attribute attribute, Predicate<String> nature) {
        if (attribute == null) {
            return true;
        }
        for (Nature n : attribute.nature) {
            if (n == null || !nature.test(n.toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasClass(String word, Predicate<String> nature) {
        return hasClass(CoreDictionary.get(word), nature) || hasClass(CustomDictionary.get(word), nature);
    }

    private static boolean hasClass(CoreDictionary.Attribute attribute, Predicate<String> nature) {
        if (attribute == null) {
            return false;
        }
        for (Nature n : attribute.nature) {
            if (n != null && nature.test(n.toString())) {
                return true;
            }
        }
        return false;
    }
}
