package cn.newsevents.ingest.bench;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.extraction.Extractor;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.testkit.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput of the processor with the real extractor against the extractor alone, printed, not asserted:
 * {@code mvn -pl ingest-service verify -Dtest=ProcessorThroughputBenchmark -Dsurefire.excludedGroups=none}.
 * {@code -Dbench.articles=N} sets the backlog size, {@code -Dbench.configs=threads:chunk,...} the processor
 * settings compared.
 */
@Tag("benchmark")
class ProcessorThroughputBenchmark {
    private static final int ARTICLES = Integer.getInteger("bench.articles", 200);

    @Test
    void processorThroughputComparedWithTheExtractorAlone() throws Exception {
        String seed = Files.readString(Path.of("..", "seeds", "changzhou-seminars.txt"), StandardCharsets.UTF_8);
        Extractor extractor = new Extractor();
        for (int i = 0; i < 30; i++) {
            extractor.extract(article(seed, "warmup-" + i).toArticle());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ARTICLES; i++) {
            extractor.extract(article(seed, "alone-" + i).toArticle());
        }
        double alone = ARTICLES / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("BENCH extractor alone, one thread: %.1f articles/s (%d articles)%n", alone, ARTICLES);

        for (String config : System.getProperty("bench.configs", "1:1000,2:1000,2:25").split(",")) {
            String[] f = config.split(":");
            Map<String, Object> p = new HashMap<>();
            p.put("ingest.api.enabled", false);
            p.put("ingest.processor.extract-threads", Integer.parseInt(f[0]));
            p.put("ingest.processor.write-chunk", Integer.parseInt(f[1]));
            try (IngestApp app = IngestApp.start(p)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> app.count("SELECT count(*) FROM flyway_schema_history") > 0);
                // Warm the processor's extractor and connections with a few articles first.
                String run = UUID.randomUUID().toString();
                produce(seed, run + "-warm", 10);
                await().atMost(Duration.ofMinutes(2)).until(() -> app.count("SELECT count(*) FROM articles") == 10);
                long start = System.nanoTime();
                produce(seed, run, ARTICLES);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> app.count("SELECT count(*) FROM articles") == ARTICLES + 10);
                double rate = ARTICLES / ((System.nanoTime() - start) / 1e9);
                long[] latency = latencies(app, run + "-%");
                System.out.printf("BENCH processor threads=%s write-chunk=%s: %.1f articles/s = %.2fx the extractor "
                                + "alone; accepted->stored latency median %d ms, p95 %d ms%n", f[0], f[1], rate,
                        rate / alone, latency[0], latency[1]);
                assertEquals(ARTICLES + 10, app.count("SELECT count(*) FROM articles"));
            }
        }
    }

    private static RawArticle article(String seed, String id) {
        String[] lines = seed.split("\n", 3);
        String title = lines[0] + " " + id;
        String text = title + "\n" + lines[1] + "\n" + lines[2];
        return new RawArticle(id, "https://bench.example/" + id, title, "bench",
                OffsetDateTime.of(2024, 5, 7, 16, 43, 38, 0, ZoneOffset.ofHours(8)), "zh", text,
                title.length() + 1, Instant.now());
    }

    private static void produce(String seed, String run, int n) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RawArticle a = article(seed, run + "-" + i);
                sent.add(producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW,
                        a.id().getBytes(StandardCharsets.UTF_8), Json.bytes(a))));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** Median and 95th percentile of processed_at - ingested_at, in milliseconds. */
    private static long[] latencies(IngestApp app, String idPattern) throws Exception {
        List<Long> ms = new ArrayList<>();
        try (Connection c = app.db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM processed_at - ingested_at) * 1000)::bigint "
                     + "FROM articles WHERE id LIKE '" + idPattern + "' AND id NOT LIKE '%-warm-%' ORDER BY 1")) {
            while (rs.next()) {
                ms.add(rs.getLong(1));
            }
        }
        return new long[] {ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.95)))};
    }
}
