package cn.newsevents.extraction.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "一|1", "十|10", "十五|15", "三十五|35", "两百|200", "一百零五|105", "一千二百三十四|1234",
            "一万五千|15000", "十万|100000", "一百万|1000000", "两千万|20000000", "一亿二千万|120000000",
            "十万亿|10000000000000", "百亿|10000000000", "千亿|100000000000", "一兆|1000000000000",
            "三点五|3.5", "二〇二三|2023", "萬|10000", "億|100000000",
            "87373萬|873730000", "959.8億|95980000000", "1.75亿|175000000", "3,558|3558", "１２３|123",
            "100万|1000000", "1千|1000",
    })
    void readsNumber(String text, String value) {
        BigDecimal v = ChineseNumerals.parse(text).orElseThrow(() -> new AssertionError("Not read: " + text));
        assertEquals(0, new BigDecimal(value).compareTo(v), text + " gave " + v);
    }
}
