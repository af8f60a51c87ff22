package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.ingest.support.SyntheticAnalyzer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article whose extraction outruns the deadline goes to the dead-letter topic with the reason, and the articles
 * after it are stored; the consumer's max.poll.interval.ms is derived from the deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleDeadlineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.processor.article-deadline", "1s",
                "ingest.processor.extract-threads", 1));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String accept(String body) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", "https://news.example/" + UUID.randomUUID());
        m.put("title", "期限");
        m.put("publishedAt", "2024-05-07 16:43:38");
        m.put("body", body);
        HttpResponse<String> r = app.postJson(JSON.writeValueAsString(m));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    @Test
    void anArticleOverTheDeadlineIsDeadLetteredWithTheReasonAndTheRestIsStored() throws Exception {
        String slow = accept(SyntheticAnalyzer.SLOW + "\nSEMINAR|2024-04-09|常州|慢|张三/甲公司/董事长");
        String next = accept("SEMINAR|2024-04-10|常州|快|李四/乙公司/总经理");

        // One extraction thread: the article after the slow one needs the thread added for the abandoned one.
        await().atMost(Duration.ofSeconds(SyntheticAnalyzer.SLOW_MILLIS / 1000 - 1))
                .until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", next) == 1);
        List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                r -> slow.equals(KafkaProbe.key(r)), l -> !l.isEmpty(), WAIT);
        assertEquals(1, dead.size());
        assertEquals(DeadlineExceeded.class.getName(),
                KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_CLASS));
        assertTrue(KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_MESSAGE).contains("deadline of PT1S"),
                KafkaProbe.header(dead.get(0), Topics.DLT_EXCEPTION_MESSAGE));
        assertEquals(0, app.count("SELECT count(*) FROM articles WHERE id = ?", slow));
        assertEquals(1.0, app.counter("ingest.processor.deadline.exceeded"));
    }

    @Test
    void maxPollIntervalCoversAFullPollOfArticlesThatAllRunIntoTheDeadline() {
        ProcessorSettings s = app.context().getBean(ProcessorSettings.class);
        // 400 records on one thread, 1 s each, plus two minutes for the writes.
        assertEquals(400, s.maxPollRecords());
        assertEquals(Duration.ofSeconds(400 + 120), s.maxPollInterval());
        ProcessorSettings quick = new ProcessorSettings(true, "g", 100, 4, 25, Duration.ofMillis(500), 3,
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2), 500,
                Duration.ofSeconds(1));
        assertEquals(Duration.ofMinutes(5), quick.maxPollInterval(), "never below the client's default");
    }
}
