package cn.newsevents.query.stream;

/**
 * An event as received from Kafka, numbered by this instance: {@code seq} grows by one per event received, and
 * {@code json} is the record value (the published event document) untouched.
 */
public record StreamedEvent(long seq, EventKind kind, String eventId, String json) {
}
