package cn.newsevents.extraction.seminar;

import java.util.ArrayList;
import java.util.List;

import cn.newsevents.extraction.date.ChineseNumbers;
import cn.newsevents.extraction.seminar.SeminarRules.Role;

import java.util.regex.Pattern;

/**
 * Reads what stands right before a meeting kind and places the meeting in a series: its ordinal (第四场, 首场), its
 * name (民营企业座谈会) and the quoted name of the series (“聚力…”第三场专题座谈会). Each read walks back from the
 * kind and stops at the floor it is given, never further than a few characters. Offsets index the simplified text;
 * returned strings are the original text. Immutable.
 */
final class SeriesReading {
    private static final int MAX_NAME = 12;
    /** What may stand between a quoted series name and the meeting kind: an ordinal and 专题. */
    private static final Pattern SERIES_GAP = Pattern.compile("(第[0-9一二三四五六七八九十]{1,3}[场次期]|首场|首次)?(专题)?");

    private final MeetingText text;
    private final String s;

    SeriesReading(MeetingText text) {
        this.text = text;
        this.s = text.s;
    }

    /** 第四场 / 第4场 / 首场 right before the meeting kind at {@code k0}, or null. */
    Integer ordinalBefore(int k0, int floor) {
        for (int i = k0 - 1; i >= floor; i--) {
            char c = s.charAt(i);
            if ("场次期".indexOf(c) < 0) {
                continue;
            }
            if (i - 1 >= floor && s.charAt(i - 1) == '首') {
                return 1;
            }
            int j = i - 1;
            while (j >= floor && (ChineseNumbers.isDigitLike(s.charAt(j)) || s.charAt(j) == '十')) {
                j--;
            }
            if (j >= floor && j < i - 1 && s.charAt(j) == '第') {
                var n = ChineseNumbers.parse(s, j + 1, i, 4);
                if (n != null && n.end() == i && n.value() > 0) {
                    return n.value();
                }
            }
            return null;
        }
        return null;
    }

    /** 今期为系列第, 本期是第, 这是该系列的第, 这是某会今年第: a clause after the kind that gives its place in the series. */
    private static final java.util.regex.Pattern SERIES_CLAUSE = java.util.regex.Pattern.compile(
            "(?:今期|本期|此次|这次|是次|本次|这是)(?:为|是|系)?(?:该系列|系列)?的?第"
                    // 这是国发会今年第四场: who holds the series and the year before the ordinal.
                    + "|这(?:也)?是[\\u4e00-\\u9fff]{0,6}?(?:今年|本年度|本年|年内)(?:的)?第");

    /**
     * 「某某座谈会」第2场, 「某某交流会」，今期为系列第十二期: the ordinal right after the kind and its closing quotation
     * mark, or in a clause right after it; else null.
     */
    Integer ordinalAfter(int k1, int limit) {
        int i = k1;
        // "…系列座谈会的第三场": 的 between the kind and its ordinal.
        while (i < limit && "”」』\"，,的".indexOf(s.charAt(i)) >= 0 && i - k1 < 2) {
            i++;
        }
        if (i + 1 < limit && s.charAt(i) == '首' && "场次期".indexOf(s.charAt(i + 1)) >= 0) {
            return 1;
        }
        if (i < limit && s.charAt(i) != '第') {
            // 「会员午餐交流会」，今期为系列第十二期: a clause saying which of the series it is.
            java.util.regex.Matcher clause = SERIES_CLAUSE.matcher(s).region(i, limit);
            if (clause.lookingAt()) {
                i = clause.end() - 1;
            }
        }
        if (i >= limit || s.charAt(i) != '第') {
            return null;
        }
        var n = ChineseNumbers.parse(s, i + 1, limit, 4);
        return n != null && n.value() > 0 && n.end() < limit && "场次期".indexOf(s.charAt(n.end())) >= 0
                ? n.value() : null;
    }

    /**
     * "第四场、第五场分别在…": the ordinals of a list of sessions in {@code [from, limit)}, in order, when the list has
     * {@code count} of them; else null.
     */
    List<Integer> listedOrdinals(int from, int limit, int count) {
        for (int i = from; i < limit; i++) {
            if (s.charAt(i) != '第') {
                continue;
            }
            List<Integer> out = new ArrayList<>();
            int p = i;
            while (p < limit && s.charAt(p) == '第' && out.size() < count) {
                var n = ChineseNumbers.parse(s, p + 1, limit, 4);
                if (n == null || n.value() <= 0 || n.end() >= limit || "场次期".indexOf(s.charAt(n.end())) < 0) {
                    break;
                }
                out.add(n.value());
                p = n.end() + 1;
                if (p < limit && "、和及与".indexOf(s.charAt(p)) >= 0) {
                    p++;
                }
            }
            if (out.size() == count) {
                return out;
            }
            if (!out.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the character at {@code i} ends a meeting's name read backwards: 的, 在, 于…; 场, 次, 期 and 届 after a
     * numeral (第二场, not 市场); 日, 号, 月 and 年 after a digit (3月, not 岁月).
     */
    static boolean stopsName(String s, int i, int floor) {
        char c = s.charAt(i);
        if ("的在了于是为和".indexOf(c) >= 0) {
            return true;
        }
        boolean afterNumeral = i > floor && (ChineseNumbers.isDigitLike(s.charAt(i - 1))
                || "十首本该这每".indexOf(s.charAt(i - 1)) >= 0);
        return afterNumeral && "场次期届日号月年".indexOf(c) >= 0;
    }

    /** The words before the kind {@code [k0, k1)} that name the meeting: 企业和专家座谈会, 民营企业座谈会, 专题座谈会. */
    String nameBefore(int k0, int k1, int floor) {
        if (s.charAt(k1 - 1) != '会' && s.charAt(k1 - 1) != '议') {
            return text.orig.substring(k1 - 2, k1);
        }
        int i = k0;
        while (i > floor && k0 - i < MAX_NAME) {
            char c = s.charAt(i - 1);
            if (!PostedPersons.allIdeographs(s, i - 1, i) || stopsName(s, i - 1, floor)
                    && !(c == '和' && i - 1 > floor && i < k0)
                    || text.rules.cue(Role.HELD).longestEndingAt(s, i, floor) > 0) {
                break;
            }
            i--;
        }
        return text.orig.substring(i, k1);
    }

    /** “聚力…、共谋…”第三场专题座谈会: the quoted series name right before the ordinal and kind, or null. */
    String seriesBefore(int k0, int floor) {
        int i = k0;
        while (i > floor && k0 - i <= 8 && "”」』\"".indexOf(s.charAt(i - 1)) < 0) {
            i--;
        }
        if (i <= floor || "”」』\"".indexOf(s.charAt(i - 1)) < 0) {
            return null;
        }
        String between = s.substring(i, k0);
        if (!between.isEmpty() && !SERIES_GAP.matcher(between).matches()) {
            return null;
        }
        int close = i - 1;
        for (int j = close - 1; j >= floor && close - j <= 40; j--) {
            if ("“「『\"".indexOf(s.charAt(j)) >= 0) {
                return j + 1 < close ? text.orig.substring(j + 1, close) : null;
            }
        }
        return null;
    }
}
