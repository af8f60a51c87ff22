package cn.newsevents.query.article;

import cn.newsevents.contract.event.Article;
import cn.newsevents.query.paging.TimeKey;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads article headers, newest stored first ({@code articles_ingested_idx}), and article texts. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ArticleRepository extends GenericRepository<StoredArticle, String> {
    String HEADER_COLUMNS = "SELECT id, url, title, source, published_at, language, script, revision,"
            + " extractor_version, ingested_at, processed_at FROM articles";

    /** An article without its text, as read. */
    @Introspected
    record HeaderRow(String id, @Nullable String url, String title, @Nullable String source, Instant publishedAt,
                     @Nullable String language, @Nullable String script, int revision,
                     @Nullable String extractorVersion, Instant ingestedAt, Instant processedAt) {
        ArticleHeader header() {
            // timestamptz keeps the instant only; articles state their times in China Standard Time.
            return new ArticleHeader(id, url, title, source,
                    publishedAt.atZone(Article.DEFAULT_ZONE).toOffsetDateTime(), language, script, revision,
                    extractorVersion, ingestedAt, processedAt);
        }
    }

    /** Up to {@code limit} headers after the key ({@code afterAt} null for the first page), newest first. */
    @Query(HEADER_COLUMNS + """
             WHERE (CAST(:afterAt AS timestamptz) IS NULL OR (ingested_at, id) < (:afterAt, :afterId))
            ORDER BY ingested_at DESC, id DESC LIMIT :limit""")
    List<HeaderRow> findHeaders(@Nullable Instant afterAt, @Nullable String afterId, int limit);

    @Query(HEADER_COLUMNS + " WHERE id = :id")
    Optional<HeaderRow> findHeader(String id);

    /** The full text of article {@code id} (headline line, source line and body), which evidence offsets index. */
    @Query("SELECT text FROM articles WHERE id = :id")
    Optional<String> findText(String id);

    /** The exact number of stored articles: a scan of the table. */
    @Query("SELECT count(*) FROM articles")
    long countExactly();

    /**
     * The planner's estimate of the number of stored articles, kept by (auto)vacuum and ANALYZE; negative when
     * the table was never analysed.
     */
    @Query("SELECT CAST(reltuples AS bigint) FROM pg_class WHERE oid = CAST('articles' AS regclass)")
    long findEstimatedCount();

    /** Headers after {@code after} (null for the first page), newest first, at most {@code limit}. */
    default List<ArticleHeader> find(TimeKey after, int limit) {
        return findHeaders(after == null ? null : after.ingestedAt(), after == null ? null : after.id(), limit)
                .stream().map(HeaderRow::header).toList();
    }

    /** The header of article {@code id}. */
    default Optional<ArticleHeader> byId(String id) {
        return findHeader(id).map(HeaderRow::header);
    }

    /** The full text of article {@code id}. */
    default Optional<String> text(String id) {
        return findText(id);
    }
}
