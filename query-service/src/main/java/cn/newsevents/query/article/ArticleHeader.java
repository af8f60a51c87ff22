package cn.newsevents.query.article;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What is known about a stored article without its text: where it came from, when it was published
 * ({@code publishedAt} in China Standard Time, as articles give it), which script it is written in, and which
 * revision and extractor version produced its events.
 */
public record ArticleHeader(String id, String url, String title, String source, OffsetDateTime publishedAt,
                            String language, String script, int revision, String extractorVersion,
                            Instant ingestedAt, Instant processedAt) {
}
