package cn.newsevents.contract.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The one JSON mapping of the wire: topic values, stored event documents and the {@code extract} command's output.
 * Records as they are (fields in declaration order, nulls written), ISO dates and times rather than timestamps;
 * reading keeps the offset a time was given with (so the processor sees the author's local date) and ignores
 * properties it does not know (a newer producer may add some).
 */
public final class Json {
    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    /** A new mapper with the wire configuration, for callers that need an {@link ObjectMapper} of their own. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Serialises a message value. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName() + ".", e);
        }
    }

    /** Serialises a message value to a string. */
    public static String string(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName() + ".", e);
        }
    }

    /** Reads a message value; throws {@link IOException} when it is not JSON of that shape. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }
}
