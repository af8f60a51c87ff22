package cn.newsevents.extraction.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences (at 。！？!? and line ends) grouped by paragraph (line). A sentence longer than
 * {@link #MAX_SENTENCE} is cut at a clause mark or, failing that, hard, so work per sentence stays bounded.
 */
public final class Sentences {
    /** The longest sentence handed to the rules; longer runs (tables, garbage) are cut. */
    public static final int MAX_SENTENCE = 800;

    private static final java.util.regex.Pattern REPORTER = java.util.regex.Pattern.compile(
            "记者|記者|主播|主持人|报导|報導|报道|報道|导语|導語|口播|解说|解說|本报讯|本報訊");

    private Sentences() {
    }

    /** The sentences of {@code s} between {@code from} and {@code to}, blank ones dropped. */
    public static List<Span> split(String s, int from, int to) {
        List<Span> out = new ArrayList<>();
        int paragraph = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean newline = c == '\n' || c == '\r';
            boolean end = newline || c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
            if (!end && i - start + 1 >= MAX_SENTENCE) {
                int cut = lastClauseMark(s, start, i + 1);
                int stop = cut > start ? cut : i + 1;
                if (stop < to && Character.isHighSurrogate(s.charAt(stop - 1))) {
                    stop++;
                }
                add(out, s, start, stop, paragraph);
                start = stop;
                i = stop - 1;
                continue;
            }
            if (end) {
                int stop = newline ? i : i + 1;
                add(out, s, start, stop, paragraph);
                start = i + 1;
                if (newline) {
                    paragraph++;
                }
            }
        }
        add(out, s, start, to, paragraph);
        return out;
    }

    private static int lastClauseMark(String s, int start, int end) {
        for (int i = end - 1; i > start + MAX_SENTENCE / 2; i--) {
            char c = s.charAt(i);
            if (c == '，' || c == '；' || c == ',' || c == ';') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void add(List<Span> out, String s, int start, int end, int paragraph) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        int close = Captions.afterBracket(s, start, end);
        if (close > start && REPORTER.matcher(s).region(start, close).find()) {
            // "【记者 某某／台北报导】座谈会由…主持": who reports is no part of the sentence (【同期声】 is: it names
            // who speaks).
            start = close;
            while (start < end && Character.isWhitespace(s.charAt(start))) {
                start++;
            }
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end, paragraph));
        }
    }
}
