package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Periods;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FigureTables}: figures laid out as a table, read by the header's columns. */
class FigureTablesTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());
    private static final CompanyNames NAMES = new CompanyNames(LEX);

    /** The figures of the table whose header is the second line of {@code text}, as "company|metric|period|value|unit". */
    private static List<String> read(String text) {
        ArticleCompanies companies = new ArticleCompanies(LEX, NAMES, text, 0, List.of());
        FigureTables tables = new FigureTables(LEX, KEYWORDS, new SpanChecks(LEX, NAMES, KEYWORDS, List.of()),
                companies, text);
        int header = text.indexOf('\n') + 1;
        int headerEnd = text.indexOf('\n', header);
        List<FigureAssembly.Figure> out = new ArrayList<>();
        tables.read(0, header, headerEnd, new Periods.Anchor(2024, 3, null, null, null), null, Unit.CNY, out);
        return out.stream().map(f -> f.company() + "|" + f.metric().code() + "|" + f.period() + "|"
                + f.value().toPlainString() + "|" + f.unit().code()).toList();
    }

    @Test
    void aRowHasAColumnSeparator() {
        String row = "1｜甲重工｜22.7";
        assertTrue(FigureTables.isRow(row, 0, row.length()));
        String prose = "港股收市，恒指升528点";
        assertFalse(FigureTables.isRow(prose, 0, prose.length()));
    }

    @Test
    void aHeadlineWithASeparatorIsNoTable() {
        assertEquals(List.of(), read("标题\n港股收市｜恒指升528点 成交逾2,900亿\n"));
    }

    @Test
    void eachMetricColumnGivesEachCompanyItsFigure() {
        assertEquals(List.of("恒田重工|market_share|2023|22.7|percent", "禾川机械|market_share|2023|17.4|percent"),
                read("2023年国内拖拉机市场占有率前五名（单位：%）\n排名｜企业｜市场占有率｜同比变化（百分点）\n"
                        + "1｜恒田重工｜22.7｜+1.9\n2｜禾川机械｜17.4｜-0.6\n"));
    }

    @Test
    void aColumnsUnitAndPeriodComeFromItsHeaderOrTheLineAbove() {
        assertEquals(List.of("宏达电子|revenue|2024-02|4287016000|TWD"),
                read("（单位：新台币千元）\n公司｜2月营收｜月增率\n宏达电子｜4,287,016｜6.1%\n"));
        assertEquals(List.of("宏达电子|revenue|2023|1250000000|CNY"),
                read("2023年主要企业\n企业｜营业收入（亿元）\n宏达电子｜12.5\n"));
    }

    @Test
    void aTableWithoutACompanyColumnGivesNothing() {
        assertEquals(List.of(), read("2023年各区数据\n地区｜营业收入（亿元）\n东区｜12.5\n"));
    }
}
