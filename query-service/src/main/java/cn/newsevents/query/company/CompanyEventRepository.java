package cn.newsevents.query.company;

import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.search.SearchTerms;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * Reads company events, newest stored first, as their stored {@code payload} documents. Every filter is optional
 * (null switches it off); the pool plans each statement with its values, so a given metric uses
 * {@code company_events_metric_idx}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CompanyEventRepository extends GenericRepository<StoredCompanyEvent, String> {
    /** The statement of {@link #findPage}. */
    String PAGE = """
            SELECT id, ingested_at, CAST(payload AS text) AS payload FROM company_events
            WHERE (CAST(:company AS text) IS NULL OR company_s ILIKE :company ESCAPE '\\')
              AND (CAST(:metric AS text) IS NULL OR metric = :metric)
              AND (CAST(:period AS text) IS NULL OR period = :period)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (ingested_at, id) < (:afterAt, :afterId))
            ORDER BY ingested_at DESC, id DESC
            LIMIT :limit""";

    /** A listed company event: its sort key and its stored document. */
    @Introspected
    record ListedEvent(String id, Instant ingestedAt, String payload) {
    }

    /** Up to {@code limit} events of {@link #PAGE}; {@code company} is an ILIKE pattern, {@code metric} a code. */
    @Query(PAGE)
    List<ListedEvent> findPage(@Nullable String company, @Nullable String metric, @Nullable String period,
                               @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** The stored documents of one article's company events, in the order they appear in its text. */
    @Query("""
            SELECT CAST(payload AS text) FROM company_events WHERE article_id = :articleId
            ORDER BY CAST(payload #>> '{evidence,start}' AS int) NULLS LAST, id""")
    List<String> findPayloadsOfArticle(String articleId);

    /** One page of company events matching {@code filter}, after {@code after} (null for the first page). */
    default Page<RawJson> find(CompanyEventFilter filter, TimeKey after, int limit) {
        List<ListedEvent> found = findPage(
                filter.company() == null ? null : SearchTerms.containing(filter.company()),
                filter.metric() == null ? null : filter.metric().code(), filter.period(),
                after == null ? null : after.ingestedAt(), after == null ? null : after.id(), limit + 1);
        String next = null;
        if (found.size() > limit) {
            ListedEvent last = found.get(limit - 1);
            next = new TimeKey(last.ingestedAt(), last.id()).encode(CursorKind.COMPANY_EVENT);
        }
        List<RawJson> items = found.stream().limit(limit).map(e -> new RawJson(e.payload())).toList();
        return new Page<>(items, next);
    }

    /** The company events of one article, in the order they appear in its text. */
    default List<RawJson> ofArticle(String articleId) {
        return findPayloadsOfArticle(articleId).stream().map(RawJson::new).toList();
    }
}
