package cn.newsevents.query.web;

import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    @Test
    void amountsAreWrittenInWanAndYiAsNewspapersDo() {
        assertEquals("8.74亿元", Formats.value(new BigDecimal("874000000"), Unit.CNY));
        assertEquals("874亿元", Formats.value(new BigDecimal("87400000000"), Unit.CNY));
        assertEquals("8.74万元", Formats.value(new BigDecimal("87373"), Unit.CNY));
        assertEquals("950元", Formats.value(new BigDecimal("950"), Unit.CNY));
        assertEquals("1.2亿美元", Formats.value(new BigDecimal("120000000"), Unit.USD));
        assertEquals("1.5万", Formats.value(new BigDecimal("15000"), Unit.COUNT));
    }

    @Test
    void sharesAndGrowthKeepTheirDecimals() {
        assertEquals("47.5%", Formats.value(new BigDecimal("47.50"), Unit.PERCENT));
        assertEquals("2个百分点", Formats.value(new BigDecimal("2"), Unit.PERCENTAGE_POINT));
        assertEquals("同比增长12.5%", Formats.growth(new BigDecimal("12.5")));
        assertEquals("同比下降3%", Formats.growth(new BigDecimal("-3.0")));
    }

    @Test
    void periodsReadAsChinese() {
        assertEquals("2024年第一季度", Formats.period(Period.parse("2024-Q1")));
        assertEquals("2024年上半年", Formats.period(Period.parse("2024-H1")));
        assertEquals("2024年3月", Formats.period(Period.parse("2024-03")));
        assertEquals("2021年至2023年", Formats.period(Period.parse("2021/2023")));
        assertEquals("2025年第一季度至2025年第三季度", Formats.period(Period.parse("2025-Q1/2025-Q3")));
    }
}
