package cn.newsevents.contract.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds traditional characters to simplified ones, one char for one char, so the result has the length of the
 * input: the folding the stored search columns ({@code *_s}) are written with, for search terms to meet them. The
 * table is the resource {@value #RESOURCE} (one line per folded char: the char, a tab, its simplified form),
 * generated from the extractor's conversion data; a test of the extractor checks the two agree on every char.
 */
public final class SimplifiedFolding {
    /** The table's resource path. */
    public static final String RESOURCE = "/cn/newsevents/contract/text/simplified-folding.tsv";
    /** Below this char nothing is folded: the table covers CJK radicals, extension A, unified and compatibility. */
    public static final char FIRST = '\u2E80';
    private static final char[] TABLE = load();

    private SimplifiedFolding() {
    }

    /** Returns {@code text} with every folded char replaced; {@code result.length() == text.length()}. */
    public static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < FIRST) {
                continue;
            }
            char s = TABLE[c - FIRST];
            if (s != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }

    private static char[] load() {
        char[] table = new char[0x10000 - FIRST];
        for (int i = 0; i < table.length; i++) {
            table[i] = (char) (FIRST + i);
        }
        try (InputStream in = SimplifiedFolding.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The folding table " + RESOURCE + " is missing from the classpath.");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.length() != 3 || line.charAt(1) != '\t' || line.charAt(0) < FIRST) {
                    throw new IllegalStateException("Line " + number + " of " + RESOURCE
                            + " is not a folded char, a tab and its simplified char.");
                }
                table[line.charAt(0) - FIRST] = line.charAt(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the folding table " + RESOURCE + ".", e);
        }
        return table;
    }
}
