package cn.newsevents.query.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.annotations.media.Schema;

import java.io.IOException;

/**
 * A JSON document already rendered by PostgreSQL (a stored {@code payload}), written into a response as is:
 * events are served without being parsed and serialised again.
 */
@JsonSerialize(using = RawJson.Writer.class)
@Schema(type = "object", description = "An event as published (see the event format).")
public record RawJson(String json) {

    /** Writes the document verbatim. */
    public static final class Writer extends StdSerializer<RawJson> {
        public Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.json());
        }
    }
}
