package cn.newsevents.extraction.text;

import com.hankcs.hanlp.HanLP;

/**
 * A simplified-character view of a text with the SAME length, so an offset into the view is an offset into the
 * original. Conversion is per character, through a table built once from HanLP's traditional-to-simplified
 * dictionary: a character whose mapping is not exactly one char (or is a surrogate) is kept as written. Per-character
 * conversion is what the analysis needs (names, titles and suffixes are matched on it) and is an array lookup,
 * where HanLP's phrase-level conversion costs as much as a segmentation pass.
 */
public final class SimplifiedText {
    /** Below this char nothing is converted: the table covers CJK radicals, extension A, unified and compatibility. */
    private static final char FIRST = '\u2E80';
    private static final char[] TABLE = build();

    private SimplifiedText() {
    }

    private static char[] build() {
        char[] table = new char[0x10000 - FIRST];
        for (int i = 0; i < table.length; i++) {
            char c = (char) (FIRST + i);
            table[i] = c;
            if (Character.isSurrogate(c) || !Character.isLetter(c)) {
                continue;
            }
            String one = HanLP.convertToSimplifiedChinese(String.valueOf(c));
            if (one.length() == 1) {
                table[i] = one.charAt(0);
            }
        }
        for (String[] row : cn.newsevents.extraction.normalize.Tsv.read("lexicon/variant_characters.tsv")) {
            char variant = row[0].strip().charAt(0);
            if (variant >= FIRST && table[variant - FIRST] == variant) {
                table[variant - FIRST] = row[1].strip().charAt(0);
            }
        }
        return table;
    }

    /** Returns a simplified form of {@code original} with {@code result.length() == original.length()}. */
    public static String of(String original) {
        char[] out = null;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < FIRST) {
                continue;
            }
            char s = TABLE[c - FIRST];
            if (s != c) {
                if (out == null) {
                    out = original.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? original : new String(out);
    }
}
