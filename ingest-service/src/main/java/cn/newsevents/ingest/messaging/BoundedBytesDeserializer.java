package cn.newsevents.ingest.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Hands out a record's key or value as bytes when it has at most {@code limit} bytes (after decompression), and
 * null otherwise, adding the header {@link #DROPPED_BYTES} with the size it dropped. The consumer then holds at
 * most {@code limit} bytes per key or value however well a batch compressed; the processor sends such a record to
 * the dead-letter topic (a raw article without a value), the header saying why.
 */
public final class BoundedBytesDeserializer implements Deserializer<byte[]> {
    /** Header added to a record whose key or value was dropped: {@code key:N} or {@code value:N} bytes. */
    public static final String DROPPED_BYTES = "newsevents_dropped_bytes";

    private final int limit;
    private final String part;

    private BoundedBytesDeserializer(int limit, String part) {
        this.limit = limit;
        this.part = part;
    }

    /** For record keys of at most {@code limit} bytes. */
    public static BoundedBytesDeserializer keys(int limit) {
        return new BoundedBytesDeserializer(limit, "key");
    }

    /** For record values of at most {@code limit} bytes. */
    public static BoundedBytesDeserializer values(int limit) {
        return new BoundedBytesDeserializer(limit, "value");
    }

    @Override
    public byte[] deserialize(String topic, byte[] data) {
        if (data == null || data.length <= limit) {
            return data;
        }
        return null;
    }

    @Override
    public byte[] deserialize(String topic, Headers headers, byte[] data) {
        if (data != null && data.length > limit) {
            headers.add(DROPPED_BYTES, (part + ":" + data.length).getBytes(StandardCharsets.UTF_8));
            return null;
        }
        return data;
    }

    @Override
    public byte[] deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.remaining() > limit) {
            // Checked before copying: the oversized bytes are never held beyond the fetch buffer.
            headers.add(DROPPED_BYTES, (part + ":" + data.remaining()).getBytes(StandardCharsets.UTF_8));
            return null;
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
