package cn.newsevents.query.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code articles} as this service reads it (the ingest service writes it; Flyway owns the schema).
 * {@code text} is the headline line, the source line and the body, which evidence offsets index.
 */
@MappedEntity("articles")
public record StoredArticle(@Id String id,
                            @Nullable String url,
                            String title,
                            @Nullable String source,
                            Instant publishedAt,
                            @Nullable String language,
                            @Nullable String script,
                            String text,
                            int revision,
                            @Nullable String extractorVersion,
                            Instant ingestedAt,
                            Instant processedAt) {
}
