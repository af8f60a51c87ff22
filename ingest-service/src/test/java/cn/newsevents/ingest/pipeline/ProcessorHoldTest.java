package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
 * An operator's hold on real Kafka and PostgreSQL: while held, accepted articles wait on the topic, none is
 * stored and the group's committed offsets stay where they were; after the release each of them is stored, exactly
 * once, and the offsets move past them. Only admin keys may hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorHoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Several poll timeouts: long enough for a processor that ignored the hold to store something. */
    private static final Duration HELD_FOR = Duration.ofSeconds(3);
    private static final int ARTICLES = 12;
    private final String group = "test-hold-" + UUID.randomUUID();
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.processor.group-id", group));
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

    private double counter(String name) {
        return app.context().getBean(MeterRegistry.class).get(name).counter().count();
    }

    @Test
    void heldArticlesWaitOnTheTopicAndAreStoredOnceAfterTheRelease() throws Exception {
        assertEquals(401, app.postEmpty("/admin/processor/hold", null).statusCode());
        assertEquals(403, app.postEmpty("/admin/processor/hold", IngestApp.WRITE_KEY).statusCode());
        HttpResponse<String> held = app.postEmpty("/admin/processor/hold", IngestApp.ADMIN_KEY);
        assertEquals(200, held.statusCode(), held.body());
        assertTrue(JSON.readTree(held.body()).path("held").asBoolean());

        String run = "https://news.example/hold/" + UUID.randomUUID() + "/%";
        long committed = KafkaProbe.committedOffsetSum(group, Topics.ARTICLES_RAW);
        long end = KafkaProbe.endOffsetSum(Topics.ARTICLES_RAW);
        double stored = counter("ingest.processor.articles.stored");
        double unchanged = counter("ingest.processor.articles.unchanged");
        for (int i = 0; i < ARTICLES; i++) {
            String json = JSON.writeValueAsString(Map.of("url", run.replace("%", Integer.toString(i)),
                    "title", "暂停 " + i, "publishedAt", "2024-05-07 10:00:00",
                    "body", "METRIC|甲公司|" + (100 + i)));
            HttpResponse<String> r = app.postJson(json);
            assertEquals(202, r.statusCode(), r.body());
        }
        await().atMost(WAIT).until(() -> KafkaProbe.endOffsetSum(Topics.ARTICLES_RAW) >= end + ARTICLES);

        // The articles are on the topic; for several poll timeouts none may be stored or committed.
        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(10)).until(() ->
                app.count("SELECT count(*) FROM articles WHERE url LIKE ?", run) == 0
                        && KafkaProbe.committedOffsetSum(group, Topics.ARTICLES_RAW) == committed);
        assertTrue(state().path("held").asBoolean());
        assertTrue(state().path("running").asBoolean());
        assertEquals(stored, counter("ingest.processor.articles.stored"));

        HttpResponse<String> released = app.postEmpty("/admin/processor/release", IngestApp.ADMIN_KEY);
        assertEquals(200, released.statusCode(), released.body());
        assertFalse(JSON.readTree(released.body()).path("held").asBoolean());
        await().atMost(WAIT).until(() -> KafkaProbe.committedOffsetSum(group, Topics.ARTICLES_RAW)
                == committed + ARTICLES);
        assertEquals(ARTICLES, app.count("SELECT count(*) FROM articles WHERE url LIKE ?", run));
        // Each one handled once: stored for the first time, none of them read and written a second time.
        assertEquals(stored + ARTICLES, counter("ingest.processor.articles.stored"));
        assertEquals(unchanged, counter("ingest.processor.articles.unchanged"));
    }
}
