package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Instant;

/**
 * Turns a record of {@link Topics#ARTICLES_RAW} into a raw article that keeps the topic's contract, or into the
 * reason it is none. The processor trusts nothing it reads: a record is checked again as the API checked it.
 * A record without {@code receivedAt} takes the record's timestamp.
 */
final class RecordDecoder {
    private RecordDecoder() {
    }

    /** What a record decodes to. */
    sealed interface Decoded permits Valid, Invalid {
    }

    /** A raw article that keeps the contract of {@link Topics#ARTICLES_RAW}. */
    record Valid(RawArticle article) implements Decoded {
    }

    /**
     * Not a raw article, and never going to be one however often it is read: the reason is sent along with the
     * record to the dead-letter topic.
     */
    record Invalid(Exception reason) implements Decoded {
    }

    static Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return new Valid(read(record));
        } catch (IOException | RuntimeException e) {
            return new Invalid(e);
        }
    }

    private static RawArticle read(ConsumerRecord<byte[], byte[]> record) throws IOException {
        if (record.value() == null) {
            throw new IOException("The record has no value; a raw article JSON object was expected.");
        }
        RawArticle raw = Json.read(record.value(), RawArticle.class);
        if (raw == null || raw.id() == null || raw.title() == null || raw.text() == null
                || raw.publishedAt() == null) {
            throw new IOException("The raw article lacks one of id, title, text and publishedAt.");
        }
        if (raw.bodyOffset() < 0 || raw.bodyOffset() > raw.text().length()) {
            throw new IOException("The raw article's bodyOffset " + raw.bodyOffset() + " lies outside its text.");
        }
        String violation = raw.violation();
        if (violation != null) {
            throw new IOException("The raw article breaks the contract of " + Topics.ARTICLES_RAW + ": " + violation);
        }
        if (raw.receivedAt() == null) {
            return new RawArticle(raw.id(), raw.url(), raw.title(), raw.source(), raw.publishedAt(), raw.language(),
                    raw.text(), raw.bodyOffset(), Instant.ofEpochMilli(record.timestamp()));
        }
        return raw;
    }
}
