package cn.newsevents.extraction.date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChineseDatesTest {

    @ParameterizedTest(name = "{1} published {0} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2024-05-07|5月6日下午,市委书记主持召开|2024-05-06|afternoon",
            "2024-05-07|4月9日的首场座谈会|2024-04-09|-",
            "2020-11-26|昨天(11月25日),座谈会召开|2020-11-25|-",
            "2019-11-18|今天(11月18日)开到了新北|2019-11-18|-",
            "2019-11-11|星期五(11月8日)晚上|2019-11-08|evening",
            "2025-02-17|习近平17日上午在京出席|2025-02-17|morning",
            "2024-05-07|17日召开|2024-04-17|-",
            "2024-05-20|17日召开|2024-05-17|-",
            "2024-05-20|今晚举行|2024-05-20|evening",
            "2024-05-20|昨天下午|2024-05-19|afternoon",
            "2024-05-20|前天|2024-05-18|-",
            "2024-05-20|2023年12月1日|2023-12-01|-",
            "2024-05-20|去年11月3日|2023-11-03|-",
            "2024-01-05|12月28日召开|2023-12-28|-",
            "2024-05-20|五月六日|2024-05-06|-",
            "2020-11-26|十一月二十五日|2020-11-25|-",
            "2022-09-05|經濟部今(5)日舉辦|2022-09-05|-",
            "2024-07-30|上月28日，市长主持召开|2024-06-28|-",
            "2024-07-30|本月3日召开|2024-07-03|-",
            "2021-06-21|今日(六月二十日)上午|2021-06-20|morning",
            "2023-05-01|昨天(4月30日)下午|2023-04-30|afternoon",
            "2022-03-09|縣長今（9）日與工商團體|2022-03-09|-",
            "2022-09-05|昨（4）日|2022-09-04|-",
            "2024-05-23|星期三|2024-05-22|-",
            "2024-05-23|上周五|2024-05-17|-",
            "2024-05-23|5月23日|2024-05-23|-",
    })
    void resolvesTheFirstDateAgainstPublication(String published, String text, String expected, String timeOfDay) {
        List<DateMention> found = ChineseDates.find(text, 0, text.length(), LocalDate.parse(published));
        assertTrue(!found.isEmpty(), "a date in '" + text + "'");
        assertEquals(LocalDate.parse(expected), found.get(0).date(), text);
        assertEquals(timeOfDay, found.get(0).timeOfDay(), text);
    }

    @Test
    void dayOnlyDatesAfterAFullDateTakeItsMonth() {
        String text = "分别在4月9日、18日、26日召开专题座谈会";
        List<DateMention> found = ChineseDates.find(text, 0, text.length(), LocalDate.parse("2024-05-07"));
        assertEquals(List.of(LocalDate.parse("2024-04-09"), LocalDate.parse("2024-04-18"),
                LocalDate.parse("2024-04-26")), found.stream().map(DateMention::date).toList());
        assertEquals("4月9日", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals("26日", text.substring(found.get(2).start(), found.get(2).end()));
    }

    @ParameterizedTest
    @CsvSource({"2月30日", "13月1日", "一个月内连开4场", "第二场", "日本企业", "3.5日元", "2023年", "今年3月", "123日", "“周三有约”座谈会"})
    void textWithoutARealDayGivesNoDate(String text) {
        assertEquals(List.of(), ChineseDates.find(text, 0, text.length(), LocalDate.parse("2024-05-07")));
    }

    @ParameterizedTest(name = "{1} published {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2024-06-21|（中央社记者某某台北20日电）部长今天上午|2024-06-20",
            "2024-06-21|新华社北京6月20日电 总理今天|2024-06-20",
            "2024-06-21|本报讯 市长今天上午|2024-06-21",
            "2024-06-21|新华社北京6月10日电 总理今天|2024-06-21",
    })
    void aWireDatelineIsTheDayRelativeWordsCountFrom(String published, String text, String expected) {
        assertEquals(LocalDate.parse(expected), ChineseDates.dateline(text, 0, text.length(), LocalDate.parse(published)));
    }
}
