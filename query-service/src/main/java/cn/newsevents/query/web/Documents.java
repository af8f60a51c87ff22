package cn.newsevents.query.web;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.query.api.RawJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads stored event documents into the event records of the contract for rendering, with the wire mapping
 * ({@link Json}): unknown fields are ignored, so a page keeps working when a newer extractor adds some.
 */
@Singleton
class Documents {
    private final ObjectMapper json = Json.mapper();

    SeminarEvent seminar(RawJson doc) {
        return read(doc, SeminarEvent.class);
    }

    CompanyEvent company(RawJson doc) {
        return read(doc, CompanyEvent.class);
    }

    private <T> T read(RawJson doc, Class<T> type) {
        try {
            return json.readValue(doc.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event document could not be read as " + type.getSimpleName(), e);
        }
    }
}
