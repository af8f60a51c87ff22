package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.seminar.SeminarRules.Role;
import cn.newsevents.extraction.text.Places;
import cn.newsevents.extraction.text.WordTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the focus of a meeting in one article: the theme right after the meeting kind (聚焦 X, 围绕“X”), the subject a
 * meeting is held to explain (某某政策宣讲座谈会), and a theme stated in a later sentence (主题包括 X, 就“X”…). Offsets
 * index the simplified text; returned strings are the original text. Every read looks at a bounded window.
 */
final class Foci {
    private static final String CLAUSE_BREAKS = "，,；;。！？!?\n";
    private static final int MAX_FOCUS = 24;
    /** A theme stated in its own clause (主题包括…) may list several topics. */
    private static final int MAX_THEME = 60;
    /** A subject named before the purpose of the meeting (某某协议沟通座谈会). */
    private static final int MAX_SUBJECT = 32;
    private static final Pattern HEARD_ON = Pattern.compile("(?:听取|征求)[^，。；]{0,8}?(?:对|就)([^，。；的]{2,30}?)(?:的|方面的)(?:意见|建议|看法)");
    private static final String[] LEAD_INS = {"等议题", "等问题", "等方面", "等", "了", "进行", "展开", "开展", "深入", "广泛", "充分"};
    private static final Pattern FOCUS_SEPARATORS = Pattern.compile("、|和|及|与");

    private final SeminarRules rules;
    private final String s;
    private final String orig;

    /**
     * @param simplified the article text in simplified characters
     * @param original   the article text as written, same length
     */
    Foci(SeminarRules rules, String simplified, String original) {
        this.rules = rules;
        this.s = simplified;
        this.orig = original;
    }

    /**
     * The theme a sentence about the meeting states (主题包括 X / 议题为 X), or the quoted subject the meeting
     * discussed (就“X”…): X up to the end of its clause.
     */
    String statedTheme(int sentenceStart, int sentenceEnd) {
        int at = rules.cue(Role.THEME).indexOf(s, sentenceStart, sentenceEnd);
        if (at >= 0) {
            int from = at + rules.cue(Role.THEME).longestAt(s, at, sentenceEnd);
            int to = clauseEnd(from, sentenceEnd);
            while (to > from && "等".indexOf(s.charAt(to - 1)) >= 0) {
                to--;
            }
            return to - from >= 2 && to - from <= MAX_THEME ? unquoted(from, to) : null;
        }
        int on = indexOf("就", sentenceStart, sentenceEnd);
        if (on >= 0 && on + 1 < sentenceEnd && "“「『\"".indexOf(s.charAt(on + 1)) >= 0) {
            for (int j = on + 2; j < Math.min(sentenceEnd, on + 2 + MAX_FOCUS); j++) {
                if ("”」』\"".indexOf(s.charAt(j)) >= 0) {
                    return j - on - 2 >= 2 ? orig.substring(on + 2, j) : null;
                }
            }
        }
        return null;
    }

    /** 聚焦 X / 围绕 X right after the meeting kind: X up to the clause end. */
    String after(int k1, int end) {
        int limit = Math.min(end, k1 + 6);
        int at = -1;
        int len = 0;
        for (int i = k1; i < limit; i++) {
            len = rules.cue(Role.FOCUS).longestAt(s, i, end);
            if (len > 0) {
                at = i;
                break;
            }
            if (rules.kinds.longestAt(s, i, end) > 0) {
                return null;
            }
        }
        if (at < 0) {
            return null;
        }
        return stated(at + len, end);
    }

    /**
     * 主持「某某座谈会」，这是今年第2场座谈，聚焦工业区用电: a later clause of the sentence that opens with a focus
     * cue states the theme; null when none does.
     */
    String inLaterClause(int k1, int end) {
        for (int i = k1; i < end; i++) {
            char c = s.charAt(i);
            if (c != '，' && c != ',') {
                continue;
            }
            int len = rules.cue(Role.FOCUS).longestAt(s, i + 1, end);
            if (len > 0) {
                return stated(i + 1 + len, end);
            }
        }
        return null;
    }

    /** The theme stated from {@code from}: a quoted phrase, or the clause up to a verb of discussing. */
    private String stated(int from, int end) {
        int to = clauseEnd(from, end);
        if (from < to && "“「『\"".indexOf(s.charAt(from)) >= 0) {
            for (int j = from + 1; j < to; j++) {
                if ("”」』\"".indexOf(s.charAt(j)) >= 0) {
                    return j - from - 1 >= 2 && j - from - 1 <= MAX_FOCUS ? orig.substring(from + 1, j) : null;
                }
            }
        }
        for (String stop : new String[]{"展开", "进行", "开展", "深入", "座谈", "建言", "讨论", "交流", "听取", "征求",
                "等", "召开", "举办", "举行"}) {
            int x = indexOf(stop, from + 1, to);
            if (x > from) {
                to = x;
            }
        }
        if (to - from < 2 || to - from > MAX_FOCUS) {
            return null;
        }
        return unquoted(from, to);
    }

    /**
     * 某某协议沟通座谈会 / 新政策宣讲座谈会: a meeting held to explain a subject (a policy, an agreement, a plan) names
     * it before the purpose word (沟通, 宣讲…); the subject runs back to the clause start, a held verb, 的 or a date.
     * 民营企业沟通座谈会 names the people met, not a subject, and gives none.
     */
    String subjectBefore(int k0, int k1, int floor) {
        WordTable marker = rules.cue(Role.SUBJECT_MARKER);
        int end = k0 - marker.longestEndingAt(s, k0, floor);
        if (end == k0 && marker.longestAt(s, k0, k1) == 0) {
            return null;
        }
        int start = end;
        boolean bounded = false;
        while (start > floor && end - start < MAX_SUBJECT) {
            char c = s.charAt(start - 1);
            if (CLAUSE_BREAKS.indexOf(c) >= 0 || c == '的' || c == '日'
                    || rules.cue(Role.HELD).longestEndingAt(s, start, floor) > 0) {
                bounded = true;
                break;
            }
            start--;
        }
        bounded |= start == floor;
        if (!bounded || end - start < 2 || rules.cue(Role.SUBJECT_NOUN).indexOf(s, start, end) < 0) {
            return null;
        }
        return unquoted(start, end);
    }

    /**
     * 小微企业金融服务座谈会 / 「传统产业转型座谈会」: a meeting named after its topic. The words of the name before the
     * kind, less the people it met at their end (专家, 业界, 企业家…), end with a topic head (合作, 转型, 服务…); they run
     * back to a quotation mark, a held verb or a date word, and a leading place is left out. A meeting named after the
     * people it met (民营企业家座谈会, 台企座谈会) names no topic and gives none.
     */
    String topicBefore(int k0, int floor) {
        int modified = k0 - rules.cue(Role.KIND_MODIFIER).longestEndingAt(s, k0, floor);
        int end = modified - rules.cue(Role.ATTENDEE_GROUP).longestEndingAt(s, modified, floor);
        if (end - floor < 2 || rules.cue(Role.TOPIC_HEAD).longestEndingAt(s, end, floor) == 0) {
            return null;
        }
        int start = end;
        while (start > floor && end - start < MAX_SUBJECT) {
            char c = s.charAt(start - 1);
            int close = "”」』".indexOf(c);
            if (close >= 0) {
                int open = s.lastIndexOf("“「『".charAt(close), start - 2);
                if (open >= floor && start - open <= MAX_FOCUS) {
                    start = open;
                    continue;
                }
            }
            if (!Character.isIdeographic(c) || SeriesReading.stopsName(s, start - 1, floor)
                    || rules.cue(Role.HELD).longestEndingAt(s, start, floor) > 0) {
                break;
            }
            start--;
        }
        start = Places.placeEnd(s, start, end);
        while (start < end && "全本我该省市区县".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return end - start >= 2 && end - start <= MAX_FOCUS ? orig.substring(start, end) : null;
    }

    /**
     * 举行「创科企业融资与拓展东盟市场」座谈会, 召开“优化营商环境”专题协商座谈会, 召开《某某条例（草案）》立法专家座谈会: a
     * quoted name or a title right before the kind (a few words of kind or audience between, no ordinal: “…”第三场
     * names a series) is the meeting's theme.
     */
    String quotedBefore(int k0, int floor) {
        int close = k0 - 1;
        while (close >= floor && k0 - close <= 7 && "”」』\"》".indexOf(s.charAt(close)) < 0) {
            char c = s.charAt(close);
            if (!Character.isIdeographic(c) || c == '第' || c == '首' || c == '场' || c == '期') {
                return null;
            }
            close--;
        }
        if (close < floor || k0 - close > 7 || "”」』\"》".indexOf(s.charAt(close)) < 0) {
            return null;
        }
        int open = -1;
        for (int i = close - 1; i >= floor && close - i <= MAX_FOCUS + 1; i--) {
            if ("“「『\"《".indexOf(s.charAt(i)) >= 0) {
                open = i;
                break;
            }
        }
        return open >= 0 && close - open - 1 >= 2 ? orig.substring(open + 1, close) : null;
    }

    /**
     * 就X听取意见 / 围绕“X”展开交流 in a sentence about the meeting: X, when an exchange verb follows it in its clause
     * (听取, 交流, 座谈…). 就业 and 成就 are words, not the cue.
     */
    String discussedTopic(int sentenceStart, int sentenceEnd) {
        String framed = framedTopic(sentenceStart, sentenceEnd);
        if (framed != null) {
            return framed;
        }
        WordTable cue = rules.cue(Role.DISCUSSED);
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            int len = cue.longestAt(s, i, sentenceEnd);
            if (len == 0 || s.charAt(i) == '就' && (i + 1 < sentenceEnd && "业是要会在此近地像算".indexOf(s.charAt(i + 1)) >= 0
                    || i > sentenceStart && "成早也这那迁将造".indexOf(s.charAt(i - 1)) >= 0)) {
                continue;
            }
            int from = i + len;
            int to = clauseEnd(from, sentenceEnd);
            for (int j = from + 2; j < Math.min(to, from + MAX_FOCUS + 3); j++) {
                if (rules.cue(Role.DISCUSSION_VERB).longestAt(s, j, to) > 0) {
                    int topicEnd = trimmedEnd(from, j);
                    return topicEnd - from >= 2 ? unquoted(from, topicEnd) : null;
                }
            }
        }
        return null;
    }

    /** 以“数字化转型”为题 / 以外贸拓展为主题 / 以净零转型为主轴 / 听取各界对X的意见: the topic a session was framed by, or null. */
    private String framedTopic(int sentenceStart, int sentenceEnd) {
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            if (s.charAt(i) != '以') {
                continue;
            }
            int to = clauseEnd(i + 1, sentenceEnd);
            for (int j = i + 3; j < Math.min(to, i + MAX_FOCUS + 3); j++) {
                if (s.startsWith("为题", j) || s.startsWith("为主题", j) || s.startsWith("为主轴", j)
                        || s.startsWith("为重点", j) || s.startsWith("为核心议题", j)) {
                    return unquoted(i + 1, j);
                }
            }
        }
        // A theme stated (以…为主题) wins over what was heard (听取…对X的意见).
        Matcher heard = HEARD_ON.matcher(s).region(sentenceStart, sentenceEnd);
        if (heard.find() && heard.end(1) - heard.start(1) <= MAX_FOCUS) {
            return unquoted(heard.start(1), heard.end(1));
        }
        return null;
    }

    /** The end of {@code [from, to)} without the words that lead into the verb after it (等, 进行, 展开, 深入, 广泛). */
    private int trimmedEnd(int from, int to) {
        int end = to;
        boolean trimmed = true;
        while (trimmed) {
            trimmed = false;
            for (String w : LEAD_INS) {
                if (end - w.length() >= from && s.startsWith(w, end - w.length())) {
                    end -= w.length();
                    trimmed = true;
                }
            }
        }
        return end;
    }

    /** The original text of {@code [from, to)} without the quotation marks around it. */
    private String unquoted(int from, int to) {
        String text = orig.substring(from, to).strip();
        if (text.length() > 2 && "“「『\"".indexOf(text.charAt(0)) >= 0
                && "”」』\"".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text.substring(1, text.length() - 1);
        }
        if (text.length() > 2 && "“「『".indexOf(text.charAt(0)) >= 0
                && text.indexOf("”」』".charAt("“「『".indexOf(text.charAt(0)))) < 0) {
            // 「某某政策解读座谈会」: the quotation opens the meeting's name; it closes after the kind.
            return text.substring(1);
        }
        return text;
    }

    private int clauseEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (CLAUSE_BREAKS.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return limit;
    }

    /** {@code s.indexOf(word, from)} that never looks at or past {@code to}. */
    private int indexOf(String word, int from, int to) {
        int last = to - word.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /** 聚焦 A、B和C for three sessions on three dates: one topic a session when the count matches, else null. */
    static List<String> perSession(String focus, int n) {
        if (focus == null) {
            return null;
        }
        String[] parts = FOCUS_SEPARATORS.split(focus);
        if (parts.length != n) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.strip());
        }
        return out;
    }
}
