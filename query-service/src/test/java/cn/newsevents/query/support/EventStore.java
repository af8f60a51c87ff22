package cn.newsevents.query.support;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ArticleInfo;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.ingest.store.AnalyzedArticle;
import cn.newsevents.ingest.store.ArticleWriter;
import cn.newsevents.ingest.store.EventRows;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stores articles and events through the ingest service's own write path ({@link ArticleWriter},
 * {@link EventRows}), each call in one transaction: the rows, payloads and folded {@code *_s} columns are those
 * the processor writes.
 */
public final class EventStore implements AutoCloseable {
    public static final ObjectMapper JSON = Json.mapper();
    /** How long after receiving an article the processor is taken to have stored it. */
    private static final Duration PROCESSING = Duration.ofMillis(250);

    private final Connection connection;

    public EventStore(String url, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(url, user, password);
    }

    /**
     * Stores {@code a} with the events of {@code result}, as the processor stores an article received at
     * {@code receivedAt}: every event stored at that time, the article processed {@link #PROCESSING} later.
     */
    public void analyzed(Article a, ExtractionResult result, Instant receivedAt) throws SQLException {
        RawArticle raw = new RawArticle(a.id(), a.url(), a.title(), a.source(), a.publishedAt(), a.language(),
                a.text(), a.bodyOffset(), receivedAt);
        inTransaction(() -> ArticleWriter.write(connection, List.of(new AnalyzedArticle(raw, result)),
                receivedAt.plus(PROCESSING)));
    }

    /** Stores {@code a}, written in {@code script}, without events (add them with {@link #seminar} and co). */
    public void article(Article a, String script, Instant receivedAt) throws SQLException {
        ArticleInfo info = new ArticleInfo(a.id(), a.url(), a.title(), a.source(), a.publishedAt(), script,
                a.text().length());
        analyzed(a, new ExtractionResult(info, List.of(), List.of()), receivedAt);
    }

    /** Stores seminar {@code e} of a stored article with store time {@code ingestedAt}. */
    public void seminar(SeminarEvent e, Instant ingestedAt) throws SQLException {
        inTransaction(() -> {
            try (EventRows rows = EventRows.prepare(connection)) {
                rows.seminar(e.articleId(), e, ingestedAt, 1, ingestedAt);
                rows.execute();
            }
        });
    }

    /** Stores company event {@code e} of a stored article with store time {@code ingestedAt}. */
    public void companyEvent(CompanyEvent e, Instant ingestedAt) throws SQLException {
        inTransaction(() -> {
            try (EventRows rows = EventRows.prepare(connection)) {
                rows.companyEvent(e.articleId(), e, ingestedAt, 1, ingestedAt);
                rows.execute();
            }
        });
    }

    public Connection connection() {
        return connection;
    }

    /** The JSON a stored payload holds for {@code event}. */
    public static String json(Object event) {
        return Json.string(event);
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
