package cn.newsevents.query.article;

import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code total} of {@code /articles} above the exact-count threshold is the planner's estimate, marked as such;
 * a table the planner knows nothing about yet is counted.
 */
class ArticleTotalTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(HandBuiltEvents::load,
                Map.<String, Object>of("query.exact-total-below", "2", "query.total-cache-ttl", "100ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLargeTableServesTheEstimateAndSaysSo() throws Exception {
        JsonNode unanalysed = service.get("/articles?limit=1").json();
        assertEquals(3, unanalysed.get("total").asLong());
        assertFalse(unanalysed.get("totalIsEstimate").asBoolean(), "never analysed: no estimate to serve");

        try (Connection c = service.adminConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE articles");
            // The estimate is the planner's figure, not a count: a row stored after ANALYZE is not in it yet.
            s.execute("INSERT INTO articles (id, content_hash, title, title_s, published_at, text, body_offset,"
                    + " ingested_at, processed_at) VALUES ('a-after-analyze', 'h', '标题', '标题', now(), '正文', 0,"
                    + " now(), now())");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                service.get("/articles?limit=1").json().get("totalIsEstimate").asBoolean());
        JsonNode estimated = service.get("/articles?limit=1").json();
        assertTrue(estimated.get("totalIsEstimate").asBoolean());
        assertEquals(3, estimated.get("total").asLong(), "reltuples as of the ANALYZE");
        assertEquals("a-after-analyze", estimated.get("items").get(0).get("id").asText());
    }
}
