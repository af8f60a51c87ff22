package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Period;
import cn.newsevents.extraction.normalize.Periods;

import java.util.List;

/**
 * The period of a figure: the last period expression before it in its paragraph, with the exceptions the language
 * makes ("去年同期" only for the figure right after it, "近十年来" only in its own sentence, a comparison's base period
 * only for the base's figure), else the latest period of the paragraphs before. One instance per article, told of
 * each paragraph's carried period; not thread-safe.
 */
final class FigurePeriods {
    /** How far after "去年同期" a figure still belongs to that earlier period. */
    private static final int SAME_PERIOD_REACH = 8;
    /** How far after a comparison's period its figure stands ("比2018年第二季度末的760家"). */
    private static final int COMPARISON_REACH = 6;
    /** How far before a figure a comparison's period is looked for. */
    private static final int COMPARISON_WINDOW = 40;
    /** How far a bracketed aside reaches on either side of a period in it. */
    private static final int ASIDE = 30;
    private static final String SENTENCE_BREAKS = "。！？!?\n";

    private final String t;
    private Period carried;

    /** @param simplified the article text in simplified characters */
    FigurePeriods(String simplified) {
        this.t = simplified;
    }

    /** The latest period of the paragraphs before the current one, for figures its own text leaves undated. */
    void carry(Period latest) {
        this.carried = latest;
    }

    /** Whether a dated mention lies in {@code [from, to)}. */
    boolean datedWithin(int from, int to, List<Periods.Mention> mentions) {
        for (Periods.Mention pm : mentions) {
            if (pm.start() >= from && pm.end() <= to && pm.period() != null) {
                return true;
            }
            if (pm.start() >= to) {
                break;
            }
        }
        return false;
    }

    /**
     * The period of a figure at {@code at}: the last period expression before it in the paragraph ("去年同期" only
     * for a figure right after it, one in brackets closed before the figure only for the figures inside them), else
     * the latest period of the paragraphs before ("期内…" in a results report), else none.
     */
    Period periodOf(int at, List<Periods.Mention> mentions) {
        // Mentions are in text order and do not overlap: binary search for the last one ending by at.
        int lo = 0;
        int hi = mentions.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).end() <= at) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        while (last >= 0 && (mentions.get(last).sameTimeLastYear() && at - mentions.get(last).end() > SAME_PERIOD_REACH
                && !opensItsSentence(mentions.get(last), at) && !opensItsClause(mentions.get(last), at)
                || isRecentYears(mentions.get(last)) && sentenceBreakBetween(mentions.get(last).end(), at)
                || isUndatedInItsClause(mentions.get(last), at) || inAside(mentions.get(last), at)
                || inEndedBreakdown(mentions.get(last), at))) {
            last--;
        }
        return last < 0 ? carried : mentions.get(last).period();
    }

    /** How far before a period the 其中 opening its clause may stand. */
    private static final int BREAKDOWN_REACH = 6;
    private static final String BREAKDOWN_ENDS = "；;。！？!?\n";
    /** How far after a breakdown's period the semicolon or full stop ending it is looked for. */
    private static final int BREAKDOWN_SCAN = 120;

    /**
     * "甲集团营业收入1026.3亿元，其中11月当月营业收入98.4亿元；乙集团营业收入587.1亿元": a period in a clause opened by
     * 其中 dates that part of the figure before it only; after the next semicolon or full stop the figures are again
     * of the period before it.
     */
    private boolean inEndedBreakdown(Periods.Mention m, int at) {
        int open = m.start();
        while (open > 0 && m.start() - open < BREAKDOWN_REACH && CLAUSE_BREAKS.indexOf(t.charAt(open - 1)) < 0) {
            open--;
        }
        boolean breakdown = t.startsWith("其中", open)
                || open == m.start() && open >= 3 && t.startsWith("其中", open - 3);
        if (!breakdown) {
            return false;
        }
        // Looked for within a bounded reach, so that many figures after one breakdown cost no more than their text.
        for (int i = m.end(); i < Math.min(at, m.end() + BREAKDOWN_SCAN); i++) {
            if (BREAKDOWN_ENDS.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * "某某以2316.8亿元营收蝉联榜首（上年榜单中其营收为2108.5亿元），乙、丙分列第二、三位，营业收入分别为…": a period
     * in brackets that close before the figure, with a figure of its own, dates the figures inside them only.
     */
    private boolean inAside(Periods.Mention m, int at) {
        int open = -1;
        for (int i = m.start() - 1; i >= Math.max(0, m.start() - ASIDE); i--) {
            char c = t.charAt(i);
            if (c == '）' || c == ')' || SENTENCE_BREAKS.indexOf(c) >= 0) {
                break;
            }
            if (c == '（' || c == '(') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        // Only an aside with a figure of its own: "（即2024年10月至2025年3月）", "（2025财年）" restate the period of
        // what follows.
        boolean figure = false;
        for (int i = m.end(); i < Math.min(at, m.end() + ASIDE); i++) {
            char c = t.charAt(i);
            if (c == '（' || c == '(' || SENTENCE_BREAKS.indexOf(c) >= 0) {
                return false;
            }
            if (c == '）' || c == ')') {
                return figure;
            }
            figure |= c >= '0' && c <= '9';
        }
        return false;
    }

    /** "…，去年同期则录得股东应占溢利8,400万元": the same period a year earlier, opening the figure's own clause. */
    private boolean opensItsClause(Periods.Mention m, int at) {
        if (m.start() == 0 || CLAUSE_BREAKS.indexOf(t.charAt(m.start() - 1)) < 0 || at - m.end() > 2 * SAME_PERIOD_REACH) {
            return false;
        }
        for (int i = m.end(); i < at; i++) {
            if (CLAUSE_BREAKS.indexOf(t.charAt(i)) >= 0 || SENTENCE_BREAKS.indexOf(t.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code m} stands in a bracketed aside with a figure of its own (see above). */
    boolean inAside(Periods.Mention m) {
        return inAside(m, t.length());
    }

    /** "去年同期，集团收入为…，股东应佔溢利…": a period opening its sentence dates the whole sentence. */
    private boolean opensItsSentence(Periods.Mention m, int at) {
        boolean opens = m.start() == 0 || SENTENCE_BREAKS.indexOf(t.charAt(m.start() - 1)) >= 0
                || t.charAt(m.start() - 1) == '\n';
        return opens && m.end() < t.length() && (t.charAt(m.end()) == '，' || t.charAt(m.end()) == ',')
                && !sentenceBreakBetween(m.end(), at);
    }

    /**
     * "企业目前有员工3200余人；某某公司实现产值…": an undated word inside a clause speaks for that clause only (one
     * opening its sentence, "目前，…", dates the sentence).
     */
    private boolean isUndatedInItsClause(Periods.Mention m, int at) {
        if (m.period() != null || opensItsSentence(m, at)) {
            return false;
        }
        for (int i = m.end(); i < at; i++) {
            if (CLAUSE_BREAKS.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** "近十年来…最多的一年": a span of recent years speaks for its own sentence only. */
    private boolean isRecentYears(Periods.Mention m) {
        char c = t.charAt(m.start());
        return c == '近' || c == '最' || c == '过';
    }


    private static final String CLAUSE_BREAKS = "，,；;。！？!?\n";

    private boolean sentenceBreakBetween(int from, int to) {
        for (int i = from; i < to; i++) {
            if (SENTENCE_BREAKS.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }


    /**
     * Whether the figure at {@code at} is the base of a comparison ("比2018年第二季度末的760家"): a period of the
     * clause before it was read as a comparison base. Such a figure is read with the figure it is compared to.
     */
    boolean inComparisonBase(int cs, int at, List<Periods.Mention> mentions) {
        int from = Math.max(cs, at - COMPARISON_WINDOW);
        for (Periods.Mention base : Periods.findInComparison(t, from, at, new Periods.Anchor(2000, null, null))) {
            if (base.period() != null && at - base.end() <= COMPARISON_REACH && !isPlainMention(base, mentions)) {
                return true;
            }
        }
        return false;
    }


    private static boolean isPlainMention(Periods.Mention base, List<Periods.Mention> mentions) {
        int i = Periods.firstStartingFrom(mentions, base.start());
        return i < mentions.size() && mentions.get(i).start() == base.start();
    }

    /**
     * Whether {@code p} starts after the month of publication ({@code year}, {@code month}; month 0 when not known):
     * a figure of such a period is a plan or a forecast, not a result.
     */
    static boolean startsAfter(Period p, int year, int month) {
        if (p == null || year == 0) {
            return false;
        }
        int[] start = start(p);
        return start[0] > year || start[0] == year && month > 0 && start[1] > month;
    }

    private static int[] start(Period p) {
        if (p instanceof Period.Range r) {
            return start(r.from());
        }
        if (p instanceof Period.Quarter q) {
            return new int[]{q.year(), 3 * q.quarter() - 2};
        }
        if (p instanceof Period.Half h) {
            return new int[]{h.year(), 6 * h.half() - 5};
        }
        if (p instanceof Period.Month m) {
            return new int[]{m.year(), m.month()};
        }
        return new int[]{((Period.Year) p).year(), 1};
    }
}
