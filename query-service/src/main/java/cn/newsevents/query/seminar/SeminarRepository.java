package cn.newsevents.query.seminar;

import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.search.SearchTerms;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads seminars. Lists are keyset-paged in the order of {@code seminars_latest_idx} and return the stored
 * {@code payload} documents untouched. Every filter is optional: a null parameter switches its condition off, and
 * the pool plans each statement with its values ({@code plan_cache_mode=force_custom_plan}), so a filter left out
 * costs nothing and a given one can use its index.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SeminarRepository extends GenericRepository<StoredSeminar, String> {
    /** The statement of {@link #findPage}: seminars matching every given filter, after a sort key, newest first. */
    String PAGE = """
            SELECT s.id, s.seminar_date, s.ingested_at, CAST(s.payload AS text) AS payload FROM seminars s
            WHERE (CAST(:city AS text) IS NULL OR s.city_s IN (:city, :cityWithSuffix))
              AND (CAST(:from AS date) IS NULL OR s.seminar_date >= :from)
              AND (CAST(:to AS date) IS NULL OR s.seminar_date <= :to)
              AND (CAST(:participant AS text) IS NULL OR EXISTS (SELECT 1 FROM seminar_participants p
                   WHERE p.seminar_id = s.id AND p.name_s = :participant))
              AND (CAST(:organization AS text) IS NULL OR EXISTS (SELECT 1 FROM seminar_participants p
                   WHERE p.seminar_id = s.id AND p.organization_s ILIKE :organization ESCAPE '\\'))
              AND (CAST(:text AS text) IS NULL OR s.search_s ILIKE :text ESCAPE '\\')
              AND (CAST(:afterAt AS timestamptz) IS NULL
                   OR (CAST(:afterDate AS date) IS NOT NULL AND (s.seminar_date < :afterDate
                       OR s.seminar_date IS NULL
                       OR (s.seminar_date = :afterDate AND (s.ingested_at, s.id) < (:afterAt, :afterId))))
                   OR (CAST(:afterDate AS date) IS NULL AND s.seminar_date IS NULL
                       AND (s.ingested_at, s.id) < (:afterAt, :afterId)))
            ORDER BY s.seminar_date DESC NULLS LAST, s.ingested_at DESC, s.id DESC
            LIMIT :limit""";

    String CITY_SUFFIX = "市";

    /** A listed seminar: its sort key and its stored document. */
    @Introspected
    record ListedSeminar(String id, @Nullable LocalDate seminarDate, Instant ingestedAt, String payload) {
        SeminarKey key() {
            return new SeminarKey(seminarDate, ingestedAt, id);
        }
    }

    /**
     * Up to {@code limit} seminars of {@link #PAGE}. Text terms are folded already; {@code organization} and
     * {@code text} are ILIKE patterns; the after-key is null for the first page ({@code afterDate} is null also
     * for a key of an undated seminar).
     */
    @Query(PAGE)
    List<ListedSeminar> findPage(@Nullable String city, @Nullable String cityWithSuffix, @Nullable LocalDate from,
                                 @Nullable LocalDate to, @Nullable String participant,
                                 @Nullable String organization, @Nullable String text,
                                 @Nullable LocalDate afterDate, @Nullable Instant afterAt, @Nullable String afterId,
                                 int limit);

    /** The stored document of the seminar {@code id}. */
    @Query("SELECT CAST(payload AS text) FROM seminars WHERE id = :id")
    Optional<String> findPayload(String id);

    /** The stored documents of one article's seminars, in the order they appear in its text. */
    @Query("""
            SELECT CAST(payload AS text) FROM seminars WHERE article_id = :articleId
            ORDER BY CAST(payload #>> '{evidence,start}' AS int) NULLS LAST, id""")
    List<String> findPayloadsOfArticle(String articleId);

    /** One page of seminars matching {@code filter}, after {@code after} (null for the first page). */
    default Page<RawJson> find(SeminarFilter filter, SeminarKey after, int limit) {
        String bare = null;
        if (filter.city() != null) {
            bare = filter.city().endsWith(CITY_SUFFIX) && filter.city().length() > 1
                    ? filter.city().substring(0, filter.city().length() - 1) : filter.city();
        }
        List<ListedSeminar> found = findPage(bare, bare == null ? null : bare + CITY_SUFFIX, filter.from(),
                filter.to(), filter.participant(),
                filter.organization() == null ? null : SearchTerms.containing(filter.organization()),
                filter.text() == null ? null : SearchTerms.containing(filter.text()),
                after == null ? null : after.date(), after == null ? null : after.ingestedAt(),
                after == null ? null : after.id(), limit + 1);
        List<RawJson> items = new ArrayList<>(Math.min(found.size(), limit));
        for (int i = 0; i < found.size() && i < limit; i++) {
            items.add(new RawJson(found.get(i).payload()));
        }
        String next = found.size() > limit ? found.get(limit - 1).key().encode() : null;
        return new Page<>(items, next);
    }

    /** The stored document of the seminar {@code id}. */
    default Optional<RawJson> byId(String id) {
        return findPayload(id).map(RawJson::new);
    }

    /** The seminars of one article, in the order they appear in its text. */
    default List<RawJson> ofArticle(String articleId) {
        return findPayloadsOfArticle(articleId).stream().map(RawJson::new).toList();
    }
}
