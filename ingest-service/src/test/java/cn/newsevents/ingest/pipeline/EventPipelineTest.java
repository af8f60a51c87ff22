package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.ingest.support.SyntheticAnalyzer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor end to end with a synthetic extractor: API -> articles.raw -> database + outbox -> event topics. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.processor.max-poll-records", 50));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String article(String url, String title, String... lines) throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (url != null) {
            m.put("url", url);
        }
        m.put("title", title);
        m.put("source", "测试日报");
        m.put("publishedAt", "2024-05-07 16:43:38");
        m.put("body", String.join("\n", lines));
        return JSON.writeValueAsString(m);
    }

    private String accept(String json) throws Exception {
        HttpResponse<String> r = app.postJson(json);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private void awaitStored(String id, long revision) {
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ? AND revision = ?",
                id, (int) revision) == 1);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
    }

    @Test
    void storedEventsArePublishedAsCloudEventsWithTheStoredPayload() throws Exception {
        String url = "https://news.example/" + UUID.randomUUID();
        String id = accept(article(url, "两场座谈会",
                "SEMINAR|2024-04-09|常州|传统产业升级|张三/甲公司/董事长;李四/乙公司/总经理",
                "SEMINAR|2024-04-18|常州|新兴产业壮大|王五/丙公司/董事长",
                "METRIC|甲公司|873730000"));
        awaitStored(id, 1);

        assertEquals(2, app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id));
        assertEquals(3, app.count("SELECT count(*) FROM seminar_participants p JOIN seminars s ON s.id = p.seminar_id "
                + "WHERE s.article_id = ?", id));
        assertEquals(1, app.count("SELECT count(*) FROM company_events WHERE article_id = ?", id));
        assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND search_s LIKE ?", id,
                "%常州%传统产业升级%张三%甲公司%董事长%"));

        List<ConsumerRecord<byte[], byte[]>> seminars = KafkaProbe.readUntil(Topics.EVENTS_SEMINAR,
                r -> id.equals(KafkaProbe.key(r)), l -> l.size() >= 2, WAIT);
        assertEquals(2, seminars.size());
        for (ConsumerRecord<byte[], byte[]> r : seminars) {
            assertEquals("1.0", KafkaProbe.header(r, Topics.CE_SPECVERSION));
            assertEquals(Topics.SEMINAR_EVENT_TYPE, KafkaProbe.header(r, Topics.CE_TYPE));
            assertEquals(Topics.EVENT_SOURCE, KafkaProbe.header(r, Topics.CE_SOURCE));
            assertEquals("application/json", KafkaProbe.header(r, Topics.CONTENT_TYPE));
            assertNotNull(KafkaProbe.header(r, Topics.CE_TIME));
            java.time.Instant.parse(KafkaProbe.header(r, Topics.CE_TIME));
            String eventId = KafkaProbe.header(r, Topics.CE_ID);
            JsonNode published = JSON.readTree(KafkaProbe.value(r));
            assertEquals(eventId, published.get("id").asText());
            JsonNode stored = JSON.readTree(payload("seminars", eventId));
            assertEquals(stored, published);
            assertMatchesSchemaFields("seminar-event", published);
        }
        List<ConsumerRecord<byte[], byte[]>> companies = KafkaProbe.readUntil(Topics.EVENTS_COMPANY,
                r -> id.equals(KafkaProbe.key(r)), l -> l.size() >= 1, WAIT);
        assertEquals(1, companies.size());
        assertEquals(Topics.COMPANY_EVENT_TYPE, KafkaProbe.header(companies.get(0), Topics.CE_TYPE));
        JsonNode company = JSON.readTree(KafkaProbe.value(companies.get(0)));
        assertEquals("873730000", company.get("value").asText());
        assertMatchesSchemaFields("company-event", company);
    }

    @Test
    void repostingTheSameUrlOrTheSameContentStoresOneArticle() throws Exception {
        String url = "https://news.example/" + UUID.randomUUID();
        String withUrl = article(url, "同一链接", "SEMINAR|2024-04-09|常州|人才引育|赵六/丁公司/董事长");
        String noUrl = article(null, "无链接 " + UUID.randomUUID(), "SEMINAR|2024-04-26|无锡|未来产业|钱七/戊公司/总经理");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(accept(withUrl));
            ids.add(accept(noUrl));
        }
        String urlId = ids.get(0);
        String contentId = ids.get(1);
        assertEquals(List.of(urlId, contentId, urlId, contentId, urlId, contentId), ids);
        awaitStored(urlId, 1);
        awaitStored(contentId, 1);
        // All six records are consumed before the counts are final.
        await().atMost(WAIT).until(() -> meter("ingest.processor.articles.unchanged") >= 4);
        for (String id : List.of(urlId, contentId)) {
            assertEquals(1, app.count("SELECT count(*) FROM articles WHERE id = ?", id));
            assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id));
            assertEquals(1, KafkaProbe.eventsPublishedFor(id));
        }
    }

    @Test
    void revisedArticleReplacesItsEvents() throws Exception {
        String url = "https://news.example/" + UUID.randomUUID();
        String id = accept(article(url, "初稿", "SEMINAR|2024-04-09|常州|传统产业升级|张三/甲公司/董事长",
                "METRIC|甲公司|100"));
        awaitStored(id, 1);
        List<String> before = ids("SELECT id FROM seminars WHERE article_id = ? ORDER BY id", id);

        String revisedId = accept(article(url, "修订稿", "SEMINAR|2024-04-18|苏州|新兴产业壮大|李四/乙公司/总经理",
                "SEMINAR|2024-04-26|常州|未来产业培育|王五/丙公司/董事长"));
        assertEquals(id, revisedId);
        awaitStored(id, 2);

        List<String> after = ids("SELECT id FROM seminars WHERE article_id = ? ORDER BY id", id);
        assertEquals(2, after.size());
        assertFalse(after.containsAll(before));
        assertEquals(0, app.count("SELECT count(*) FROM company_events WHERE article_id = ?", id));
        assertEquals(0, app.count("SELECT count(*) FROM seminars WHERE article_id = ? AND city = '常州' "
                + "AND seminar_date = DATE '2024-04-09'", id));
        assertEquals("修订稿", ids("SELECT title FROM articles WHERE id = ?", id).get(0));
        // The topics carry the first version's two events and the revision's two.
        assertEquals(4, KafkaProbe.eventsPublishedFor(id));
    }

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicAndLaterRecordsAreStored() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        KafkaProbe.send(Topics.ARTICLES_RAW, key.getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8));
        String id = accept(article("https://news.example/" + UUID.randomUUID(), "毒丸之后",
                "SEMINAR|2024-04-09|常州|传统产业升级|张三/甲公司/董事长"));

        List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                r -> key.equals(KafkaProbe.key(r)), l -> !l.isEmpty(), WAIT);
        assertEquals(1, dead.size());
        ConsumerRecord<byte[], byte[]> d = dead.get(0);
        assertEquals("{not json", KafkaProbe.value(d));
        assertEquals(Topics.ARTICLES_RAW, KafkaProbe.header(d, Topics.DLT_ORIGINAL_TOPIC));
        assertNotNull(KafkaProbe.header(d, Topics.DLT_ORIGINAL_PARTITION));
        assertTrue(Long.parseLong(KafkaProbe.header(d, Topics.DLT_ORIGINAL_OFFSET)) >= 0);
        assertTrue(KafkaProbe.header(d, Topics.DLT_EXCEPTION_CLASS).contains("Json")
                || KafkaProbe.header(d, Topics.DLT_EXCEPTION_CLASS).contains("IOException"),
                KafkaProbe.header(d, Topics.DLT_EXCEPTION_CLASS));
        assertFalse(KafkaProbe.header(d, Topics.DLT_EXCEPTION_MESSAGE).isBlank());
        awaitStored(id, 1);
    }

    @Test
    void articleWhoseExtractionKeepsFailingIsDeadLetteredAfterRetries() throws Exception {
        String id = accept(article("https://news.example/" + UUID.randomUUID(), "抽取失败",
                SyntheticAnalyzer.FAIL));
        List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                r -> id.equals(KafkaProbe.key(r)), l -> !l.isEmpty(), WAIT);
        assertEquals(1, dead.size());
        assertEquals(IllegalStateException.class.getName(), KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_CLASS));
        assertTrue(KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_MESSAGE).contains(id));
        assertEquals(0, app.count("SELECT count(*) FROM articles WHERE id = ?", id));
    }

    /** Every required property of the published schema is present and no property is undeclared. */
    private static void assertMatchesSchemaFields(String schema, JsonNode event) throws Exception {
        JsonNode s;
        try (var in = EventPipelineTest.class.getResourceAsStream("/schemas/" + schema + ".schema.json")) {
            s = JSON.readTree(in);
        }
        for (JsonNode required : s.get("required")) {
            assertTrue(event.has(required.asText()), schema + " lacks " + required.asText() + ": " + event);
        }
        event.fieldNames().forEachRemaining(f -> assertTrue(s.get("properties").has(f),
                schema + " does not declare " + f));
    }

    @Test
    void healthReportsTheRunningProcessor() throws Exception {
        HttpResponse<String> r = app.get("/health", IngestApp.READ_KEY);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode processor = JSON.readTree(r.body()).get("details").get("articleProcessor");
        assertEquals("UP", processor.get("status").asText(), r.body());
        assertEquals(false, processor.get("details").get("paused").asBoolean());
    }

    private double meter(String name) {
        return app.context().getBean(io.micrometer.core.instrument.MeterRegistry.class).counter(name).count();
    }

    private String payload(String table, String id) throws Exception {
        return ids("SELECT payload::text FROM " + table + " WHERE id = ?", id).get(0);
    }

    private List<String> ids(String sql, String arg) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = app.db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
