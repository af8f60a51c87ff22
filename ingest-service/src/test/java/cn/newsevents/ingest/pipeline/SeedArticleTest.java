package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.core.BaseConnection;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed article through the whole service with the real extractor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedArticleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String URL = "https://news.example/changzhou-seminars";
    private IngestApp app;
    private String id;

    @BeforeAll
    void start() throws Exception {
        app = IngestApp.start(Map.of());
        String seed = Files.readString(Path.of("..", "seeds", "changzhou-seminars.txt"), StandardCharsets.UTF_8);
        HttpResponse<String> r = app.post("/articles?url=" + URL, "text/plain; charset=utf-8",
                seed.getBytes(StandardCharsets.UTF_8), IngestApp.WRITE_KEY);
        assertEquals(202, r.statusCode(), r.body());
        id = JSON.readTree(r.body()).get("id").asText();
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void jdbcBatchesReachTheDatabaseAsMultiRowInserts() {
        // A driver setting the driver cannot read is silently ignored: check it on the service's own connections.
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.context().getBean(TransactionOperations.class);
        boolean rewritten = tx.executeRead(status ->
                status.getConnection().unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());
        assertTrue(rewritten, "reWriteBatchedInserts is not in effect on the service's connections");
    }

    @Test
    void seedArticleIsStoredAndEveryStoredEventIsPublished() {
        assertEquals(1, app.count("SELECT count(*) FROM articles WHERE id = ? AND url = ? AND script = 'traditional'"
                + " AND published_at = TIMESTAMPTZ '2024-05-07 16:43:38+08'", id, URL));
        long seminars = app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id);
        long companyEvents = app.count("SELECT count(*) FROM company_events WHERE article_id = ?", id);
        assertEquals(seminars + companyEvents, KafkaProbe.eventsPublishedFor(id));

        List<ConsumerRecord<byte[], byte[]>> published = KafkaProbe.readUntil(Topics.EVENTS_SEMINAR,
                r -> id.equals(KafkaProbe.key(r)), l -> l.size() >= seminars, WAIT);
        assertEquals(seminars, published.size());
        for (ConsumerRecord<byte[], byte[]> r : published) {
            assertEquals(Topics.SEMINAR_EVENT_TYPE, KafkaProbe.header(r, Topics.CE_TYPE));
            assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE id = ?", KafkaProbe.header(r, Topics.CE_ID)));
        }
        // Simplified folding: every stored city and search text reads in simplified characters.
        assertEquals(0, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND search_s LIKE '%會%'", id));
    }

    @Test
    void repostingTheSeedChangesNothing() throws Exception {
        String seed = Files.readString(Path.of("..", "seeds", "changzhou-seminars.txt"), StandardCharsets.UTF_8);
        int published = KafkaProbe.eventsPublishedFor(id);
        HttpResponse<String> r = app.post("/articles?url=" + URL, "text/plain", seed.getBytes(StandardCharsets.UTF_8),
                IngestApp.WRITE_KEY);
        assertEquals(202, r.statusCode());
        assertEquals(id, JSON.readTree(r.body()).get("id").asText());
        await().atMost(WAIT).until(() -> app.context().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("ingest.processor.articles.unchanged").count() >= 1);
        assertEquals(0, app.count("SELECT count(*) FROM outbox"));
        assertEquals(published, KafkaProbe.eventsPublishedFor(id));
        assertEquals(1, app.count("SELECT revision FROM articles WHERE id = ?", id));
    }

    @Test
    void seedYieldsItsFourSeminarsStoredAndPublishedAsCloudEvents() throws Exception {
        List<String> dates = List.of("2024-04-09", "2024-04-18", "2024-04-26", "2024-05-06");
        for (String date : dates) {
            assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND seminar_date = ?::date",
                    id, date), "stored seminar on " + date);
        }
        List<ConsumerRecord<byte[], byte[]>> published = KafkaProbe.readUntil(Topics.EVENTS_SEMINAR,
                r -> id.equals(KafkaProbe.key(r)), l -> l.size() >= dates.size(), WAIT);
        assertEquals(dates.size(), published.size());
        Map<String, ConsumerRecord<byte[], byte[]>> byDate = new java.util.TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : published) {
            byDate.put(JSON.readTree(KafkaProbe.value(r)).get("date").asText(), r);
        }
        assertEquals(dates, List.copyOf(byDate.keySet()));
        for (ConsumerRecord<byte[], byte[]> r : byDate.values()) {
            assertEquals(Topics.CE_SPEC_VERSION, KafkaProbe.header(r, Topics.CE_SPECVERSION));
            assertEquals(Topics.SEMINAR_EVENT_TYPE, KafkaProbe.header(r, Topics.CE_TYPE));
            assertEquals(Topics.EVENT_SOURCE, KafkaProbe.header(r, Topics.CE_SOURCE));
            assertEquals(id, KafkaProbe.header(r, Topics.CE_SUBJECT));
            assertEquals(Topics.JSON, KafkaProbe.header(r, Topics.CONTENT_TYPE));
            java.time.Instant.parse(KafkaProbe.header(r, Topics.CE_TIME));
            String eventId = KafkaProbe.header(r, Topics.CE_ID);
            assertEquals(eventId, JSON.readTree(KafkaProbe.value(r)).get("id").asText());
            assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE id = ? AND article_id = ?", eventId, id));
        }
    }
}
