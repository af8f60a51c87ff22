package cn.newsevents.ingest.store;

import java.time.OffsetDateTime;

/** A pending outbox row: one event to publish on {@code topic} with key {@code key}. */
public record OutboxRow(long id, String eventId, String topic, String key, String ceType, OffsetDateTime ceTime,
                        String payload) {
}
