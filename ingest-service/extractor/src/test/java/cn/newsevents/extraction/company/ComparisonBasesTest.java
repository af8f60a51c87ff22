package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Periods;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ComparisonBases}: the figures a comparison right after a reported figure gives for an earlier period. */
class ComparisonBasesTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());

    private static List<Periods.Mention> mentions(String text) {
        return Periods.find(text, 0, text.length(), new Periods.Anchor(2024, 3, null, null, null));
    }

    private static ComparisonBases bases(String text) {
        return new ComparisonBases(LEX, new CompanyRules(LEX), KEYWORDS, text, new FigurePeriods(text),
                new FigureCues(LEX, new CompanyRules(LEX), text), 2024, Unit.CNY);
    }

    /**
     * The bases read after 云擎智能's revenue written as {@code amount} in the one-sentence {@code text}, as
     * "company|metric|period|value|unit".
     */
    private static List<String> after(String text, String amount, boolean loss) {
        int amountStart = text.indexOf(amount);
        int amountEnd = amountStart + amount.length();
        List<Periods.Mention> mentions = mentions(text);
        Period period = new FigurePeriods(text).periodOf(amountStart, mentions);
        int nextEnd = text.indexOf('，', amountEnd + 1) < 0 ? text.length() - 1 : text.indexOf('，', amountEnd + 1);
        ComparisonBases bases = bases(text);
        int change = bases.changeStart(0, amountStart);
        return bases.after(amountStart, amountEnd, nextEnd, change, "云擎智能", Metric.REVENUE,
                        LEX.kinds.get(Metric.REVENUE), period, loss, 0, mentions, 0.85).stream()
                .map(f -> f.company() + "|" + f.metric().code() + "|" + f.period() + "|" + f.value().toPlainString()
                        + "|" + f.unit()).toList();
    }

    @Test
    void theYearBeforeRightAfterTheFigure() {
        assertEquals(List.of("云擎智能|revenue|2022|47800000000|CNY"),
                after("云擎智能2023年营业收入512亿元，高于2022年的478亿元。", "512亿元", false));
        // A bare 上年 is the year before the figure's.
        assertEquals(List.of("云擎智能|revenue|2022|3305000000|CNY"),
                after("云擎智能2023年营业收入38.62亿元，较上年的33.05亿元增长16.9%。", "38.62亿元", false));
    }

    @Test
    void theBaseAfterAGrowthClauseOrABracket() {
        assertEquals(List.of("云擎智能|revenue|2022|4060000000|CNY"),
                after("云擎智能2023年营业收入51.2亿元，同比增长26%，2022年为40.6亿元。", "51.2亿元", false));
        assertEquals(List.of("云擎智能|revenue|2021|86500000|CNY"),
                after("云擎智能2022年营业收入3.12亿元(2021年:8,650万元)。", "3.12亿元", false));
    }

    @Test
    void theStartingFigureOfAChange() {
        assertEquals(List.of("云擎智能|revenue|2022|2000000000|CNY"),
                after("云擎智能营业收入从2022年的20亿元跃升至2023年的38.2亿元。", "38.2亿元", false));
    }

    @Test
    void noComparisonNoBase() {
        assertEquals(List.of(), after("云擎智能2023年营业收入512亿元，同比增长12%。", "512亿元", false));
        // The same period again is no base.
        assertEquals(List.of(), after("云擎智能2023年营业收入512亿元，高于2023年的478亿元。", "512亿元", false));
    }

    @Test
    void whereAChangeOpens() {
        ComparisonBases bases = bases("客户数从上年末的310万增加到1960万");
        assertEquals(3, bases.changeStart(0, 17));
        assertEquals(-1, bases.changeStart(4, 17));
    }

    @Test
    void aListedShareComparedWithTheYearBefore() {
        String text = "澜庭以17.6%的份额稳居第一，较2023年同期的15.1%提升。";
        int end = text.indexOf("17.6%") + 5;
        FigureAssembly.Figure share = new FigureAssembly.Figure("澜庭", Metric.MARKET_SHARE, new Period.Year(2024),
                new BigDecimal("17.6"), Unit.PERCENT, null, null, null, null, 0, end, 0.8);
        assertEquals(List.of("澜庭|market_share|2023|15.1|PERCENT"), bases(text).afterListedShare(share, mentions(text))
                .stream().map(f -> f.company() + "|" + f.metric().code() + "|" + f.period() + "|"
                        + f.value().toPlainString() + "|" + f.unit()).toList());
    }
}
