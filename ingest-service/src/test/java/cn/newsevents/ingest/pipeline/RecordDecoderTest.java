package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a record of {@code articles.raw} decodes to: the article when it keeps the contract, else the reason. */
class RecordDecoderTest {
    private static final long TIMESTAMP = Instant.parse("2024-05-07T03:00:00Z").toEpochMilli();

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.ARTICLES_RAW, 0, 0, TIMESTAMP, TimestampType.CREATE_TIME, 0,
                value == null ? 0 : value.length, null, value, new RecordHeaders(), Optional.empty());
    }

    private static RawArticle raw(String id, int bodyOffset, Instant receivedAt) {
        return new RawArticle(id, "https://news.example/decoder", "标题", "新华社",
                OffsetDateTime.parse("2024-05-07T10:00:00+08:00"), "zh", "标题\n正文。", bodyOffset, receivedAt);
    }

    private static Exception reason(RecordDecoder.Decoded decoded) {
        return assertInstanceOf(RecordDecoder.Invalid.class, decoded).reason();
    }

    @Test
    void aValidArticleWithoutReceivedAtTakesTheRecordTimestamp() {
        RecordDecoder.Decoded decoded = RecordDecoder.decode(record(Json.bytes(raw("a-1", 3, null))));
        RawArticle article = assertInstanceOf(RecordDecoder.Valid.class, decoded).article();
        assertEquals("a-1", article.id());
        assertEquals(Instant.ofEpochMilli(TIMESTAMP), article.receivedAt());
    }

    @Test
    void aReceivedAtInTheRecordIsKept() {
        Instant received = Instant.parse("2024-05-07T02:00:00Z");
        RecordDecoder.Decoded decoded = RecordDecoder.decode(record(Json.bytes(raw("a-1", 3, received))));
        assertEquals(received, assertInstanceOf(RecordDecoder.Valid.class, decoded).article().receivedAt());
    }

    @Test
    void recordsThatAreNoRawArticleGiveTheReason() {
        assertTrue(reason(RecordDecoder.decode(record(null))).getMessage().contains("no value"));
        assertInstanceOf(IOException.class,
                reason(RecordDecoder.decode(record("[1,2]".getBytes(StandardCharsets.UTF_8)))));
        assertTrue(reason(RecordDecoder.decode(record("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .getMessage().contains("lacks one of id, title, text and publishedAt"));
        assertTrue(reason(RecordDecoder.decode(record(Json.bytes(raw("a-1", 99, null))))).getMessage()
                .contains("bodyOffset 99 lies outside its text"));
        Exception control = reason(RecordDecoder.decode(record(Json.bytes(raw("a\u0001b", 3, null)))));
        assertInstanceOf(IOException.class, control);
        assertTrue(control.getMessage().contains("breaks the contract of " + Topics.ARTICLES_RAW), control.getMessage());
    }
}
