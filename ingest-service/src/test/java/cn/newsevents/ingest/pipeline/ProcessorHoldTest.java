package cn.newsevents.ingest.pipeline;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's hold on real Kafka and PostgreSQL: while held, accepted articles wait on the topic and none is
 * stored; after the release every one of them is stored exactly once. Only admin keys may hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorHoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic"));
        await().atMost(WAIT).until(() -> state().path("assignedPartitions").asInt() > 0);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode state() throws Exception {
        HttpResponse<String> r = app.get("/admin/processor", IngestApp.ADMIN_KEY);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void heldArticlesWaitOnTheTopicAndAreStoredOnceAfterTheRelease() throws Exception {
        assertEquals(401, app.postEmpty("/admin/processor/hold", null).statusCode());
        assertEquals(403, app.postEmpty("/admin/processor/hold", IngestApp.WRITE_KEY).statusCode());
        HttpResponse<String> held = app.postEmpty("/admin/processor/hold", IngestApp.ADMIN_KEY);
        assertEquals(200, held.statusCode(), held.body());
        assertTrue(JSON.readTree(held.body()).path("held").asBoolean());

        long before = app.count("SELECT count(*) FROM articles");
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 12; i++) {
            String json = JSON.writeValueAsString(Map.of("url", "https://news.example/hold/" + run + "/" + i,
                    "title", "暂停 " + i, "publishedAt", "2024-05-07 10:00:00",
                    "body", "METRIC|甲公司|" + (100 + i)));
            HttpResponse<String> r = app.postJson(json);
            assertEquals(202, r.statusCode(), r.body());
        }
        // Several poll timeouts pass: a held processor must not store anything meanwhile.
        Thread.sleep(3_000);
        assertEquals(before, app.count("SELECT count(*) FROM articles"));
        assertTrue(state().path("held").asBoolean());
        assertTrue(state().path("running").asBoolean());

        HttpResponse<String> released = app.postEmpty("/admin/processor/release", IngestApp.ADMIN_KEY);
        assertEquals(200, released.statusCode(), released.body());
        assertFalse(JSON.readTree(released.body()).path("held").asBoolean());
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE url LIKE ?",
                "https://news.example/hold/" + run + "/%") == 12);
        Thread.sleep(1_000);
        assertEquals(12, app.count("SELECT count(*) FROM articles WHERE url LIKE ?",
                "https://news.example/hold/" + run + "/%"));
        assertEquals(before + 12, app.count("SELECT count(*) FROM articles"));
    }
}
