package cn.newsevents.ingest.store;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.ArticleEventsReplaced;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.contract.text.SimplifiedFolding;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes articles, their events and the matching outbox rows on a connection the caller holds in a transaction,
 * with JDBC batches (the driver rewrites them into multi-row inserts with {@code reWriteBatchedInserts=true}).
 *
 * <p>Per article: unknown id - insert; known id with the same content hash - nothing; known id with another
 * hash received no earlier than the stored one - a revision: the old events are deleted and the new ones inserted,
 * and {@code revision} and {@code generation} are incremented; known id with another hash received before the
 * stored one - nothing (a stale revision, replayed from the dead-letter topic or read again after a rebalance, never
 * replaces a newer one). The stored rows are locked ({@code FOR UPDATE}) before they are compared. Every event
 * written gets one outbox row carrying the exact JSON stored in {@code payload}; a generation after the first is
 * opened on each event topic by an {@link ArticleEventsReplaced} row. Plain JDBC: no framework, no HanLP.
 * Hand-written rather than a Micronaut Data repository because the writes are batched multi-row inserts (the
 * processor's throughput benchmark) and the revision check reads the stored rows {@code FOR UPDATE} first.
 */
public final class ArticleWriter {
    private static final String INSERT_ARTICLE = """
            INSERT INTO articles (id, url, content_hash, title, title_s, source, published_at, published_offset,
                                  language, script, text, body_offset, revision, extractor_version, ingested_at,
                                  processed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""";
    private static final String UPDATE_ARTICLE = """
            UPDATE articles SET url = ?, content_hash = ?, title = ?, title_s = ?, source = ?, published_at = ?,
                   published_offset = ?, language = ?, script = ?, text = ?, body_offset = ?, revision = revision + 1,
                   generation = generation + 1,
                   extractor_version = ?, ingested_at = ?, processed_at = ?
             WHERE id = ?""";

    private ArticleWriter() {
    }

    /** Writes {@code batch} on {@code c} (the caller commits); {@code now} is the processing time. */
    public static BatchResult write(Connection c, List<AnalyzedArticle> batch, Instant now) throws SQLException {
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        // The latest received version of an article in the batch wins (the later one on a tie: a partition
        // delivers an article's versions in order).
        Map<String, AnalyzedArticle> latest = new LinkedHashMap<>();
        for (AnalyzedArticle a : batch) {
            AnalyzedArticle seen = latest.get(a.article().id());
            if (seen == null || !a.article().receivedAt().isBefore(seen.article().receivedAt())) {
                latest.remove(a.article().id());
                latest.put(a.article().id(), a);
            }
        }
        Map<String, Stored> stored = lockStored(c, latest.keySet());
        List<AnalyzedArticle> fresh = new ArrayList<>();
        List<AnalyzedArticle> revised = new ArrayList<>();
        Map<AnalyzedArticle, String> hashes = new HashMap<>();
        Map<String, Integer> generations = new HashMap<>();
        for (AnalyzedArticle a : latest.values()) {
            String hash = a.contentHash();
            hashes.put(a, hash);
            Stored s = stored.get(a.article().id());
            if (s == null) {
                fresh.add(a);
                generations.put(a.article().id(), 1);
            } else if (!s.hash().equals(hash) && !a.article().receivedAt().isBefore(s.receivedAt())) {
                revised.add(a);
                generations.put(a.article().id(), s.generation() + 1);
            }
        }
        int unchanged = latest.size() - fresh.size() - revised.size();
        if (fresh.isEmpty() && revised.isEmpty()) {
            return new BatchResult(0, 0, unchanged, 0);
        }
        if (!revised.isEmpty()) {
            deleteEvents(c, revised.stream().map(a -> a.article().id()).toList());
            updateArticles(c, revised, hashes, now);
        }
        insertArticles(c, fresh, hashes, now);
        List<AnalyzedArticle> changed = Stream.concat(fresh.stream(), revised.stream()).toList();
        int events = insertEvents(c, changed, generations, now);
        return new BatchResult(fresh.size(), revised.size(), unchanged, events);
    }

    /** What decides whether a version replaces the stored one. */
    private record Stored(String hash, Instant receivedAt, int generation) {
    }

    private static Map<String, Stored> lockStored(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, content_hash, ingested_at, generation FROM articles WHERE id = ANY (?)
                 ORDER BY id FOR UPDATE""")) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)));
                }
            }
        }
        return stored;
    }

    /** Deletes the seminars (their participants with them) and company events of {@code articleIds}. */
    public static void deleteEvents(Connection c, List<String> articleIds) throws SQLException {
        Array array = c.createArrayOf("text", articleIds.toArray());
        for (String sql : List.of("DELETE FROM seminars WHERE article_id = ANY (?)",
                "DELETE FROM company_events WHERE article_id = ANY (?)")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, array);
                ps.executeUpdate();
            }
        }
    }

    private static void insertArticles(Connection c, List<AnalyzedArticle> fresh, Map<AnalyzedArticle, String> hashes,
                                       Instant now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ARTICLE)) {
            for (AnalyzedArticle a : fresh) {
                ps.setString(1, a.article().id());
                bindContent(ps, 2, a, hashes.get(a), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void updateArticles(Connection c, List<AnalyzedArticle> revised,
                                       Map<AnalyzedArticle, String> hashes, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_ARTICLE)) {
            for (AnalyzedArticle a : revised) {
                int next = bindContent(ps, 1, a, hashes.get(a), now);
                ps.setString(next, a.article().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Binds the article columns that an insert and a revision share, in the order of both statements (url to
     * processed_at), from parameter {@code first}; returns the index of the next parameter.
     */
    private static int bindContent(PreparedStatement ps, int first, AnalyzedArticle a, String hash, Instant now)
            throws SQLException {
        RawArticle r = a.article();
        int i = first;
        ps.setString(i++, r.url());
        ps.setString(i++, hash);
        ps.setString(i++, r.title());
        ps.setString(i++, SimplifiedFolding.fold(r.title()));
        ps.setString(i++, r.source());
        ps.setObject(i++, r.publishedAt());
        ps.setInt(i++, r.publishedAt().getOffset().getTotalSeconds());
        ps.setString(i++, r.language());
        ps.setString(i++, a.result().article().script());
        ps.setString(i++, r.text());
        ps.setInt(i++, r.bodyOffset());
        ps.setString(i++, ExtractorVersion.CURRENT);
        ps.setObject(i++, EventRows.utc(r.receivedAt()));
        ps.setObject(i++, EventRows.utc(now));
        return i;
    }

    /**
     * Inserts the events of {@code articles} with their outbox rows, each article's as event set
     * {@code generations.get(id)} stored at the article's receipt time; a generation after the first is opened on
     * each event topic by an {@link ArticleEventsReplaced} row, so subscribers drop what the article no longer has.
     * Returns the number of events written (an event id repeated within an article counts once).
     */
    public static int insertEvents(Connection c, List<AnalyzedArticle> articles, Map<String, Integer> generations,
                                   Instant now) throws SQLException {
        int events = 0;
        try (EventRows rows = EventRows.prepare(c)) {
            for (AnalyzedArticle a : articles) {
                RawArticle r = a.article();
                int generation = generations.getOrDefault(r.id(), 1);
                List<SeminarEvent> seminarSet = distinct(a.result().seminars(), SeminarEvent::id);
                List<CompanyEvent> companySet = distinct(a.result().companyEvents(), CompanyEvent::id);
                if (generation > 1) {
                    rows.replaced(Topics.EVENTS_SEMINAR, r.id(), generation, seminarSet.size(), now);
                    rows.replaced(Topics.EVENTS_COMPANY, r.id(), generation, companySet.size(), now);
                }
                for (SeminarEvent s : seminarSet) {
                    rows.seminar(r.id(), s, r.receivedAt(), generation, now);
                    events++;
                }
                for (CompanyEvent e : companySet) {
                    rows.companyEvent(r.id(), e, r.receivedAt(), generation, now);
                    events++;
                }
            }
            rows.execute();
        }
        return events;
    }

    private static <T> List<T> distinct(List<T> events, Function<T, String> id) {
        if (events == null) {
            return List.of();
        }
        Map<String, T> byId = new LinkedHashMap<>();
        for (T e : events) {
            if (e != null) {
                byId.putIfAbsent(id.apply(e), e);
            }
        }
        return List.copyOf(byId.values());
    }
}
