package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.Commands;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code replay-dlt} puts dead letters back on articles.raw once each, and the processor then stores them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest {
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

    private int replay(String group, String... extra) {
        List<String> args = new ArrayList<>(List.of("replay-dlt", "--group", group));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(args.toArray(String[]::new), app.commandProperties(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        return Integer.parseInt(printed.substring(printed.lastIndexOf("Done: ") + 6).split(" ")[0]);
    }

    @Test
    void eachDeadLetterIsReplayedOnceWithItsKeyValueAndReplayHeaders() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> keys = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                String key = run + "-" + i;
                keys.add(key);
                String value = "{\"id\":\"" + key + "\",\"title\":\"回放 " + i + "\",\"publishedAt\":\"2024-05-07T10:00:00+08:00\","
                        + "\"text\":\"回放 " + i + "\\nSEMINAR|2024-04-09|常州|回放|张三/甲公司/董事长\",\"bodyOffset\":5}";
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(Topics.ARTICLES_RAW_DLT, i % 2,
                        key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
                r.headers().add(Topics.CONTENT_TYPE, Topics.JSON.getBytes(StandardCharsets.UTF_8));
                r.headers().add(Topics.DLT_EXCEPTION_CLASS, "java.sql.SQLTransientException".getBytes(StandardCharsets.UTF_8));
                producer.send(r).get();
            }
        }
        long pending = KafkaProbe.endOffsetSum(Topics.ARTICLES_RAW_DLT);
        String group = "replay-" + run;

        // A limited run replays exactly that many; the next run replays the rest (records of other tests that
        // fail again come back to the dead-letter topic and are counted too).
        assertEquals(1, replay(group, "--max", "1"));
        assertTrue(replay(group) >= pending - 1);
        for (String key : keys) {
            await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM seminars WHERE article_id = ?", key) == 1);
        }
        // A later run does not replay them again.
        replay(group);

        List<ConsumerRecord<byte[], byte[]>> replayed = KafkaProbe.readUntil(Topics.ARTICLES_RAW,
                r -> KafkaProbe.key(r) != null && KafkaProbe.key(r).startsWith(run), l -> l.size() > 3,
                Duration.ofSeconds(5));
        assertEquals(3, replayed.size());
        for (ConsumerRecord<byte[], byte[]> r : replayed) {
            assertTrue(KafkaProbe.header(r, Topics.REPLAY_OF).startsWith(Topics.ARTICLES_RAW_DLT + "/"));
            assertEquals("1", KafkaProbe.header(r, Topics.REPLAY_COUNT));
            java.time.Instant.parse(KafkaProbe.header(r, Topics.REPLAY_TIME));
            assertEquals(Topics.JSON, KafkaProbe.header(r, Topics.CONTENT_TYPE));
            assertNull(KafkaProbe.header(r, Topics.DLT_EXCEPTION_CLASS));
            assertTrue(KafkaProbe.value(r).contains("\"id\":\"" + KafkaProbe.key(r) + "\""));
        }
        assertEquals(3, app.count("SELECT count(*) FROM articles WHERE id LIKE ?", run + "-%"));
    }
}
