package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stages of company-figure extraction on their own: shared-figure lists, repeats, the report's currency. */
class FigureStagesTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final FigureLists LISTS = new FigureLists(LEX, new CompanyNames(LEX),
            new KeywordScanner(LEX.keywords.keySet()));

    private static final SeriesLists SERIES = new SeriesLists(LEX);
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());

    /** The figures of a series list in one clause, as "metric|period|amount as written|sign", and where its subject ends. */
    private static List<String> series(String clause, boolean perYear) {
        List<KeywordScanner.Hit> hits = KEYWORDS.find(clause, 0, clause.length());
        java.util.Optional<SeriesLists.Series> found = perYear
                ? SERIES.perYear(clause, 0, 0, clause.length(), hits,
                        cn.newsevents.extraction.normalize.Periods.find(clause, 0, clause.length(),
                                new cn.newsevents.extraction.normalize.Periods.Anchor(2024, null, null)))
                : SERIES.perMetric(clause, clause.length(), hits);
        return found.map(s -> s.items().stream().map(i -> i.metric().code() + "|" + i.period() + "|"
                + clause.substring(i.start(), i.end()) + "|" + (i.negative() ? "-" : "+")).toList()).orElse(List.of());
    }

    @Test
    void oneFigurePerListedYear() {
        assertEquals(List.of("revenue|2021|18.4亿元|+", "revenue|2022|24.9亿元|+", "revenue|2023|37.8亿元|+"),
                series("2021年至2023年公司分别实现营收18.4亿元、24.9亿元和37.8亿元", true));
        assertEquals(List.of("net_profit|2022|1.2亿元|+", "net_profit|2023|5800万元|-"),
                series("2022年和2023年，某某光电净利润分别为1.2亿元和亏损5800万元", true));
    }

    @Test
    void oneFigurePerListedPeriodOfAnyKind() {
        assertEquals(List.of("revenue|2020|4.62亿元|+", "revenue|2021-Q1/2021-Q3|3.98亿元|+"),
                series("2020年及2021年1-9月，某某医疗分别实现营业收入4.62亿元、3.98亿元", true));
        // Two periods not joined as a list ("2020年营收…，2021年1-9月") are no series.
        assertEquals(List.of(), series("2020年公司增长较快，2021年1-9月公司分别实现营业收入4.62亿元、3.98亿元", true));
    }

    @Test
    void aSeriesWithMoreFiguresThanYearsGivesNothing() {
        assertEquals(List.of(), series("2022年和2023年公司营收分别为3亿元、4亿元和5亿元", true));
        assertEquals(List.of(), series("公司营收分别为3亿元和4亿元", true));
    }

    @Test
    void oneFigurePerListedMetric() {
        assertEquals(List.of("revenue|null|26.9亿元|+", "profit|null|6815万元|+"),
                series("公司前三季度营业收入、利润总额分别为26.9亿元、6815万元", false));
        assertEquals(List.of(), series("公司营业收入、利润总额分别增长12%和9%", false));
    }

    /** The figures {@link SharedFigures} reads in the one-paragraph text, as "company|metric|period|value|unit". */
    private static List<String> shared(String text) {
        FigureCues cues = new FigureCues(LEX, new CompanyRules(LEX), text);
        SharedFigures stage = new SharedFigures(LEX, KEYWORDS, LISTS, text,
                new ArticleCompanies(LEX, new CompanyNames(LEX), text, 0, List.of()), new FigurePeriods(text), cues, Unit.CNY);
        List<cn.newsevents.extraction.normalize.Periods.Mention> mentions = cn.newsevents.extraction.normalize.Periods
                .find(text, 0, text.length(), new cn.newsevents.extraction.normalize.Periods.Anchor(2024, 3, null, null, null));
        List<String> out = new java.util.ArrayList<>();
        stage.sentence(0, text.length(), mentions, null, (f, last) -> out.add(f.company() + "|" + f.metric().code() + "|"
                + f.period() + "|" + f.value().toPlainString() + "|" + f.unit()));
        return out;
    }

    @Test
    void companiesRankedOnABoardOfAMetricEachTakeTheirOwnAmount() {
        assertEquals(List.of("青禾建材有限公司|tax|2023|386000000|CNY", "云杉机械有限公司|tax|2023|210000000|CNY"),
                shared("2023年全县纳税排行榜上，青禾建材有限公司以3.86亿元位列第一，云杉机械有限公司以2.1亿元位居第二。"));
        assertEquals(List.of("青禾建材有限公司|revenue|2023|520000000|CNY", "云杉机械有限公司|revenue|2023|310000000|CNY"),
                shared("2023年营收超亿元的企业共9家，分别是青禾建材有限公司（5.2亿元）、云杉机械有限公司（3.1亿元）。"));
    }

    @Test
    void namesWithoutAmountsOfTheirOwnShareNothing() {
        assertEquals(List.of(), shared("2023年全县纳税排行榜前两位是青禾建材有限公司和云杉机械有限公司，合计纳税5.96亿元。"));
    }

    private static List<String> listed(String sentence) {
        return LISTS.find(sentence, 0, sentence.length()).stream()
                .map(l -> l.name() + "|" + l.metric().code() + "|" + l.amount().strip()).toList();
    }

    @Test
    void namesAndFiguresOfOneSentenceArePairedInOrder() {
        assertEquals(List.of("东翔|net_profit|12.5亿元", "西岭|net_profit|8.3亿元"),
                listed("两大航空公司东翔、西岭今年上半年都出现亏损，分别达12.5亿元与8.3亿元。"));
        assertEquals(List.of("甲星娱乐|market_share|21.4%", "乙辰国际|market_share|18%"),
                listed("甲星娱乐(1234)及乙辰国际(5678)的市占率分别为21.4%及18%。"));
    }

    @Test
    void listsOfUnequalLengthGiveNothing() {
        assertEquals(List.of(), listed("东翔、西岭、南川今年上半年都出现亏损，分别达12.5亿元与8.3亿元。"));
    }

    @Test
    void sharesWrittenAfterTheirNamesAreRead() {
        assertEquals(List.of("云鲸星|market_share|23.5%", "石川|market_share|19.2%"),
                listed("扫地机器人市场份额排名为：云鲸星(23.5%)、石川(19.2%)。"));
        assertEquals(List.of("甲咖|market_share|38.6%", "乙咖|market_share|21.3%"),
                listed("咖啡连锁市场份额：甲咖占38.6%、乙咖占21.3%。"));
    }

    @Test
    void percentagesOfChangeAreNotShares() {
        assertEquals(List.of(), listed("公司营收同比增长14.2%，市场份额提升至23.4%。"));
    }

    @Test
    void aValueWrittenWithFewerDigitsIsARepeat() {
        assertTrue(FigureAssembly.writtenShorter(new BigDecimal("4731000000"), new BigDecimal("4731600000")));
        assertTrue(FigureAssembly.writtenShorter(new BigDecimal("41"), new BigDecimal("41.3")));
        assertFalse(FigureAssembly.writtenShorter(new BigDecimal("41.3"), new BigDecimal("41")));
        assertFalse(FigureAssembly.writtenShorter(new BigDecimal("39"), new BigDecimal("41.3")));
        assertFalse(FigureAssembly.writtenShorter(new BigDecimal("-65"), new BigDecimal("65.2")));
    }

    @Test
    void aTaiwanDatelineInTraditionalCharactersMeansNewTaiwanDollars() {
        assertEquals(Unit.TWD, ReportCurrency.of("【記者王明／台北報導】營收為128億元", "【记者王明／台北报导】营收为128亿元"));
        assertEquals(Unit.CNY, ReportCurrency.of("【记者王明／台北报导】营收为128亿元", "【记者王明／台北报导】营收为128亿元"));
        assertEquals(Unit.CNY, ReportCurrency.of("營收為128億元（人民幣）", "营收为128亿元（人民币）"));
        assertEquals(Unit.TWD, ReportCurrency.of("营收为新台币128亿元", "营收为新台币128亿元"));
        assertEquals(Metric.REVENUE, LEX.keywords.get("营收").orElseThrow());
    }
}
