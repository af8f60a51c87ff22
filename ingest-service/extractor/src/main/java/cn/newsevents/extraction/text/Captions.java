package cn.newsevents.extraction.text;

import java.util.regex.Pattern;

/**
 * Television transcripts name who speaks in a caption line: 【同期声】某某公司总经理 某某, （同期声）…：, （字幕：某某公司
 * 总经理 某某）, （受访者 某某公司董事长 某某）. Both the seminar
 * reader (the speaker takes part in the meeting) and the company reader (what the speaker says is of the caption's
 * company) ask for it.
 */
public final class Captions {
    /**
     * 【同期声】, （同期）, and the caption naming the speaker in brackets: （字幕：…）, （受访者 …）, 【某某集团董事长 某某】
     * (the post, a space and the name; not a reporter's or an anchor's caption).
     */
    private static final Pattern CAPTION = Pattern.compile(
            "\\s*(?:[【（(](?:(?:同期声|同期|采访|现场声)[】）)]|字幕[：:]|受访者 ?)"
                    + "|【(?!记者|主播|主持人|编辑|摄影|旁白|通讯员)(?=[^】\\s]{3,22}[ \u3000][^】\\s]{2,4}】))");

    private Captions() {
    }

    /** How long a caption in 【】 opening a clause may be (【记者 某某／台北报导】). */
    public static final int BRACKET_REACH = 24;

    /**
     * Where a caption in 【】 opening {@code s[from, to)} ends (after 】), looked for within {@link #BRACKET_REACH}
     * characters; {@code from} when none opens it.
     */
    public static int afterBracket(CharSequence s, int from, int to) {
        if (from >= to || s.charAt(from) != '【') {
            return from;
        }
        for (int i = from + 1; i < Math.min(to, from + BRACKET_REACH + 1); i++) {
            if (s.charAt(i) == '】') {
                return i + 1;
            }
        }
        return from;
    }

    /** Whether the simplified text {@code s[from, to)} opens with a speaker's caption. */
    public static boolean opensAt(String s, int from, int to) {
        return endAt(s, from, to) >= 0;
    }

    /** Where the caption mark opening {@code s[from, to)} ends (after 】), else -1. */
    public static int endAt(String s, int from, int to) {
        // Most clauses open with no bracket after their spaces (\s: space, tab, line breaks, form feed); the pattern
        // is tried only on those that do (（字幕：…）).
        int i = from;
        while (i < to && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i >= to || "【（(".indexOf(s.charAt(i)) < 0) {
            return -1;
        }
        var m = CAPTION.matcher(s).region(from, to);
        return m.lookingAt() ? m.end() : -1;
    }
}
