package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two processor instances in one consumer group share the partitions of articles.raw and store each article once. */
class ScaleOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int ARTICLES = 60;

    @Test
    void twoProcessorsShareSixPartitionsAndStoreEveryArticleExactlyOnce() throws Exception {
        KafkaProbe.ensurePartitions(Topics.ARTICLES_RAW, 6);
        String group = "scale-out-" + UUID.randomUUID();
        KafkaProbe.startGroupAtEnd(group, Topics.ARTICLES_RAW);
        String db = TestPostgres.shared().newDatabase();
        Map<String, Object> processor = new HashMap<>();
        processor.put("test.analyzer", "synthetic");
        processor.put("ingest.api.enabled", false);
        processor.put("datasources.default.url", db);
        processor.put("ingest.processor.group-id", group);
        processor.put(IngestApp.KEEP_GROUP_OFFSETS, true);
        try (IngestApp api = IngestApp.start(Map.of("ingest.processor.enabled", false, "datasources.default.url", db));
             IngestApp first = IngestApp.start(processor);
             IngestApp second = IngestApp.start(processor)) {
            ArticleProcessor a = first.context().getBean(ArticleProcessor.class);
            ArticleProcessor b = second.context().getBean(ArticleProcessor.class);
            await().atMost(WAIT).until(() -> a.assignedPartitions() > 0 && b.assignedPartitions() > 0
                    && a.assignedPartitions() + b.assignedPartitions() == 6);

            Set<String> accepted = new HashSet<>();
            for (int i = 0; i < ARTICLES; i++) {
                String json = JSON.writeValueAsString(Map.of("url", "https://news.example/scale/" + UUID.randomUUID(),
                        "title", "扩容 " + i, "publishedAt", "2024-05-07 10:00:00",
                        "body", "SEMINAR|2024-04-09|常州|主题" + i + "|张三/甲公司/董事长"));
                HttpResponse<String> r = api.postJson(json);
                assertEquals(202, r.statusCode(), r.body());
                accepted.add(JSON.readTree(r.body()).get("id").asText());
            }
            await().atMost(WAIT).until(() -> api.count("SELECT count(*) FROM articles") == ARTICLES);
            await().atMost(WAIT).until(() -> api.count("SELECT count(*) FROM outbox") == 0);

            double byFirst = first.counter("ingest.processor.articles.stored");
            double bySecond = second.counter("ingest.processor.articles.stored");
            assertTrue(byFirst > 0 && bySecond > 0, "stored by the first " + byFirst + ", by the second " + bySecond);
            assertEquals(ARTICLES, byFirst + bySecond);
            assertEquals(ARTICLES, api.count("SELECT count(*) FROM seminars"));
            List<ConsumerRecord<byte[], byte[]>> published = KafkaProbe.readToEnd(Topics.EVENTS_SEMINAR,
                    rec -> accepted.contains(KafkaProbe.key(rec)));
            assertEquals(ARTICLES, published.size());
            assertEquals(ARTICLES, published.stream().map(rec -> KafkaProbe.header(rec, Topics.CE_ID))
                    .distinct().count());
            assertEquals(0, api.count("SELECT count(*) FROM (SELECT article_id FROM seminars GROUP BY article_id "
                    + "HAVING count(*) > 1) d"));
        }
    }
}
