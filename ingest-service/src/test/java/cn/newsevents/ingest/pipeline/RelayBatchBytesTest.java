package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.store.OutboxRow;
import cn.newsevents.ingest.store.OutboxStore;
import cn.newsevents.ingest.support.IngestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay transaction holds a bounded amount of payload, not a fixed number of rows of any size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayBatchBytesTest {
    private IngestApp app;

    @BeforeAll
    void start() {
        // The relay's own schedule stays out of the way: this test drives the store directly.
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.processor.relay-interval", "1h"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aRelayBatchIsCutByPayloadSize() throws Exception {
        int chars = 3 * 1024 * 1024;
        String payload = "{\"focus\":\"" + "议".repeat(chars) + "\"}";
        try (Connection c = app.db(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (event_id, topic, msg_key, ce_type, ce_time, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < 5; i++) {
                ps.setString(1, "big-" + i);
                ps.setString(2, Topics.EVENTS_SEMINAR);
                ps.setString(3, "big");
                ps.setString(4, Topics.SEMINAR_EVENT_TYPE);
                ps.setObject(5, now);
                ps.setString(6, payload);
                ps.setObject(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        OutboxStore store = app.context().getBean(OutboxStore.class);
        List<Integer> batches = new ArrayList<>();
        OutboxStore.Relayed run;
        do {
            run = store.relay(500, rows -> {
                batches.add(rows.size());
                long total = rows.stream().mapToLong(r -> r.payload().length()).sum();
                // Cut once 8 Mi characters are read: the last row read may cross the line, no further one.
                assertTrue(total - rows.get(rows.size() - 1).payload().length() < 8L * 1024 * 1024, "" + total);
                return Map.<Long, String>of();
            }, OffsetDateTime.now(ZoneOffset.UTC));
        } while (run.read() > 0);
        assertEquals(List.of(3, 2), batches);
        assertEquals(0, app.count("SELECT count(*) FROM outbox"));
    }
}
