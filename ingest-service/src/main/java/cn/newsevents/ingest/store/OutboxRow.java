package cn.newsevents.ingest.store;

import java.time.OffsetDateTime;

/**
 * A pending outbox row: one record to publish on {@code topic} with key {@code key}, of the article's event set
 * {@code generation}.
 */
public record OutboxRow(long id, String eventId, String topic, String key, String ceType, OffsetDateTime ceTime,
                        String payload, int generation) {
}
