package cn.newsevents.query.seminar;

import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.search.SearchTerms;
import cn.newsevents.query.sql.Rows;
import cn.newsevents.query.sql.Sql;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads seminars. Lists are keyset-paged in the order of {@code seminars_latest_idx} and return the stored
 * {@code payload} documents untouched.
 */
@Singleton
public class SeminarRepository {
    private static final String CITY_SUFFIX = "市";

    private final Rows rows;

    public SeminarRepository(Rows rows) {
        this.rows = rows;
    }

    /** One page of seminars matching {@code filter}, after {@code after} (null for the first page). */
    public Page<RawJson> find(SeminarFilter filter, SeminarKey after, int limit) {
        List<Row> found = rows.list(select(filter, after, limit + 1), r -> new Row(
                new SeminarKey(r.getObject(2, LocalDate.class), r.getObject(3, OffsetDateTime.class).toInstant(),
                        r.getString(1)),
                new RawJson(r.getString(4))));
        boolean more = found.size() > limit;
        List<RawJson> items = new ArrayList<>(Math.min(found.size(), limit));
        for (int i = 0; i < found.size() && i < limit; i++) {
            items.add(found.get(i).payload());
        }
        String next = more ? found.get(limit - 1).key().encode() : null;
        return new Page<>(items, next);
    }

    /** The statement of {@link #find}, reading up to {@code rowLimit} rows. */
    static Sql select(SeminarFilter filter, SeminarKey after, int rowLimit) {
        Sql sql = Sql.of("SELECT s.id, s.seminar_date, s.ingested_at, s.payload::text FROM seminars s WHERE TRUE");
        if (filter.city() != null) {
            String bare = filter.city().endsWith(CITY_SUFFIX) && filter.city().length() > 1
                    ? filter.city().substring(0, filter.city().length() - 1) : filter.city();
            sql.append(" AND s.city_s IN (?, ?)", bare, bare + CITY_SUFFIX);
        }
        if (filter.from() != null) {
            sql.append(" AND s.seminar_date >= ?", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND s.seminar_date <= ?", filter.to());
        }
        if (filter.participant() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM seminar_participants p WHERE p.seminar_id = s.id"
                    + " AND p.name_s = ?)", filter.participant());
        }
        if (filter.organization() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM seminar_participants p WHERE p.seminar_id = s.id"
                    + " AND p.organization_s ILIKE ? ESCAPE '\\')", SearchTerms.containing(filter.organization()));
        }
        if (filter.text() != null) {
            sql.append(" AND s.search_s ILIKE ? ESCAPE '\\'", SearchTerms.containing(filter.text()));
        }
        if (after != null) {
            if (after.date() != null) {
                // DESC NULLS LAST: later pages hold earlier dates, then the same date further down, then undated.
                sql.append(" AND (s.seminar_date < ? OR s.seminar_date IS NULL"
                                + " OR (s.seminar_date = ? AND (s.ingested_at, s.id) < (?, ?)))",
                        after.date(), after.date(), after.ingestedAt(), after.id());
            } else {
                sql.append(" AND s.seminar_date IS NULL AND (s.ingested_at, s.id) < (?, ?)",
                        after.ingestedAt(), after.id());
            }
        }
        return sql.append(" ORDER BY s.seminar_date DESC NULLS LAST, s.ingested_at DESC, s.id DESC LIMIT ?",
                rowLimit);
    }

    /** The stored document of the seminar {@code id}. */
    public Optional<RawJson> byId(String id) {
        return rows.first(Sql.of("SELECT payload::text FROM seminars WHERE id = ?", id),
                r -> new RawJson(r.getString(1)));
    }

    /** The seminars of one article, in the order they appear in its text. */
    public List<RawJson> ofArticle(String articleId) {
        return rows.list(Sql.of("SELECT payload::text FROM seminars WHERE article_id = ?"
                        + " ORDER BY (payload #>> '{evidence,start}')::int NULLS LAST, id", articleId),
                r -> new RawJson(r.getString(1)));
    }

    private record Row(SeminarKey key, RawJson payload) {
    }
}
