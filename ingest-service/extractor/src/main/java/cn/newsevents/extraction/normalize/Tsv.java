package cn.newsevents.extraction.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the tab-separated word tables and rule files on the class path: one row per line, columns split on tabs,
 * blank lines and lines starting with '#' skipped.
 */
public final class Tsv {
    private Tsv() {
    }

    /** The rows of the class-path resource {@code path}; fails with a sentence naming it when absent. */
    public static List<String[]> read(String path) {
        try (InputStream in = Tsv.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The resource '" + path
                        + "' is missing from the class path; it ships with the extractor jar.");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                rows.add(l.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("The resource '" + path + "' could not be read.", e);
        }
    }

    /** A regex alternation of {@code words}, longest first, each quoted. */
    public static String alternation(java.util.Collection<String> words) {
        List<String> sorted = words.stream().filter(w -> !w.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        return sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    /** The first two columns of each row (simplified and traditional spelling), for building word sets. */
    public static List<String> spellings(String[] row) {
        return Arrays.stream(row, 0, Math.min(2, row.length)).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
