package cn.newsevents.extraction.normalize;

import cn.newsevents.contract.event.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodsTest {

    /** Resolves the last period expression of {@code text} for an article published in {@code year}. */
    private static String last(String text, int year, Integer lastFullYear) {
        List<Periods.Mention> found = Periods.find(text, 0, text.length(),
                new Periods.Anchor(year, null, lastFullYear));
        if (found.isEmpty()) {
            return "none";
        }
        Period p = found.get(found.size() - 1).period();
        return p == null ? "undated" : p.toString();
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2023年，公司销售额|2024|2023",
            "2023年度营收|2024|2023",
            "2023财年营收|2024|2023",
            "2024年1—3月銷售額|2024|2024-Q1",
            "2024年1-3月|2024|2024-Q1",
            "2024年4~6月|2024|2024-Q2",
            "2024年1—6月|2024|2024-H1",
            "2024年1-9月|2024|2024-Q1/2024-Q3",
            "2024年1-4月|2024|2024-01/2024-04",
            "2024年一季度|2024|2024-Q1",
            "2024年第三季度|2024|2024-Q3",
            "一季度营收|2025|2025-Q1",
            "前三季度|2025|2025-Q1/2025-Q3",
            "2024年前三季度|2025|2024-Q1/2024-Q3",
            "上半年|2024|2024-H1",
            "2023年下半年|2024|2023-H2",
            "截至2024年3月|2024|2024-03",
            "截至2025年3月31日的2024财年|2025|2024-04/2025-03",
            "截至今年6月30日的2025财年|2025|2024-07/2025-06",
            "2024年10月至2025年3月|2025|2024-10/2025-03",
            "2025年4月1日至6月30日|2025|2025-Q2",
            "2024年10月1日至2025年3月31日|2025|2024-10/2025-03",
            "2025会计年度（截至9月27日）|2025|2024-10/2025-09",
            "2024财年（截至2025年3月末）|2025|2024-04/2025-03",
            "截至2024年3月31日止六个月|2024|2023-10/2024-03",
            "截至9月30日止半年|2024|2024-Q2/2024-Q3",
            "截至2025年3月31日的2024财年业绩，预计2025财年|2025|2025-04/2026-03",
            "截至今年6月30日的2025财年，前一财年|2025|2023-07/2024-06",
            "截至2025年3月31日的2024财年。该财年|2025|2024-04/2025-03",
            "截至2024年3月末|2024|2024-03",
            "截至2023年底|2024|2023-12",
            "今年3月|2024|2024-03",
            "去年|2018|2017",
            "今年|2024|2024",
            "前年|2024|2022",
            "近三年|2024|2021/2023",
            "近3年|2024|2021/2023",
            "近五年来|2024|2019/2023",
            "目前已在全国|2024|undated",
            "每年研发投入|2024|undated",
            "5月6日下午|2024|none",
            "较上年同期增长|2024|none",
            "比去年增长|2024|none",
    })
    void resolvesPeriod(String text, int year, String expected) {
        assertEquals(expected, last(text, year, null), text);
    }

    @Test
    void recentYearsEndAtTheLatestFullYearInContext() {
        assertEquals("2020/2022", last("近三年", 2024, 2022));
        String text = "2023年，销售额大增。近三年研发投入";
        assertEquals("2021/2023", last(text, 2024, null));
    }

    @Test
    void wholeYearTakesTheYearInContext() {
        assertEquals("2022", last("2022年，产值增长；全年研发投入", 2024, null));
        assertEquals("none", last("全年研发投入", 2024, null));
    }

    @Test
    void periodsPrintTheirWireForm() {
        assertEquals("2023", new Period.Year(2023).toString());
        assertEquals("2024-Q1", new Period.Quarter(2024, 1).toString());
        assertEquals("2024-H1", new Period.Half(2024, 1).toString());
        assertEquals("2024-03", new Period.Month(2024, 3).toString());
        assertEquals("2021/2023", new Period.Range(new Period.Year(2021), new Period.Year(2023)).toString());
        assertEquals("2024-Q1", Period.months(2024, 1, 3).toString());
        assertEquals("2024", Period.months(2024, 1, 12).toString());
        assertThrows(IllegalArgumentException.class, () -> new Period.Quarter(2024, 5));
        assertNull(null);
    }
}
