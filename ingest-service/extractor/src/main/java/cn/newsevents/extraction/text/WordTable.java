package cn.newsevents.extraction.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list read from a TSV resource: column 0 is the simplified form, column 1 the traditional form, further
 * columns are values. Both forms are looked up; {@link #row(String)} returns the row with the simplified form first.
 * Lines starting with {@code #} are comments. Immutable and thread-safe once loaded.
 */
public final class WordTable {
    private final String resource;
    private final Map<String, String[]> rows;
    /** The entries for the longest one starting (ending) at a position. */
    private final WordTrie forwards;
    private final WordTrie backwards;
    private final java.util.BitSet firstChars = new java.util.BitSet(1 << 16);
    private final java.util.BitSet lastChars = new java.util.BitSet(1 << 16);

    private WordTable(String resource, Map<String, String[]> rows) {
        this.resource = resource;
        this.rows = Map.copyOf(rows);
        for (String w : rows.keySet()) {
            if (!w.isEmpty()) {
                firstChars.set(w.charAt(0));
                lastChars.set(w.charAt(w.length() - 1));
            }
        }
        this.forwards = WordTrie.forwards(rows.keySet());
        this.backwards = WordTrie.backwards(rows.keySet());
    }

    /** Loads a table from the class path, failing with a sentence naming the resource when it is missing. */
    public static WordTable load(String resource) {
        InputStream in = WordTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The word table '" + resource
                    + "' is not on the class path; it belongs in src/main/resources.");
        }
        Map<String, String[]> rows = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                }
                rows.putIfAbsent(cols[0], cols);
                if (cols.length > 1 && !cols[1].isEmpty()) {
                    rows.putIfAbsent(cols[1], cols);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The word table '" + resource + "' could not be read.", e);
        }
        return new WordTable(resource, rows);
    }

    /** Builds a table from simplified words (for tests and derived tables). */
    public static WordTable of(String name, List<String> words) {
        Map<String, String[]> rows = new HashMap<>();
        for (String w : words) {
            rows.putIfAbsent(w, new String[]{w});
        }
        return new WordTable(name, rows);
    }

    public boolean contains(String word) {
        return rows.containsKey(word);
    }

    /** The row of {@code word} (simplified form first), or null. */
    public String[] row(String word) {
        return rows.get(word);
    }

    /** Column {@code column} of the row of {@code word}, or null when absent. */
    public String value(String word, int column) {
        String[] row = rows.get(word);
        return row == null || row.length <= column ? null : row[column];
    }

    /** Length of the longest entry that starts at {@code pos} and ends at or before {@code limit}; 0 if none. */
    public int longestAt(CharSequence s, int pos, int limit) {
        if (pos >= limit || pos < 0 || !firstChars.get(s.charAt(pos))) {
            return 0;
        }
        int id = forwards.longest(s, pos, limit);
        return id < 0 ? 0 : forwards.word(id).length();
    }

    /** Length of the longest entry that ends at {@code end} and starts at or after {@code floor}; 0 if none. */
    public int longestEndingAt(CharSequence s, int end, int floor) {
        if (end <= floor || end <= 0 || !lastChars.get(s.charAt(end - 1))) {
            return 0;
        }
        int id = backwards.longest(s, end, Math.max(floor, 0));
        return id < 0 ? 0 : backwards.word(id).length();
    }

    /** Position of the first entry found at or after {@code from} and before {@code to}, or -1. */
    public int indexOf(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (longestAt(s, i, to) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Position of the last entry that ends at or before {@code to} and starts at or after {@code from}, as
     *  {start, end}, or null. */
    public int[] lastIn(CharSequence s, int from, int to) {
        for (int end = to; end > from; end--) {
            int len = longestEndingAt(s, end, from);
            if (len > 0) {
                return new int[]{end - len, end};
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return resource + " (" + rows.size() + " forms)";
    }
}
