package cn.newsevents.ingest.messaging;

import cn.newsevents.extraction.ExtractorCli;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The one JSON mapping of message values: the extractor's (ISO dates, records as they are), keeping the
 * offset a publication time was given with, so the processor sees the same local date as the author.
 */
public final class Json {
    private static final ObjectMapper MAPPER = ExtractorCli.mapper()
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
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
