package cn.newsevents.extraction.text;

import java.util.regex.Pattern;

/**
 * Television transcripts name who speaks in a caption line: 【同期声】某某公司总经理 某某, （同期声）…：. Both the seminar
 * reader (the speaker takes part in the meeting) and the company reader (what the speaker says is of the caption's
 * company) ask for it.
 */
public final class Captions {
    private static final Pattern CAPTION = Pattern.compile("\\s*[【（(](?:同期声|同期|采访|现场声)[】）)]");

    private Captions() {
    }

    /** Whether the simplified text {@code s[from, to)} opens with a speaker's caption. */
    public static boolean opensAt(String s, int from, int to) {
        return endAt(s, from, to) >= 0;
    }

    /** Where the caption mark opening {@code s[from, to)} ends (after 】), else -1. */
    public static int endAt(String s, int from, int to) {
        var m = CAPTION.matcher(s).region(from, to);
        return m.lookingAt() ? m.end() : -1;
    }
}
