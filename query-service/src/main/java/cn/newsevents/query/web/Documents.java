package cn.newsevents.query.web;

import cn.newsevents.extraction.model.CompanyEvent;
import cn.newsevents.extraction.model.SeminarEvent;
import cn.newsevents.query.api.RawJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads stored event documents into the extractor's records for rendering. Unknown fields are ignored, so a
 * page keeps working when a newer extractor adds some.
 */
@Singleton
class Documents {
    private final ObjectMapper json;

    Documents(ObjectMapper json) {
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

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
