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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Revisions as a subscriber sees them: following the documented contract (drop repeats by ce_id and ce_generation,
 * drop older generations on an "article events replaced" record) it ends with exactly the database's events, also
 * when a revision leaves fewer or no events; and an older revision read again never replaces a newer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriberContractTest {
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

    private String accept(String url, String title, String... lines) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("title", title);
        m.put("publishedAt", "2024-05-07 16:43:38");
        m.put("body", lines.length == 0 ? "本稿没有事件。" : String.join("\n", lines));
        HttpResponse<String> r = app.postJson(JSON.writeValueAsString(m));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private void awaitRevision(String id, int revision) {
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ? AND revision = ?",
                id, revision) == 1 && app.count("SELECT count(*) FROM outbox") == 0);
    }

    /** Event id to payload of what the database holds for the article. */
    private Map<String, JsonNode> stored(String id) throws Exception {
        Map<String, JsonNode> events = new HashMap<>();
        try (Connection c = app.db(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, payload::text FROM seminars WHERE article_id = ?
                UNION ALL SELECT id, payload::text FROM company_events WHERE article_id = ?""")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), JSON.readTree(rs.getString(2)));
                }
            }
        }
        return events;
    }

    /** What a subscriber following the contract holds for the article after reading both topics to their end. */
    private static Map<String, JsonNode> subscriberView(String id) throws Exception {
        Map<String, JsonNode> view = new HashMap<>();
        for (String topic : List.of(Topics.EVENTS_SEMINAR, Topics.EVENTS_COMPANY)) {
            Map<String, Integer> generationOf = new HashMap<>();
            Map<String, JsonNode> held = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : KafkaProbe.readToEnd(topic, r -> id.equals(KafkaProbe.key(r)))) {
                String header = KafkaProbe.header(r, Topics.CE_GENERATION);
                assertNotNull(header, "every record names its generation");
                int generation = Integer.parseInt(header);
                if (Topics.ARTICLE_EVENTS_REPLACED_TYPE.equals(KafkaProbe.header(r, Topics.CE_TYPE))) {
                    JsonNode replaced = JSON.readTree(KafkaProbe.value(r));
                    assertEquals(id, replaced.get("articleId").asText());
                    assertEquals(generation, replaced.get("generation").asInt());
                    held.keySet().removeIf(e -> generationOf.get(e) < generation);
                } else {
                    String eventId = KafkaProbe.header(r, Topics.CE_ID);
                    if (generationOf.getOrDefault(eventId, 0) <= generation) {
                        generationOf.put(eventId, generation);
                        held.put(eventId, JSON.readTree(KafkaProbe.value(r)));
                    }
                }
            }
            view.putAll(held);
        }
        return view;
    }

    @Test
    void aSubscriberFollowingTheContractEndsWithExactlyTheDatabasesEvents() throws Exception {
        String url = "https://news.example/" + UUID.randomUUID();
        String id = accept(url, "初稿", "SEMINAR|2024-04-09|常州|传统产业升级|张三/甲公司/董事长",
                "SEMINAR|2024-04-18|常州|新兴产业壮大|李四/乙公司/总经理", "METRIC|甲公司|100");
        awaitRevision(id, 1);
        assertEquals(stored(id), subscriberView(id));

        // Fewer events, one of them under the same id with new content.
        accept(url, "二稿", "SEMINAR|2024-04-09|常州|传统产业转型|张三/甲公司/董事长");
        awaitRevision(id, 2);
        assertEquals(1, stored(id).size());
        assertEquals(stored(id), subscriberView(id));

        // No events at all: the subscriber must drop everything it held.
        accept(url, "三稿");
        awaitRevision(id, 3);
        assertEquals(Map.of(), stored(id));
        assertEquals(Map.of(), subscriberView(id));

        accept(url, "四稿", "SEMINAR|2024-04-26|苏州|未来产业|王五/丙公司/董事长", "METRIC|丙公司|300");
        awaitRevision(id, 4);
        assertEquals(2, stored(id).size());
        assertEquals(stored(id), subscriberView(id));
        assertEquals(4, app.count("SELECT generation FROM articles WHERE id = ?", id));
    }

    @Test
    void anOlderRevisionReadAgainDoesNotReplaceTheNewerOne() throws Exception {
        String url = "https://news.example/" + UUID.randomUUID();
        String id = accept(url, "旧稿", "SEMINAR|2024-04-09|常州|旧|张三/甲公司/董事长");
        awaitRevision(id, 1);
        accept(url, "新稿", "SEMINAR|2024-04-10|常州|新|李四/乙公司/总经理");
        awaitRevision(id, 2);
        Map<String, JsonNode> newer = stored(id);

        // The old version's record, as replay-dlt or a consumer evicted before its commit puts it back.
        ConsumerRecord<byte[], byte[]> old = KafkaProbe.readUntil(Topics.ARTICLES_RAW,
                r -> id.equals(KafkaProbe.key(r)) && KafkaProbe.value(r).contains("旧稿"), l -> !l.isEmpty(), WAIT)
                .get(0);
        double unchanged = app.counter("ingest.processor.articles.unchanged");
        KafkaProbe.send(Topics.ARTICLES_RAW, old.key(), old.value());

        await().atMost(WAIT).until(() -> app.counter("ingest.processor.articles.unchanged") > unchanged
                || app.count("SELECT revision FROM articles WHERE id = ?", id) != 2);
        assertEquals(2, app.count("SELECT revision FROM articles WHERE id = ?", id));
        assertEquals(1, app.count("SELECT count(*) FROM articles WHERE id = ? AND title = '新稿'", id));
        assertEquals(newer, stored(id));
    }
}
