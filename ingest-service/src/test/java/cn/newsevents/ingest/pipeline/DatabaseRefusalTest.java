package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record the database refuses for a reason other than an outage (here a city over its index's entry limit, SQLSTATE
 * 54000) goes to the dead-letter topic, and so does a record breaking the topic's contract (a url over the url
 * index's limit, written by something other than the API); the partition does not stall, the processor never
 * pauses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRefusalTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.api.enabled", false));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static byte[] raw(String id, String url, String city) {
        return ("{\"id\":\"" + id + "\",\"url\":\"" + url + "\",\"title\":\"长链接\",\"publishedAt\":"
                + "\"2024-05-07T10:00:00+08:00\",\"text\":\"长链接\\nSEMINAR|2024-04-09|" + city
                + "|链接|张三/甲公司/董事长\",\"bodyOffset\":4}").getBytes(StandardCharsets.UTF_8);
    }

    /** Characters PostgreSQL cannot compress below the index entry limit, as a repeated one would be. */
    private static String randomHanzi(int n) {
        java.util.Random random = new java.util.Random(13);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x4E00 + random.nextInt(0x51A5)));
        }
        return s.toString();
    }

    @Test
    void aRecordTheDatabaseRefusesGoesToTheDeadLetterTopicAndTheNextIsStored() {
        String run = UUID.randomUUID().toString();
        String refused = run + "-long-city";
        String invalid = run + "-long-url";
        String next = run + "-next";
        byte[] key = refused.getBytes(StandardCharsets.UTF_8);
        // Same key, same partition: the later records wait behind the first. A city of 2,000 characters is within
        // the event bounds but over what the city index takes (SQLSTATE 54000).
        KafkaProbe.send(Topics.ARTICLES_RAW, key, raw(refused, "https://news.example/" + run + "/1", randomHanzi(2_000)));
        // A url over the index limit never reaches the database: the processor checks the topic's contract.
        KafkaProbe.send(Topics.ARTICLES_RAW, key, raw(invalid, "https://news.example/" + randomHanzi(1_500), "常州"));
        KafkaProbe.send(Topics.ARTICLES_RAW, key, raw(next, "https://news.example/" + run + "/3", "常州"));

        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", next) == 1);
        List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                r -> refused.equals(KafkaProbe.key(r)), l -> l.size() >= 2, WAIT);
        assertEquals(2, dead.size());
        assertEquals(cn.newsevents.ingest.store.StoreException.class.getName(),
                KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_CLASS));
        assertEquals(java.io.IOException.class.getName(), KafkaProbe.header(dead.get(1), Topics.DLT_EXCEPTION_CLASS));
        assertTrue(KafkaProbe.header(dead.get(1), Topics.DLT_EXCEPTION_MESSAGE).contains("url"));
        assertEquals(0, app.count("SELECT count(*) FROM articles WHERE id IN (?, ?)", refused, invalid));
        assertEquals(0.0, app.counter("ingest.processor.outages"));
        assertFalse(app.context().getBean(ArticleProcessor.class).paused());
    }
}
