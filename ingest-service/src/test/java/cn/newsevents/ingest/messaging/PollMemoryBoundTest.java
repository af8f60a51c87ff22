package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import cn.newsevents.testkit.TestKafka;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer poll holds a bounded number of decompressed bytes, whatever the records and their compression. */
class PollMemoryBoundTest {
    private static final long PER_RECORD = RecordLimits.MAX_RECORD_BYTES + RecordLimits.MAX_KEY_BYTES;

    private static KafkaClients clients(long maxPollBytes) {
        return new KafkaClients(new KafkaSettings(TestKafka.shared().bootstrapServers(), 1, (short) 1,
                Duration.ofSeconds(3), Duration.ofSeconds(5), maxPollBytes, null, null, null, null));
    }

    private static String topic() throws Exception {
        String topic = "poll-bound-" + UUID.randomUUID();
        try (Admin admin = clients(PER_RECORD).newAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static KafkaProducer<byte[], byte[]> producer(String compression) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.shared().bootstrapServers(), ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * 1024 * 1024, ProducerConfig.LINGER_MS_CONFIG, 50),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Test
    void recordsPerPollAreCappedSoThatTheLargestRecordsFitTheByteBudget() {
        assertEquals(3, clients(3 * PER_RECORD).consumerConfig("g", 400, null)
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals(400, clients(1_000 * PER_RECORD).consumerConfig("g", 400, null)
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals(1, clients(1).consumerConfig("g", 400, null).get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        // The default budget (256 MiB) with the largest raw articles.
        assertEquals(84, clients(268_435_456L).consumerConfig("g", 400, null)
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
    }

    @Test
    void largeArticlesArriveInPollsWhoseSummedBytesStayUnderTheBudget() throws Exception {
        String topic = topic();
        int count = 15;
        // Several fit in one fetch (1 MiB a partition), so only the cap keeps a poll at 3.
        int size = 300_000;
        Random random = new Random(13);
        try (KafkaProducer<byte[], byte[]> p = producer("none")) {
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[size];
                random.nextBytes(value);
                p.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8), value));
            }
            p.flush();
        }
        long budget = 3 * PER_RECORD;
        int read = 0;
        int largestPoll = 0;
        long largestPollBytes = 0;
        try (Consumer<byte[], byte[]> c = clients(budget).newConsumer("poll-bound-" + UUID.randomUUID(), 400)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
                long bytes = 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    bytes += r.value().length + r.key().length;
                }
                read += records.count();
                largestPoll = Math.max(largestPoll, records.count());
                largestPollBytes = Math.max(largestPollBytes, bytes);
            }
        }
        assertEquals(count, read);
        assertTrue(largestPoll <= 3, "a poll returned " + largestPoll + " records");
        assertTrue(largestPollBytes <= budget, "a poll held " + largestPollBytes + " bytes, over " + budget);
        // Several records a poll, so the cap is what bounded it (one record a poll would bound it trivially).
        assertTrue(largestPoll >= 2, "every poll returned one record");
    }

    @Test
    void aValueOverTheLargestArticleIsDroppedBeforeTheConsumerHoldsIt() throws Exception {
        String topic = topic();
        // 8 MiB of one byte compresses to a few KiB: the broker takes it, decompression would multiply it.
        byte[] huge = new byte[8 * 1024 * 1024];
        try (KafkaProducer<byte[], byte[]> p = producer("lz4")) {
            p.send(new ProducerRecord<>(topic, "big".getBytes(StandardCharsets.UTF_8), huge)).get();
            p.send(new ProducerRecord<>(topic, "small".getBytes(StandardCharsets.UTF_8), new byte[10])).get();
        }
        ConsumerRecord<byte[], byte[]> big = null;
        ConsumerRecord<byte[], byte[]> small = null;
        try (Consumer<byte[], byte[]> c = clients(PER_RECORD * 4).newConsumer("poll-bound-" + UUID.randomUUID(), 400)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (small == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if ("big".equals(KafkaProbe.key(r))) {
                        big = r;
                    } else {
                        small = r;
                    }
                }
            }
        }
        assertNotNull(big);
        assertNotNull(small);
        assertNull(big.value());
        assertEquals("value:" + huge.length, KafkaProbe.header(big, BoundedBytesDeserializer.DROPPED_BYTES));
        assertEquals(10, small.value().length);
    }

    @Test
    void theProcessorSendsAnOversizedRecordToTheDeadLetterTopicAndMovesOn() throws Exception {
        try (IngestApp app = IngestApp.start(Map.of())) {
            String key = "a-oversized-" + UUID.randomUUID();
            try (KafkaProducer<byte[], byte[]> p = producer("lz4")) {
                p.send(new ProducerRecord<>(Topics.ARTICLES_RAW, key.getBytes(StandardCharsets.UTF_8),
                        new byte[16 * 1024 * 1024])).get();
            }
            List<ConsumerRecord<byte[], byte[]>> dead = KafkaProbe.readUntil(Topics.ARTICLES_RAW_DLT,
                    r -> key.equals(KafkaProbe.key(r)), l -> !l.isEmpty(), Duration.ofSeconds(60));
            assertEquals(1, dead.size());
            assertEquals("value:" + 16 * 1024 * 1024,
                    KafkaProbe.header(dead.get(0), BoundedBytesDeserializer.DROPPED_BYTES));

            String json = new ObjectMapper().writeValueAsString(Map.of(
                    "url", "https://news.example/" + UUID.randomUUID(), "title", "常州召开座谈会", "publishedAt", "2024-05-07T16:43:38+08:00",
                    "body", "5月6日下午，市委书记主持召开专题座谈会。"));
            HttpResponse<String> r = app.postJson(json);
            assertEquals(202, r.statusCode(), r.body());
            String id = new ObjectMapper().readTree(r.body()).get("id").asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1);
        }
    }
}
