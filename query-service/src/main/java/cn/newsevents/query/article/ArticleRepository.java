package cn.newsevents.query.article;

import cn.newsevents.contract.event.Article;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.sql.Rows;
import cn.newsevents.query.sql.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads article headers, newest stored first ({@code articles_ingested_idx}). */
@Singleton
public class ArticleRepository {
    private static final String COLUMNS = "SELECT id, url, title, source, published_at, language, script, revision,"
            + " extractor_version, ingested_at, processed_at FROM articles";

    private final Rows rows;

    public ArticleRepository(Rows rows) {
        this.rows = rows;
    }

    /** One page of headers after {@code after} (null for the first page). */
    public ArticlePage find(TimeKey after, int limit) {
        Sql sql = Sql.of(COLUMNS);
        if (after != null) {
            sql.append(" WHERE (ingested_at, id) < (?, ?)", after.ingestedAt(), after.id());
        }
        sql.append(" ORDER BY ingested_at DESC, id DESC LIMIT ?", limit + 1);
        List<ArticleHeader> found = rows.list(sql, ArticleRepository::header);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            ArticleHeader last = found.get(limit - 1);
            next = new TimeKey(last.ingestedAt(), last.id()).encode(CursorKind.ARTICLE);
        }
        long total = rows.first(Sql.of("SELECT count(*) FROM articles"), r -> r.getLong(1)).orElse(0L);
        return new ArticlePage(List.copyOf(found), next, total);
    }

    /** The header of article {@code id}. */
    public Optional<ArticleHeader> byId(String id) {
        return rows.first(Sql.of(COLUMNS + " WHERE id = ?", id), ArticleRepository::header);
    }

    /** The full text of article {@code id} (headline line, source line and body), which evidence offsets index. */
    public Optional<String> text(String id) {
        return rows.first(Sql.of("SELECT text FROM articles WHERE id = ?", id), r -> r.getString(1));
    }

    private static ArticleHeader header(ResultSet r) throws SQLException {
        // timestamptz keeps the instant only; articles state their times in China Standard Time.
        OffsetDateTime publishedAt = r.getObject(5, OffsetDateTime.class)
                .atZoneSameInstant(Article.DEFAULT_ZONE).toOffsetDateTime();
        return new ArticleHeader(r.getString(1), r.getString(2), r.getString(3), r.getString(4), publishedAt,
                r.getString(6), r.getString(7), r.getInt(8), r.getString(9),
                r.getObject(10, OffsetDateTime.class).toInstant(), r.getObject(11, OffsetDateTime.class).toInstant());
    }
}
