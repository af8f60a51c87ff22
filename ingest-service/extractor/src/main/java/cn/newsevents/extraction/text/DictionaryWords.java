package cn.newsevents.extraction.text;

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
        for (int n = 1; n <= Math.min(LONGEST, text.length()); n++) {
            if (hasClass(text.substring(0, n), nature)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some dictionary word inside {@code text} has a class {@code nature} accepts. */
    public static boolean mayContain(String text, Predicate<String> nature) {
        for (int i = 0; i < text.length(); i++) {
            for (int n = 1; n <= Math.min(LONGEST, text.length() - i); n++) {
                if (hasClass(text.substring(i, i + n), nature)) {
                    return true;
                }
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
