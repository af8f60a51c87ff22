package cn.newsevents.contract.event;

import cn.newsevents.contract.messaging.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {
    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void everyWireFormParsesToItsTypeAndPrintsBackUnchanged() {
        assertEquals(new Period.Year(2023), Period.parse("2023"));
        assertEquals(new Period.Quarter(2024, 1), Period.parse("2024-Q1"));
        assertEquals(new Period.Half(2024, 2), Period.parse("2024-H2"));
        assertEquals(new Period.Month(2024, 3), Period.parse("2024-03"));
        assertEquals(new Period.Range(new Period.Quarter(2025, 1), new Period.Quarter(2025, 3)),
                Period.parse("2025-Q1/2025-Q3"));
        for (String text : List.of("2023", "2024-Q4", "2024-H1", "2024-12", "2021/2023", "2011-Q1/2011-Q3",
                "2024-01/2024-10")) {
            assertEquals(text, Period.parse(text).text());
            assertEquals(text, Period.parse(text).toString());
        }
    }

    @Test
    void malformedPeriodsAreRefusedWithTheAcceptedForms() {
        for (String text : List.of("", "23", "2024-Q5", "2024-H3", "2024-13", "2024-00", "2024-W7", "2024-3",
                "2021/2022/2023", "2024-Q1/", "二〇二四")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text), text);
            assertTrue(e.getMessage().length() > 20, e.getMessage());
        }
    }

    @Test
    void unitsReadAndWriteTheirWireCodes() throws IOException {
        for (Unit u : Unit.values()) {
            assertEquals("\"" + u.code() + "\"", JSON.writeValueAsString(u));
            assertEquals(u, JSON.readValue("\"" + u.code() + "\"", Unit.class));
        }
        assertThrows(IllegalArgumentException.class, () -> Unit.fromCode("yuan"));
    }

    @Test
    void companyEventCarriesPeriodAndUnitAsPlainStrings() throws IOException {
        CompanyEvent e = new CompanyEvent("c-1", "a-1", CompanyEventKind.METRIC, "甲公司", Metric.REVENUE,
                Period.parse("2024-Q1/2024-Q3"), new BigDecimal("874000000"), Unit.CNY, Qualifier.OVER, null, 2,
                null, null, new Evidence(0, 2, "证据"), 0.8, ExtractorVersion.CURRENT);
        String json = JSON.writeValueAsString(e);
        assertTrue(json.contains("\"period\":\"2024-Q1/2024-Q3\",\"value\":874000000,\"unit\":\"CNY\","), json);
        assertEquals(e, JSON.readValue(json, CompanyEvent.class));
        assertEquals(json, JSON.writeValueAsString(JSON.readValue(json, CompanyEvent.class)));

        CompanyEvent attendance = new CompanyEvent("c-2", "a-1", CompanyEventKind.ATTENDANCE, "甲公司", null, null,
                null, null, null, null, null, "张三", "s-1", null, 0.9, ExtractorVersion.CURRENT);
        String plain = JSON.writeValueAsString(attendance);
        assertTrue(plain.contains("\"period\":null,\"value\":null,\"unit\":null,"), plain);
        assertNull(JSON.readValue(plain, CompanyEvent.class).period());
    }
}
