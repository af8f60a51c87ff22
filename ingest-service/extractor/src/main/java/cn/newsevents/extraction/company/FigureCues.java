package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.extraction.normalize.ChineseNumerals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The words around a figure that qualify it: a loss (negative value), an outlook (forecast, target), an adjusted or
 * expected figure (not reported), its year-on-year growth and its rank. Reads the simplified text of one article in
 * bounded windows around the figure, so its cost per figure does not grow with the clause. Thread-safe.
 */
final class FigureCues {
    /** How far before a figure an outlook or adjustment word counts. */
    static final int OUTLOOK_WINDOW = 80;
    /** How far between a keyword and its figure a loss word counts. */
    private static final int LOSS_WINDOW = 40;
    /**
     * Characters after a figure searched for its growth and rank, and before it kept as evidence: a clause without
     * punctuation has no end.
     */
    static final int FIGURE_WINDOW = 120;

    private final CompanyLexicon lex;
    private final CompanyRules rules;
    private final List<String> outlookWords;
    private final String t;
    /** Whether every growth rule ends in a percent sign ("…增长12.5%"), as {@code growth.rules.tsv} writes them. */
    private final boolean growthEndsInPercent;

    /** @param simplified the article text in simplified characters */
    FigureCues(CompanyLexicon lex, CompanyRules rules, String simplified) {
        this.lex = lex;
        this.rules = rules;
        this.outlookWords = CompanyLexicon.longestFirst(lex.outlook.keySet());
        this.t = simplified;
        this.growthEndsInPercent = rules.growthRules.stream().allMatch(r -> r.pattern().pattern().endsWith("(?:%|％)"));
    }

    /** Whether the clause marks the figure as adjusted or expected ("经调整", "市场预期的"), not as reported. */
    boolean isAdjusted(int from, int to) {
        String before = t.substring(Math.max(from, to - OUTLOOK_WINDOW), to).toLowerCase(Locale.ROOT);
        for (String w : lex.adjustedMarkers) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a minus sign stands right before the figure at {@code amountStart} ("净利润为-8,634.2万元", "分别为-3.41亿元
     * 和-6.72亿元"), not after a digit (a range) and not before {@code floor}.
     */
    boolean minusBefore(int amountStart, int floor) {
        // "归母净利润为负2,390万元": 负 right before the amount is its sign.
        return amountStart - 1 >= floor && amountStart >= 1 && "-－−负負".indexOf(t.charAt(amountStart - 1)) >= 0
                && (amountStart - 2 < floor || !Character.isDigit(t.charAt(amountStart - 2)));
    }

    /** Whether a loss word stands between a keyword and its figure, or is the keyword. */
    boolean isLoss(int from, int to) {
        if (to <= from) {
            // The figure before its keyword ("138亿元巨额亏损"): the keyword alone tells.
            return lex.lossWords.contains(t.substring(from, Math.min(t.length(), from + 4)))
                    || lex.lossWords.contains(t.substring(from, Math.min(t.length(), from + 2)));
        }
        if (minusBefore(to, from)) {
            return true;
        }
        String between = t.substring(from, Math.min(to, from + LOSS_WINDOW));
        for (String w : lex.lossWords) {
            if (between.contains(w)) {
                return true;
            }
        }
        return false;
    }

    Qualifier outlook(int sentenceStart, int amountStart) {
        int from = Math.max(sentenceStart, amountStart - OUTLOOK_WINDOW);
        // "…今年的目标是营收突破25亿元；乙全年完成工业产值8.7亿元": a semicolon ends the plan's statement.
        for (int i = amountStart - 1; i >= from; i--) {
            if (t.charAt(i) == '；' || t.charAt(i) == ';') {
                from = i + 1;
                break;
            }
        }
        String before = t.substring(from, amountStart);
        for (String w : outlookWords) {
            if (before.contains(w)) {
                return lex.outlook.get(w);
            }
        }
        return null;
    }

    BigDecimal growth(int from, int ce, int nextEnd) {
        // "同比增长12.5%": when every rule ends in a percent sign, a window without one is not searched.
        int percent = growthEndsInPercent
                ? firstPercent(from, Math.min(Math.max(ce, nextEnd), from + FIGURE_WINDOW)) : -2;
        for (int end : new int[]{ce, nextEnd}) {
            int to = Math.min(end, from + FIGURE_WINDOW);
            if (percent != -2 && to >= from && (percent < 0 || percent >= to)) {
                continue;
            }
            for (CompanyRules.GrowthRule rule : rules.growthRules) {
                Matcher g = rule.pattern().matcher(t).region(from, Math.min(end, from + FIGURE_WINDOW));
                if (g.find()) {
                    return new BigDecimal(g.group("pct")).multiply(BigDecimal.valueOf(rule.sign()));
                }
            }
        }
        return null;
    }

    /** The first % or ％ in {@code t[from, to)}, else -1. */
    private int firstPercent(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '%' || c == '％') {
                return i;
            }
        }
        return -1;
    }

    Integer rank(int from, int ce, int nextEnd) {
        int end = nextEnd;
        // Only the next 20 characters are looked at: an unbounded indexOf per figure was quadratic.
        int close = indexWithin(t, '）', from, from + 20);
        if (close < 0) {
            close = indexWithin(t, ')', from, from + 20);
        }
        if (close >= 0) {
            end = Math.max(end, Math.min(close + 1, t.length()));
        }
        for (CompanyRules.RankRule rule : rules.rankRules) {
            Matcher r = rule.pattern().matcher(t).region(from, Math.min(end, from + FIGURE_WINDOW));
            if (r.find()) {
                if (rule.rank() != null) {
                    return rule.rank();
                }
                return ChineseNumerals.parse(r.group("n")).map(BigDecimal::intValue).orElse(null);
            }
        }
        return null;
    }

    /** The first index of {@code c} in {@code s} from {@code from} to {@code last} inclusive, else -1. */
    static int indexWithin(String s, char c, int from, int last) {
        for (int i = from, end = Math.min(last, s.length() - 1); i <= end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
