package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No single article stops publication: an article with tens of thousands of participants is stored with what fits
 * the bounds, and an outbox row the broker refuses is set aside while the rows after it flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String accept(String title, String body) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", "https://news.example/" + UUID.randomUUID());
        m.put("title", title);
        m.put("publishedAt", "2024-05-07 16:43:38");
        m.put("body", body);
        HttpResponse<String> r = app.postJson(JSON.writeValueAsString(m));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private long pending() {
        return app.count("SELECT count(*) FROM outbox WHERE set_aside_at IS NULL");
    }

    @Test
    void aRowTheBrokerRefusesIsSetAsideAndLaterEventsArePublishedOnce() throws Exception {
        // Over the producer's max.request.size (4 MiB), as a 41,675-participant seminar was.
        String poisonKey = "poison-" + UUID.randomUUID();
        String payload = "{\"id\":\"" + poisonKey + "\",\"focus\":\"" + "議".repeat(5 * 1024 * 1024 / 3 + 1) + "\"}";
        try (Connection c = app.db(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (event_id, topic, msg_key, ce_type, ce_time, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setString(1, poisonKey);
            ps.setString(2, Topics.EVENTS_SEMINAR);
            ps.setString(3, poisonKey);
            ps.setString(4, Topics.SEMINAR_EVENT_TYPE);
            ps.setObject(5, now);
            ps.setString(6, payload);
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        String id = accept("毒丸之后", "SEMINAR|2024-04-09|常州|之后|张三/甲公司/董事长");

        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1
                && pending() == 0);
        assertEquals(1, app.count("SELECT count(*) FROM outbox WHERE set_aside_at IS NOT NULL AND msg_key = ?",
                poisonKey));
        assertEquals(1.0, app.counter("ingest.outbox.set.aside"));
        // The outbox is drained: the later event went out, and once only (a stalled relay resends its batch).
        assertEquals(1, KafkaProbe.readToEnd(Topics.EVENTS_SEMINAR, r -> id.equals(KafkaProbe.key(r))).size());
        assertEquals(0, KafkaProbe.readToEnd(Topics.EVENTS_SEMINAR, r -> poisonKey.equals(KafkaProbe.key(r))).size());

        HttpResponse<String> admin = app.get("/admin/outbox", IngestApp.ADMIN_KEY);
        assertEquals(200, admin.statusCode(), admin.body());
        JsonNode state = JSON.readTree(admin.body());
        assertEquals(1, state.get("setAside").asLong());
        JsonNode row = state.get("setAsideRows").get(0);
        assertEquals(poisonKey, row.get("eventId").asText());
        assertTrue(row.get("reason").asText().contains("RecordTooLargeException"), row.toString());
        assertEquals(401, app.get("/admin/outbox").statusCode());
    }

    @Test
    void aSeminarWithTwentyFiveThousandParticipantsIsStoredWithWhatFitsAndPublished() throws Exception {
        StringBuilder people = new StringBuilder();
        String raised = "就推动产业转型升级提出意见建议".repeat(150);
        for (int i = 0; i < 25_000; i++) {
            people.append(i == 0 ? "" : ";").append("人").append(i).append("/甲公司/长");
        }
        String id = accept("两万五千人的座谈会", "SEMINAR|2024-04-09|常州|" + raised + "|" + people);

        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1
                && pending() == 0);
        EventLimits limits = app.context().getBean(EventLimits.class);
        assertEquals(limits.maxParticipants(), app.count("SELECT count(*) FROM seminar_participants p "
                + "JOIN seminars s ON s.id = p.seminar_id WHERE s.article_id = ?", id));
        List<ConsumerRecord<byte[], byte[]>> published = KafkaProbe.readUntil(Topics.EVENTS_SEMINAR,
                r -> id.equals(KafkaProbe.key(r)), l -> !l.isEmpty(), WAIT);
        assertEquals(1, published.size());
        assertTrue(published.get(0).value().length <= limits.maxEventBytes(), "payload bytes");
        JsonNode event = JSON.readTree(KafkaProbe.value(published.get(0)));
        assertEquals(limits.maxParticipants(), event.get("participants").size());
        assertTrue(event.get("focus").asText().length() <= limits.maxTextChars());
        assertEquals(1.0, app.counter("ingest.events.trimmed"));
        try (Connection c = app.db(); PreparedStatement ps = c.prepareStatement(
                "SELECT octet_length(payload::text) FROM seminars WHERE article_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) <= limits.maxEventBytes());
            }
        }
    }
}
