package cn.newsevents.query.seminar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code seminars} as this service reads it. The ingest service writes the table and Flyway owns its
 * schema; {@code *_s} columns hold text folded to simplified characters, {@code payload} the event as published.
 */
@MappedEntity("seminars")
public record StoredSeminar(@Id String id,
                            String articleId,
                            @Nullable LocalDate seminarDate,
                            @Nullable String city,
                            @Nullable @MappedProperty("city_s") String citySimplified,
                            @MappedProperty("search_s") String searchSimplified,
                            @TypeDef(type = DataType.JSON) String payload,
                            Instant ingestedAt) {
}
