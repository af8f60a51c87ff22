package cn.newsevents.query.company;

import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.HandBuiltEvents.StoredCompany;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyEventEndpointsTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = HandBuiltEvents.service();
    }

    @Test
    void pagingVisitsEveryCompanyEventOnceNewestStoredFirst() {
        List<String> expected = HandBuiltEvents.COMPANY_EVENTS.stream()
                .sorted(Comparator.comparing(StoredCompany::ingestedAt).thenComparing(StoredCompany::id).reversed())
                .map(StoredCompany::id).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok("/company-events?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.get("next").textValue();
        } while (cursor != null && seen.size() < 50);
        assertEquals(expected, seen);
    }

    @ParameterizedTest(name = "company={0}")
    @CsvSource({"龙城精密", "龍城精密機械"})
    void companyMatchesAPartOfTheNameInEitherScript(String company) {
        JsonNode page = ok("/company-events?company=" + enc(company));
        assertEquals(3, page.get("items").size());
        page.get("items").forEach(i -> assertEquals("龍城精密機械有限公司", i.get("company").asText()));
    }

    @Test
    void metricAndPeriodFilterExactly() {
        JsonNode page = ok("/company-events?metric=revenue&period=2024-Q1");
        assertEquals(1, page.get("items").size());
        JsonNode event = page.get("items").get(0);
        assertEquals("苏州新材料科技有限公司", event.get("company").asText());
        assertEquals(120000000, event.get("value").asLong());
        assertEquals("approx", event.get("qualifier").asText());
        assertEquals(7, ok("/company-events?period=2021/2023&limit=10").get("items").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/company-events?metric=turnover|metric",
            "/company-events?period=2024Q1|period",
            "/company-events?period=2024-13|period",
            "/company-events?limit=0|limit",
            "/company-events?cursor=abc|cursor"})
    void badParametersAreBadRequestProblemsNamingTheField(String path, String field) {
        Response r = service.get(path);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals(field, r.json().get("field").asText());
    }

    private static JsonNode ok(String path) {
        Response r = service.get(path);
        assertEquals(200, r.status(), path + " -> " + r.body());
        return r.json();
    }
}
