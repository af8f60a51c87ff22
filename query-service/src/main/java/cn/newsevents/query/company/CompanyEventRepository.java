package cn.newsevents.query.company;

import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.search.SearchTerms;
import cn.newsevents.query.sql.Rows;
import cn.newsevents.query.sql.Sql;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.util.List;

/** Reads company events, newest stored first, as their stored {@code payload} documents. */
@Singleton
public class CompanyEventRepository {
    private final Rows rows;

    public CompanyEventRepository(Rows rows) {
        this.rows = rows;
    }

    /** One page of company events matching {@code filter}, after {@code after} (null for the first page). */
    public Page<RawJson> find(CompanyEventFilter filter, TimeKey after, int limit) {
        Sql sql = Sql.of("SELECT id, ingested_at, payload::text FROM company_events WHERE TRUE");
        if (filter.company() != null) {
            sql.append(" AND company_s ILIKE ? ESCAPE '\\'", SearchTerms.containing(filter.company()));
        }
        if (filter.metric() != null) {
            sql.append(" AND metric = ?", filter.metric().code());
        }
        if (filter.period() != null) {
            sql.append(" AND period = ?", filter.period());
        }
        if (after != null) {
            sql.append(" AND (ingested_at, id) < (?, ?)", after.ingestedAt(), after.id());
        }
        sql.append(" ORDER BY ingested_at DESC, id DESC LIMIT ?", limit + 1);
        List<Row> found = rows.list(sql, r -> new Row(
                new TimeKey(r.getObject(2, OffsetDateTime.class).toInstant(), r.getString(1)),
                new RawJson(r.getString(3))));
        String next = found.size() > limit ? found.get(limit - 1).key().encode(CursorKind.COMPANY_EVENT) : null;
        List<RawJson> items = found.stream().limit(limit).map(Row::payload).toList();
        return new Page<>(items, next);
    }

    /** The company events of one article, in the order they appear in its text. */
    public List<RawJson> ofArticle(String articleId) {
        return rows.list(Sql.of("SELECT payload::text FROM company_events WHERE article_id = ?"
                        + " ORDER BY (payload #>> '{evidence,start}')::int NULLS LAST, id", articleId),
                r -> new RawJson(r.getString(1)));
    }

    private record Row(TimeKey key, RawJson payload) {
    }
}
