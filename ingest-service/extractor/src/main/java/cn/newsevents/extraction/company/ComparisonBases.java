package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures that comparisons give for an earlier period right after a reported one ("营收512亿元，高于去年同期
 * 478亿元", "净利润5.12亿元，按年多赚26%，去年同期为4.06亿元", "客户数从上年末的310万增加到1960万"): the same company and
 * metric, at the period the comparison names, with a lower confidence. Reads the article's text in windows of
 * {@link #COMPARISON_WINDOW} characters after the figure; answers the figures and leaves storing them to the reader.
 * One instance per article; it keeps no state between questions.
 */
final class ComparisonBases {
    /** How far after a figure (or a clause break after it) its comparison may stand. */
    private static final int COMPARISON_WINDOW = 40;
    /** How much of a figure's clause after it may stand before a comparison in the next clause. */
    private static final int SHARE_TAIL = 16;
    /** The year before, in a comparison with the figure just reported. */
    private static final Pattern PREVIOUS_YEAR = Pattern.compile("上年|去年|上一年|前一年|上一个?财政年度|上个?财年");
    /** A concession between a figure and its comparison: "，虽稳居第一，但". */
    private static final Pattern CONCESSION = Pattern.compile("[，,](?:虽然|虽)[^，,。；;0-9]{1,12}[，,](?:但是|但|却)?");
    /** Words of a profit in a comparison after a loss ("亏损1.02亿元，上年同期盈利0.86亿元"). */
    private static final Pattern GAIN = Pattern.compile("盈利|获利|獲利|盈余|盈餘|溢利|赚|賺");
    /** A clause of a year-on-year change right after a figure ("，按年多赚26%", "，同比增长9.4%"). */
    private static final String GROWTH = "(?:按年|按月|同比|环比|年增|年减|月增|月减|季增|季减|较上年|比上年|較上年)"
            + "[^，,；;。0-9]{0,6}[0-9]{1,4}(?:\\.[0-9]{1,3})?[%％]";
    /** The same figure in another currency, after it: "，折合约8.5亿港元". */
    private static final Pattern CONVERTED = Pattern.compile("[，,](?:折合|约合|相当于)约?" + Amounts.REGEX);
    /** One to three year-on-year changes right after a figure. */
    private static final Pattern GROWTH_CLAUSE = Pattern.compile("[，,]" + GROWTH + "(?:、" + GROWTH + "){0,2}");

    private final CompanyLexicon lex;
    private final CompanyRules rules;
    private final KeywordScanner keywords;
    private final String t;
    private final FigurePeriods periods;
    private final FigureCues cues;
    private final int publicationYear;
    private final Unit defaultCurrency;

    /**
     * @param keywords        the metric keywords: a comparison with a keyword of another metric is a figure of its own
     * @param t               the article text in simplified characters
     * @param publicationYear the year the article was published (the anchor of a base's period)
     * @param defaultCurrency the currency of a bare 元 in this article
     */
    ComparisonBases(CompanyLexicon lex, CompanyRules rules, KeywordScanner keywords, String t, FigurePeriods periods,
                    FigureCues cues, int publicationYear, Unit defaultCurrency) {
        this.lex = lex;
        this.rules = rules;
        this.keywords = keywords;
        this.t = t;
        this.periods = periods;
        this.cues = cues;
        this.publicationYear = publicationYear;
        this.defaultCurrency = defaultCurrency;
    }

    /**
     * The figures that comparisons right after a reported figure give for earlier periods, in text order: in a bracket
     * after the amount ("3.12亿元人民币(2021年:8,650万元)"), after the same figure in another currency or its growth
     * ("，按年多赚26%，去年同期为4.06亿元"), after the rest of its clause or a concession, and the starting figure of
     * a change ("从上年末的310万增加到1960万").
     *
     * @param change where 从/由 opens a change between the keyword and the amount, else -1
     * @param loss   whether the reported figure is a loss
     */
    List<FigureAssembly.Figure> after(int amountStart, int amountEnd, int nextEnd, int change, String company,
                                      Metric metric, CompanyLexicon.AmountKind kind, Period period, boolean loss,
                                      int evStart, List<Periods.Mention> mentions, double confidence) {
        List<FigureAssembly.Figure> out = new ArrayList<>();
        if (loss && cues.minusBefore(amountStart, Math.max(0, amountStart - 1))) {
            // "归母净利润-5.02亿元（上年同期为2.44亿元）": a text that writes its losses with a minus sign writes a base
            // without one as a profit.
            loss = false;
        }
        // "5.62亿元（人民币，下同），较2023年的2.71亿元…": an aside in brackets after the figure.
        int after = amountEnd;
        if (after < t.length() && (t.charAt(after) == '（' || t.charAt(after) == '(')) {
            int close = t.indexOf(t.charAt(after) == '（' ? '）' : ')', after);
            if (close > after && close - after <= CompanyExtractor.BRACKET_REACH) {
                // "收入3.12亿元人民币(2021年:8,650万元)": the earlier year's figure in brackets.
                comparisonBase(out, after, close + 1, company, metric, kind, period, loss, evStart,
                        mentions, confidence);
                after = close + 1;
            }
        }
        Matcher converted = CONVERTED.matcher(t).region(after, Math.min(t.length(), after + COMPARISON_WINDOW));
        int compareEnd = Math.max(nextEnd, after);
        if (converted.lookingAt()) {
            // "8.76亿澳门元，折合约8.5亿港元，较二〇二二年的6.12亿元增加": the same figure in another currency.
            after = converted.end();
            compareEnd = clauseEndAfter(after);
        }
        Matcher growthClause = GROWTH_CLAUSE.matcher(t).region(after, Math.min(t.length(), after + 24));
        if (growthClause.lookingAt()) {
            // "股东应占溢利5.12亿元，按年多赚26%，去年同期为4.06亿元": the base after the change, in its clause.
            after = growthClause.end();
            compareEnd = clauseEndAfter(after);
        }
        boolean based = comparisonBase(out, after, Math.min(compareEnd, after + COMPARISON_WINDOW), company, metric,
                kind, period, loss, evStart, mentions, confidence);
        int clauseBreak = commaAfterTail(after);
        if (!based && clauseBreak > after) {
            // "以24.6%的市场份额继续排名第一，较2023年全年的21.8%提升": the comparison after the rest of the
            // figure's clause, when that rest holds no other number.
            comparisonBase(out, clauseBreak, Math.min(clauseEndAfter(clauseBreak), clauseBreak + COMPARISON_WINDOW),
                    company, metric, kind, period, loss, evStart, mentions, confidence);
        }
        Matcher conceded = CONCESSION.matcher(t).region(after, Math.min(t.length(), after + COMPARISON_WINDOW));
        if (!based && conceded.lookingAt()) {
            // "市占率58.3%，虽稳居第一，但较去年同期的64.1%下滑": the comparison after a concession.
            comparisonBase(out, conceded.end(), Math.min(clauseEndAfter(conceded.end() - 1),
                    conceded.end() + COMPARISON_WINDOW), company, metric, kind, period, loss,
                    evStart, mentions, confidence);
        }
        int from = change;
        if (from >= 0 && from < amountStart) {
            // "客户数从上年末的310万增加到1960万": the starting figure is the earlier period's.
            comparisonBase(out, from, amountStart, company, metric, kind, period, loss, evStart,
                    mentions, confidence);
        }
        return out;
    }

    /** The figure a comparison after a listed share gives for an earlier period (at most one). */
    List<FigureAssembly.Figure> afterListedShare(FigureAssembly.Figure f, List<Periods.Mention> mentions) {
        List<FigureAssembly.Figure> out = new ArrayList<>();
        int clauseBreak = commaAfterTail(f.evidenceEnd());
        if (clauseBreak >= 0) {
            comparisonBase(out, clauseBreak, Math.min(clauseEndAfter(clauseBreak), clauseBreak + COMPARISON_WINDOW),
                    f.company(), f.metric(), CompanyLexicon.AmountKind.PERCENT, f.period(), false,
                    f.evidenceStart(), mentions, f.confidence());
        }
        return out;
    }

    /**
     * The figure a comparison gives for an earlier period right after a reported one ("营收512亿元，高于去年同期
     * 478亿元", "门店1820家，比上年末的760家增长…"): the same company and metric, at the period the comparison
     * names. A loss compared with a loss stays a loss; with a profit (上年同期盈利…) it is a profit.
     */
    private boolean comparisonBase(List<FigureAssembly.Figure> out, int from, int to, String company, Metric metric,
                                   CompanyLexicon.AmountKind kind, Period period, boolean loss, int evStart,
                                   List<Periods.Mention> mentions, double confidence) {
        if (from >= to) {
            return false;
        }
        Matcher c = rules.comparison.matcher(t).region(from, to);
        if (!c.lookingAt()) {
            return false;
        }
        for (KeywordScanner.Hit h : keywords.find(t, c.start(), c.start("amount"))) {
            Optional<Metric> other = lex.keywords.getOrDefault(h.word(), Optional.empty());
            if (other.isPresent() && other.get() != metric) {
                // "，去年全年亏损236亿元" after a profit: a figure of its own, read by its own keyword.
                return false;
            }
        }
        Optional<Amount> parsed = Amounts.parse(c.group("amount"));
        Period reported = periods.periodOf(from, mentions);
        if (reported == null) {
            // "营收从2020年的20亿元跃升至去年的38.2亿元": the figure's period is written after the base.
            reported = period;
        }
        if (parsed.isEmpty() || reported == null) {
            return false;
        }
        Periods.Anchor anchor = new Periods.Anchor(publicationYear, 0, reported.endYear(), null, reported);
        List<Periods.Mention> base = Periods.findInComparison(t, c.start(), c.start("amount"), anchor);
        Period basePeriod = base.isEmpty() ? null : base.get(base.size() - 1).period();
        if ((basePeriod == null || basePeriod.equals(period)) && period != null
                && PREVIOUS_YEAR.matcher(t).region(c.start(), c.start("amount")).find()) {
            // "较上一财政年度的9.77亿元": the financial year before the figure's (a year earlier, month for month).
            // "2025年营收38.62亿元，较上年的33.05亿元…": 上年 is the year before the figure's, whenever published.
            basePeriod = period.yearEarlier();
        }
        if (basePeriod == null || basePeriod.equals(period)) {
            return false;
        }
        Amount amount = parsed.get();
        if (!lex.fits(metric, amount)) {
            return false;
        }
        BigDecimal value = FigureAssembly.plain(amount.value());
        boolean gain = GAIN.matcher(t).region(c.start(), c.start("amount")).find();
        if (loss && !gain || cues.isLoss(c.start(), c.start("amount"))) {
            value = value.negate();
        }
        Unit unit = kind == CompanyLexicon.AmountKind.COUNT ? Unit.COUNT
                : ReportCurrency.unitOf(amount, c.group("amount"), defaultCurrency);
        out.add(new FigureAssembly.Figure(company, metric, basePeriod, value, unit, amount.qualifier(), null,
                null, null, evStart, c.end(), confidence - 0.1));
        return true;
    }

    /** "从2020年的…跃升至去年的38.2亿元": the figure's own period, written after 至 (到) and before it. */
    boolean datedAfterChange(int change, int amountStart, List<Periods.Mention> mentions) {
        int to = Math.max(t.lastIndexOf('至', amountStart), t.lastIndexOf('到', amountStart));
        if (to < change) {
            return false;
        }
        for (Periods.Mention pm : mentions) {
            if (pm.start() > to && pm.end() <= amountStart && pm.period() != null) {
                return true;
            }
        }
        return false;
    }

    /** Where "从…" / "由…" opens a change between a keyword and its figure ("由年初的820人增至960人"), else -1. */
    int changeStart(int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == '从' || t.charAt(i) == '由') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The comma ending the rest of a figure's clause after {@code from}, when that rest is short
     * ({@link #SHARE_TAIL}) and holds no number; else -1.
     */
    private int commaAfterTail(int from) {
        int i = from;
        while (i < t.length() && i - from < SHARE_TAIL && CompanyExtractor.CLAUSE_BREAKS.indexOf(t.charAt(i)) < 0
                && CompanyExtractor.SENTENCE_BREAKS.indexOf(t.charAt(i)) < 0 && !Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i < t.length() && "，,".indexOf(t.charAt(i)) >= 0 ? i : -1;
    }

    /**
     * The end of the clause that starts with the break at {@code at}, looked for no further than a comparison's
     * window: the cost per figure stays bounded.
     */
    private int clauseEndAfter(int at) {
        int end = at + 1;
        while (end < t.length() && end - at <= COMPARISON_WINDOW
                && (CompanyExtractor.CLAUSE_BREAKS.indexOf(t.charAt(end)) < 0
                || CompanyExtractor.isThousandsSeparator(t, end))) {
            // "3億9,260萬元": a thousands separator does not end the clause.
            end++;
        }
        return end;
    }
}
