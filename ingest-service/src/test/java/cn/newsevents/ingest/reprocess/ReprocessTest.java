package cn.newsevents.ingest.reprocess;

import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.Commands;
import cn.newsevents.ingest.store.ReprocessJob;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-running the extractor over stored articles, on real PostgreSQL and Kafka with the synthetic extractor:
 * articles stored by an older extractor get their events replaced exactly once, published through the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReprocessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OLD = "0.0.1-old";
    private IngestApp app;
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic"));
        for (int i = 0; i < 4; i++) {
            String json = JSON.writeValueAsString(Map.of("url", "https://news.example/" + UUID.randomUUID(),
                    "title", "重跑 " + i, "publishedAt", "2024-05-07 10:00:00",
                    "body", "SEMINAR|2024-04-0" + (i + 1) + "|常州|主题" + i + "|张三/甲公司/董事长\nMETRIC|甲公司|" + (100 + i)));
            HttpResponse<String> r = app.postJson(json);
            assertEquals(202, r.statusCode(), r.body());
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles") == 4);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
        assertEquals(8, KafkaProbe.eventsPublishedFor(ids));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Makes article {@code id} look stored by an old extractor: another version and a stale event. */
    private void makeOld(String id) throws Exception {
        try (var c = app.db(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE articles SET extractor_version = '" + OLD + "' WHERE id = '" + id + "'");
            s.executeUpdate("UPDATE seminars SET city = '旧城' WHERE article_id = '" + id + "'");
            s.executeUpdate("INSERT INTO company_events (id, article_id, kind, payload, confidence, extractor_version,"
                    + " ingested_at) VALUES ('stale-" + id + "', '" + id + "', 'metric', '{}', 0.1, '" + OLD + "', now())");
        }
    }

    private void assertCurrent(String id) {
        assertEquals(1, app.count("SELECT count(*) FROM articles WHERE id = ? AND extractor_version = ?", id,
                ExtractorVersion.CURRENT));
        assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND city = '常州'", id));
        assertEquals(0, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND city <> '常州'", id));
        assertEquals(1, app.count("SELECT count(*) FROM company_events WHERE article_id = ?", id));
        assertEquals(0, app.count("SELECT count(*) FROM company_events WHERE id LIKE 'stale-%' AND article_id = ?", id));
    }

    @Test
    @Order(1)
    void reprocessCommandReplacesTheEventsOfOldArticlesOnceAndTheOutboxPublishesThem() throws Exception {
        makeOld(ids.get(0));
        makeOld(ids.get(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"reprocess", "--batch", "1"}, app.commandProperties(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("2 article(s) to look at"), printed);
        assertTrue(printed.contains("Done: finished; 2 article(s) replaced, 0 skipped, 0 failed."), printed);
        for (String id : ids) {
            assertCurrent(id);
        }
        // The running processor's relay publishes the new rows: one new seminar and one new company event per
        // reprocessed article; the others are untouched.
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
        assertEquals(12, KafkaProbe.eventsPublishedFor(ids));
        for (String id : ids.subList(2, 4)) {
            assertEquals(2, KafkaProbe.eventsPublishedFor(id));
        }
        String id = ids.get(0);
        List<ConsumerRecord<byte[], byte[]>> published = KafkaProbe.readUntil(Topics.EVENTS_SEMINAR,
                r -> id.equals(KafkaProbe.key(r)) && KafkaProbe.isEvent(r), l -> l.size() >= 2, WAIT);
        assertEquals(2, published.size(), "the first publication and the reprocessed one");
        for (ConsumerRecord<byte[], byte[]> r : published) {
            JsonNode event = JSON.readTree(KafkaProbe.value(r));
            assertEquals("常州", event.get("city").asText());
        }

        // Idempotent: a second run finds nothing to do.
        out.reset();
        assertEquals(0, Commands.run(new String[] {"reprocess"}, app.commandProperties(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 article(s) replaced"), out.toString());
        assertEquals(0, app.count("SELECT count(*) FROM outbox"));
        assertEquals(12, KafkaProbe.eventsPublishedFor(ids));
    }

    @Test
    @Order(2)
    void interruptedRunContinuesAfterItsLastBatch() {
        Reprocessor reprocessor = app.context().getBean(Reprocessor.class);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
        int published = KafkaProbe.eventsPublishedFor(ids);
        ReprocessJob job = reprocessor.startOrResume(true, 1);
        assertEquals(4, job.total());
        RuntimeException crash = new IllegalStateException("simulated crash");
        assertThrows(IllegalStateException.class, () -> reprocessor.run(job.id(), j -> {
            if (j.scanned() == 2) {
                throw crash;
            }
        }));
        ReprocessJob failed = reprocessor.find(job.id()).orElseThrow();
        assertEquals(ReprocessJob.Status.FAILED, failed.status());
        assertEquals(2, failed.scanned());

        ReprocessJob resumed = reprocessor.startOrResume(true, 1);
        assertEquals(job.id(), resumed.id());
        ReprocessJob done = reprocessor.run(resumed.id(), j -> { });
        assertEquals(ReprocessJob.Status.FINISHED, done.status());
        assertEquals(4, done.scanned());
        assertEquals(4, done.replaced());
        // Every article's two events were written once more, not once per attempt.
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
        assertEquals(published + 8, KafkaProbe.eventsPublishedFor(ids));
        ids.forEach(this::assertCurrent);
    }

    @Test
    @Order(3)
    void adminEndpointStartsAJobAndReportsItsProgress() throws Exception {
        makeOld(ids.get(3));
        assertEquals(401, app.postEmpty("/admin/reprocess", null).statusCode());
        assertEquals(403, app.postEmpty("/admin/reprocess", IngestApp.WRITE_KEY).statusCode());
        HttpResponse<String> r = app.postEmpty("/admin/reprocess?batch=10", IngestApp.ADMIN_KEY);
        assertEquals(202, r.statusCode(), r.body());
        String job = JSON.readTree(r.body()).get("id").asText();
        assertEquals("/admin/reprocess/" + job, r.headers().firstValue("Location").orElse(""));
        assertEquals(403, app.get("/admin/reprocess/" + job, IngestApp.READ_KEY).statusCode());
        await().atMost(WAIT).until(() -> "finished".equals(JSON.readTree(
                app.get("/admin/reprocess/" + job, IngestApp.ADMIN_KEY).body()).get("status").asText()));
        JsonNode progress = JSON.readTree(app.get("/admin/reprocess/" + job, IngestApp.ADMIN_KEY).body());
        assertEquals(1, progress.get("total").asInt(), progress.toString());
        assertEquals(1, progress.get("replaced").asInt(), progress.toString());
        assertEquals(100, progress.get("percent").asInt(), progress.toString());
        assertCurrent(ids.get(3));
        assertEquals(404, app.get("/admin/reprocess/no-such-job", IngestApp.ADMIN_KEY).statusCode());
    }
}
