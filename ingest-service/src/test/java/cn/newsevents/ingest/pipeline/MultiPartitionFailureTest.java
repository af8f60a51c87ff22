package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.ingest.support.SyntheticAnalyzer;
import cn.newsevents.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One poll spanning every partition with three kinds of bad record in it (not JSON, extraction failing, refused by
 * the database): the bad ones go to the dead-letter topic and every good record of every partition is stored.
 */
class MultiPartitionFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void badRecordsInAMultiPartitionPollLoseNoGoodRecordOfAnyPartition() throws Exception {
        KafkaProbe.ensurePartitions(Topics.ARTICLES_RAW, 6);
        String group = "multi-partition-" + UUID.randomUUID();
        KafkaProbe.startGroupAtEnd(group, Topics.ARTICLES_RAW);
        String run = UUID.randomUUID().toString();
        List<String> good = new ArrayList<>();
        List<String> bad = List.of(run + "-not-json", run + "-extraction-fails", run + "-refused-by-database");
        Set<Integer> partitions = new HashSet<>();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 18; i++) {
                String id = run + "-good-" + i;
                good.add(id);
                partitions.add(send(producer, id, Json.bytes(article(id, "好稿 " + i,
                        "SEMINAR|2024-04-09|常州|主题" + i + "|张三/甲公司/董事长"))));
                if (i == 5) {
                    send(producer, bad.get(0), "{not json".getBytes(StandardCharsets.UTF_8));
                } else if (i == 9) {
                    send(producer, bad.get(1), Json.bytes(article(bad.get(1), "抽取失败", SyntheticAnalyzer.FAIL)));
                } else if (i == 13) {
                    // PostgreSQL text cannot hold NUL: the insert fails with a data exception.
                    send(producer, bad.get(2), Json.bytes(article(bad.get(2), "空字符\u0000标题",
                            "SEMINAR|2024-04-18|常州|拒收|李四/乙公司/总经理")));
                }
            }
        }
        assertTrue(partitions.size() > 1, "the good records span several partitions: " + partitions);

        try (IngestApp app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.api.enabled", false,
                "ingest.processor.group-id", group, IngestApp.KEEP_GROUP_OFFSETS, true,
                "ingest.processor.max-poll-records", 100))) {
            List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                    r -> bad.contains(KafkaProbe.key(r)), l -> l.size() >= bad.size(), WAIT);
            assertEquals(Set.copyOf(bad), Set.copyOf(dead.stream().map(KafkaProbe::key).toList()));
            await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles") == good.size());
            for (String id : good) {
                assertEquals(1, app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id), id);
            }
            for (String id : bad) {
                assertEquals(0, app.count("SELECT count(*) FROM articles WHERE id = ?", id), id);
            }
        }
    }

    private static RawArticle article(String id, String title, String body) {
        return new RawArticle(id, "https://news.example/" + id, title, "测试日报",
                OffsetDateTime.of(2024, 5, 7, 10, 0, 0, 0, ZoneOffset.ofHours(8)), "zh", title + "\n" + body,
                title.length() + 1, Instant.now());
    }

    private static int send(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, key.getBytes(StandardCharsets.UTF_8), value))
                .get().partition();
    }
}
