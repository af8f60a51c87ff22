package cn.newsevents.query.seminar;

import cn.newsevents.query.support.Plans;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latest-seminars page over a table large enough for the planner to care: it must walk the index. */
class LatestSeminarsIndexTest {
    private static final int ROWS = 5_000;
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(store -> {
            try (Statement s = store.connection().createStatement()) {
                s.execute("INSERT INTO articles (id, content_hash, title, title_s, published_at, text, body_offset,"
                        + " ingested_at, processed_at) VALUES ('a-bulk', 'h', '标题', '标题', now(), '正文', 0,"
                        + " now(), now())");
                s.execute("INSERT INTO seminars (id, article_id, seminar_date, city, city_s, search_s, payload,"
                        + " confidence, extractor_version, ingested_at)"
                        + " SELECT 's-' || lpad(g::text, 8, '0'), 'a-bulk',"
                        + "  CASE WHEN g % 50 = 0 THEN NULL ELSE date '2020-01-01' + (g % 1000) END,"
                        + "  '常州', '常州', '常州 座谈会 ' || g,"
                        + "  jsonb_build_object('id', 's-' || lpad(g::text, 8, '0'), 'articleId', 'a-bulk',"
                        + "   'date', CASE WHEN g % 50 = 0 THEN NULL ELSE date '2020-01-01' + (g % 1000) END,"
                        + "   'city', '常州', 'participants', '[]'::jsonb),"
                        + "  0.9, '0.1.0', timestamptz '2024-06-01 00:00:00Z' + g * interval '1 second'"
                        + " FROM generate_series(1, " + ROWS + ") g");
                s.execute("ANALYZE seminars");
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void latestPageIsServedNewestFirst() {
        Response r = service.get("/seminars/latest?limit=10");
        assertEquals(200, r.status());
        JsonNode items = r.json().get("items");
        assertEquals(10, items.size());
        assertEquals("2022-09-26", items.get(0).get("date").asText(), "the greatest date of the table");
    }

    @Test
    void latestPageWalksTheLatestIndexWithoutSorting() throws SQLException {
        String plan = plan(null, "NULL", "NULL", 21);
        assertTrue(plan.contains("seminars_latest_idx"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void laterPagesAlsoWalkTheIndex() throws SQLException {
        String plan = plan("'2021-06-01'", "'2024-06-01T01:00:00Z'", "'s-00002500'", 21);
        assertTrue(plan.contains("seminars_latest_idx"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void aNewlyStoredSeminarAppearsInTheLatestPageOnceTheCacheExpires() throws SQLException {
        assertEquals(200, service.get("/seminars/latest?limit=3").status());
        try (Connection c = service.adminConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO seminars (id, article_id, seminar_date, search_s, payload, confidence,"
                    + " extractor_version, ingested_at) VALUES ('s-newest', 'a-bulk', date '2030-01-01', 'x',"
                    + " '{\"id\": \"s-newest\"}', 0.9, '0.1.0', now())");
        }
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "s-newest".equals(service.get("/seminars/latest?limit=3").json().get("items").get(0).get("id")
                            .asText()));
        } finally {
            try (Connection c = service.adminConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM seminars WHERE id = 's-newest'");
            }
        }
    }

    /** The plan of the latest page (no filter) after the given key, as the service's pool plans it. */
    private static String plan(String afterDate, String afterAt, String afterId, int limit) throws SQLException {
        Map<String, String> values = new HashMap<>();
        for (String filter : List.of("city", "cityWithSuffix", "from", "to", "participant", "organization", "text")) {
            values.put(filter, "NULL");
        }
        values.put("afterDate", afterDate == null ? "NULL" : afterDate);
        values.put("afterAt", afterAt);
        values.put("afterId", afterId);
        values.put("limit", Integer.toString(limit));
        try (Connection c = service.adminConnection()) {
            return Plans.explain(c, SeminarRepository.PAGE, values, "force_custom_plan");
        }
    }
}
