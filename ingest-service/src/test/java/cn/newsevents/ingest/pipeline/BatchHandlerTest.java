package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.store.ArticleStore;
import cn.newsevents.ingest.support.JdbcTransactions;
import cn.newsevents.ingest.support.SyntheticAnalyzer;
import cn.newsevents.testkit.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch handler without a broker: records built here, a real PostgreSQL, a dead-letter sink that keeps what it
 * is given. Valid records are stored once, the rest reach the sink with their reason, and a dependency that is
 * down stops the batch with an {@link Outage} instead of giving up on its records.
 */
class BatchHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-08T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration DEADLINE = Duration.ofMillis(500);

    private final List<DeadLetters.Rejected> deadLettered = new ArrayList<>();
    private final AtomicInteger relayTriggers = new AtomicInteger();
    private final CountDownLatch slowMayEnd = new CountDownLatch(1);
    private final TestPostgres pg = TestPostgres.shared();
    private String url;
    private BatchHandler handler;

    @BeforeEach
    void freshDatabase() {
        url = pg.newDatabase();
        Flyway.configure().dataSource(url, pg.user(), pg.password()).locations("classpath:db/migration").load()
                .migrate();
        handler = handler(url, deadLettered::addAll);
    }

    @AfterEach
    void close() {
        slowMayEnd.countDown();
        handler.close();
    }

    private BatchHandler handler(String jdbcUrl, BatchHandler.DeadLetterSink sink) {
        ProcessorSettings settings = new ProcessorSettings(true, "unused", 100, 2, 3, Duration.ofSeconds(1), 2,
                Duration.ofMillis(5), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1), 100,
                DEADLINE);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventBounds bounds = new EventBounds(new EventLimits(500, 200, 2000, 300, 262_144), meters);
        SyntheticAnalyzer synthetic = new SyntheticAnalyzer();
        ArticleAnalyzer analyzer = article -> {
            if (article.text().contains("BLOCK")) {
                // Outruns any deadline until the test ends, and takes no notice of interrupts.
                while (slowMayEnd.getCount() > 0) {
                    try {
                        slowMayEnd.await();
                    } catch (InterruptedException ignored) {
                        // As a CPU-bound extractor would.
                    }
                }
            }
            return synthetic.analyze(article);
        };
        ArticleStore store = new ArticleStore(new JdbcTransactions(jdbcUrl, pg.user(), pg.password()));
        return new BatchHandler(analyzer, store, bounds, settings, CLOCK, sink, relayTriggers::incrementAndGet,
                new ProcessorMetrics(meters));
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.ARTICLES_RAW, 0, offset, "key".getBytes(StandardCharsets.UTF_8), value);
    }

    private static ConsumerRecord<byte[], byte[]> article(long offset, String body) {
        String title = "标题 " + offset;
        String text = title + "\n" + body;
        RawArticle raw = new RawArticle("article-" + offset, "https://news.example/batch/" + offset, title, "新华社",
                OffsetDateTime.parse("2024-05-07T10:00:00+08:00"), "zh", text, title.length() + 1,
                Instant.parse("2024-05-07T03:00:00Z"));
        return record(offset, Json.bytes(raw));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void validRecordsAreStoredAndTheRestGoToTheSinkWithTheirReason() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                article(0, "METRIC|甲公司|100"),
                record(1, "not json".getBytes(StandardCharsets.UTF_8)),
                article(2, "METRIC|乙公司|200\nMETRIC|丙公司|300"),
                article(3, SyntheticAnalyzer.FAIL),
                record(4, null),
                article(5, "没有事件的正文。"));

        BatchHandler.Handled handled = handler.handle(batch);

        assertEquals(3, handled.result().inserted());
        assertEquals(3, handled.result().events());
        assertEquals(3, handled.deadLettered());
        assertEquals(List.of(1L, 3L, 4L), deadLettered.stream().map(r -> r.record().offset()).toList());
        assertTrue(deadLettered.get(0).cause() instanceof IOException, deadLettered.get(0).cause().toString());
        assertInstanceOf(IllegalStateException.class, deadLettered.get(1).cause());
        assertInstanceOf(IOException.class, deadLettered.get(2).cause());
        assertEquals(3, count("SELECT count(*) FROM articles"));
        assertEquals(3, count("SELECT count(*) FROM company_events"));
        assertEquals(3, count("SELECT count(*) FROM outbox"));
        assertTrue(relayTriggers.get() > 0, "the relay is told about queued events");
    }

    @Test
    void theSameBatchHandledAgainStoresNothingTwice() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(article(i, "METRIC|甲公司|" + (100 + i)));
        }
        assertEquals(8, handler.handle(batch).result().inserted());

        BatchHandler.Handled again = handler.handle(batch);

        assertEquals(0, again.result().inserted());
        assertEquals(8, again.result().unchanged());
        assertEquals(8, count("SELECT count(*) FROM articles"));
        assertEquals(8, count("SELECT count(*) FROM company_events"));
        assertEquals(List.of(), deadLettered);
    }

    @Test
    void anExtractionPastItsDeadlineIsGivenUpOnAndTheOthersAreStored() throws Exception {
        BatchHandler.Handled handled = handler.handle(List.of(
                article(0, "METRIC|甲公司|100"), article(1, "BLOCK"), article(2, "METRIC|乙公司|200")));

        assertEquals(2, handled.result().inserted());
        assertEquals(1, deadLettered.size());
        assertEquals(1L, deadLettered.get(0).record().offset());
        assertInstanceOf(DeadlineExceeded.class, deadLettered.get(0).cause());
        assertEquals(2, count("SELECT count(*) FROM articles"));
    }

    @Test
    void anUnreachableDatabaseIsAnOutageAndNoRecordIsGivenUp() {
        // Port 1 of the loopback: no server, so no connection (SQLSTATE 08001).
        try (BatchHandler down = handler("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", deadLettered::addAll)) {
            Outage outage = assertThrows(Outage.class, () -> down.handle(List.of(article(0, "METRIC|甲公司|100"),
                    record(1, "not json".getBytes(StandardCharsets.UTF_8)))));
            assertInstanceOf(SQLException.class, rootOrSql(outage));
        }
        assertEquals(List.of(), deadLettered);
    }

    @Test
    void anUnavailableSinkIsAnOutageAfterTheValidRecordsWereStored() throws Exception {
        try (BatchHandler noSink = handler(url, rejected -> {
            throw new Outage(new IllegalStateException("The dead-letter topic is unavailable."));
        })) {
            assertThrows(Outage.class, () -> noSink.handle(List.of(article(0, "METRIC|甲公司|100"),
                    record(1, "not json".getBytes(StandardCharsets.UTF_8)))));
        }
        // Stored before the sink failed; handling the batch again finds it unchanged.
        assertEquals(1, count("SELECT count(*) FROM articles"));
        assertEquals(1, handler.handle(List.of(article(0, "METRIC|甲公司|100"))).result().unchanged());
    }

    private static Throwable rootOrSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                return c;
            }
        }
        return t;
    }
}
