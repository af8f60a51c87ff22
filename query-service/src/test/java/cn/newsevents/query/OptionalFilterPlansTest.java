package cn.newsevents.query;

import cn.newsevents.query.company.CompanyEventRepository;
import cn.newsevents.query.seminar.SeminarRepository;
import cn.newsevents.query.support.Plans;
import cn.newsevents.query.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list statements keep every filter optional in one static text ({@code (CAST(:metric AS text) IS NULL OR
 * ...)}). Planned with its values, as the service's pool does, a given filter uses its index; a generic plan could
 * not, which is why the pool forces custom plans.
 */
class OptionalFilterPlansTest {
    private static final int ROWS = 20_000;
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(store -> {
            try (Statement s = store.connection().createStatement()) {
                s.execute("INSERT INTO articles (id, content_hash, title, title_s, published_at, text, body_offset,"
                        + " ingested_at, processed_at) VALUES ('a-bulk', 'h', '标题', '标题', now(), '正文', 0,"
                        + " now(), now())");
                // One event in 500 is an R&D figure; one seminar in 1,000 is in 无锡.
                s.execute("INSERT INTO company_events (id, article_id, kind, company, company_s, metric, period,"
                        + " payload, confidence, extractor_version, ingested_at)"
                        + " SELECT 'c-' || lpad(g::text, 8, '0'), 'a-bulk', 'metric', '公司' || (g % 300),"
                        + "  '公司' || (g % 300), CASE WHEN g % 500 = 0 THEN 'rd_investment' ELSE 'revenue' END,"
                        + "  '2023', json_build_object('id', 'c-' || lpad(g::text, 8, '0')), 0.8, '0.1.0',"
                        + "  timestamptz '2024-06-01 00:00:00Z' + g * interval '1 second'"
                        + " FROM generate_series(1, " + ROWS + ") g");
                s.execute("INSERT INTO seminars (id, article_id, seminar_date, city, city_s, search_s, payload,"
                        + " confidence, extractor_version, ingested_at)"
                        + " SELECT 's-' || lpad(g::text, 8, '0'), 'a-bulk', date '2020-01-01' + (g % 1000),"
                        + "  CASE WHEN g % 1000 = 0 THEN '无锡' ELSE '常州' END,"
                        + "  CASE WHEN g % 1000 = 0 THEN '无锡' ELSE '常州' END, '座谈会 ' || g,"
                        + "  json_build_object('id', 's-' || lpad(g::text, 8, '0')), 0.9, '0.1.0',"
                        + "  timestamptz '2024-06-01 00:00:00Z' + g * interval '1 second'"
                        + " FROM generate_series(1, " + ROWS + ") g");
                s.execute("ANALYZE company_events");
                s.execute("ANALYZE seminars");
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aGivenMetricUsesTheMetricIndex() throws SQLException {
        String plan = companyPlan("'rd_investment'", "force_custom_plan");
        assertTrue(plan.contains("company_events_metric_idx"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    /** Measured at 20,000 rows: the generic plan filters 9,980 rows of the latest index, 3.5 ms against 0.3 ms. */
    @Test
    void aGenericPlanCouldNotUseTheMetricIndex() throws SQLException {
        String plan = companyPlan("'rd_investment'", "force_generic_plan");
        assertFalse(plan.contains("Index Cond: (metric"), plan);
    }

    @Test
    void aGivenCityUsesTheCityIndex() throws SQLException {
        Map<String, String> values = seminarValues();
        values.put("city", "'无锡'");
        values.put("cityWithSuffix", "'无锡市'");
        try (Connection c = service.adminConnection()) {
            String plan = Plans.explain(c, SeminarRepository.PAGE, values, "force_custom_plan");
            assertTrue(plan.contains("seminars_city_idx"), plan);
        }
    }

    @Test
    void theServiceAnswersAMetricFilterFromTheIndex() {
        var r = service.get("/company-events?metric=rd_investment&limit=5");
        assertEquals(200, r.status(), r.body());
        assertEquals("c-00020000", r.json().get("items").get(0).get("id").asText());
        assertEquals(5, r.json().get("items").size());
    }

    private static String companyPlan(String metric, String mode) throws SQLException {
        Map<String, String> values = new HashMap<>();
        values.put("company", "NULL");
        values.put("metric", metric);
        values.put("period", "NULL");
        values.put("afterAt", "NULL");
        values.put("afterId", "NULL");
        values.put("limit", "21");
        try (Connection c = service.adminConnection()) {
            return Plans.explain(c, CompanyEventRepository.PAGE, values, mode);
        }
    }

    private static Map<String, String> seminarValues() {
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("city", "cityWithSuffix", "from", "to", "participant", "organization", "text",
                "afterDate", "afterAt", "afterId")) {
            values.put(name, "NULL");
        }
        values.put("limit", "21");
        return values;
    }
}
