package cn.newsevents.ingest.store;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.ArticleEventsReplaced;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.extraction.text.SimplifiedText;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes articles, their events and the matching outbox rows, one batch per transaction, with JDBC batches
 * (the driver rewrites them into multi-row inserts with {@code reWriteBatchedInserts=true}).
 *
 * <p>Per article: unknown id - insert; known id with the same content hash - nothing; known id with another
 * hash received no earlier than the stored one - a revision: the old events are deleted and the new ones inserted in
 * the same transaction, and {@code revision} and {@code generation} are incremented; known id with another hash
 * received before the stored one - nothing (a stale revision, replayed from the dead-letter topic or read again
 * after a rebalance, never replaces a newer one). Every event written gets one outbox row carrying the exact JSON
 * stored in {@code payload}; a generation after the first is opened on each event topic by an
 * {@link ArticleEventsReplaced} row.
 */
@Singleton
public class ArticleStore {
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
    private static final String INSERT_SEMINAR = """
            INSERT INTO seminars (id, article_id, seminar_date, city, city_s, sequence, host_name, focus, search_s,
                                  payload, confidence, extractor_version, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?, ?)""";
    private static final String INSERT_PARTICIPANT = """
            INSERT INTO seminar_participants (seminar_id, ordinal, name, title, organization, name_s, organization_s)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_COMPANY_EVENT = """
            INSERT INTO company_events (id, article_id, kind, company, company_s, metric, period, value, unit,
                                        qualifier, seminar_id, payload, confidence, extractor_version, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?, ?)""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (event_id, topic, msg_key, ce_type, ce_time, payload, created_at, generation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final TransactionOperations<Connection> tx;

    public ArticleStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Writes {@code batch} in one transaction; {@code now} is the processing time. */
    public BatchResult write(List<AnalyzedArticle> batch, Instant now) {
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        return Transactions.write(tx, status -> write(status.getConnection(), batch, now));
    }

    /** Answers whether the database takes queries (used before resuming after an outage). */
    public boolean reachable() {
        try {
            return Transactions.read(tx, status -> {
                try (Statement s = status.getConnection().createStatement()) {
                    return s.execute("SELECT 1");
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private BatchResult write(Connection c, List<AnalyzedArticle> batch, Instant now) throws SQLException {
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

    private static Map<String, Stored> lockStored(Connection c, java.util.Collection<String> ids)
            throws SQLException {
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

    static void deleteEvents(Connection c, List<String> articleIds) throws SQLException {
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
        ps.setString(i++, SimplifiedText.of(r.title()));
        ps.setString(i++, r.source());
        ps.setObject(i++, r.publishedAt());
        ps.setInt(i++, r.publishedAt().getOffset().getTotalSeconds());
        ps.setString(i++, r.language());
        ps.setString(i++, a.result().article().script());
        ps.setString(i++, r.text());
        ps.setInt(i++, r.bodyOffset());
        ps.setString(i++, extractorVersion(a));
        ps.setObject(i++, utc(r.receivedAt()));
        ps.setObject(i++, utc(now));
        return i;
    }

    /**
     * Inserts the events of {@code articles} with their outbox rows, each article's as event set
     * {@code generations.get(id)}; a generation after the first is opened on each event topic by an
     * {@link ArticleEventsReplaced} row, so subscribers drop what the article no longer has.
     */
    static int insertEvents(Connection c, List<AnalyzedArticle> articles, Map<String, Integer> generations,
                            Instant now) throws SQLException {
        int events = 0;
        try (PreparedStatement seminars = c.prepareStatement(INSERT_SEMINAR);
             PreparedStatement participants = c.prepareStatement(INSERT_PARTICIPANT);
             PreparedStatement companies = c.prepareStatement(INSERT_COMPANY_EVENT);
             PreparedStatement outbox = c.prepareStatement(INSERT_OUTBOX)) {
            for (AnalyzedArticle a : articles) {
                RawArticle r = a.article();
                OffsetDateTime ingested = utc(r.receivedAt());
                int generation = generations.getOrDefault(r.id(), 1);
                List<SeminarEvent> seminarSet = distinct(a.result().seminars(), SeminarEvent::id);
                List<CompanyEvent> companySet = distinct(a.result().companyEvents(), CompanyEvent::id);
                if (generation > 1) {
                    addReplaced(outbox, Topics.EVENTS_SEMINAR, r.id(), generation, seminarSet.size(), now);
                    addReplaced(outbox, Topics.EVENTS_COMPANY, r.id(), generation, companySet.size(), now);
                }
                for (SeminarEvent s : seminarSet) {
                    String payload = Json.string(s);
                    int i = 1;
                    seminars.setString(i++, s.id());
                    seminars.setString(i++, r.id());
                    seminars.setObject(i++, s.date(), Types.DATE);
                    seminars.setString(i++, s.city());
                    seminars.setString(i++, simplified(s.city()));
                    seminars.setObject(i++, s.sequence(), Types.INTEGER);
                    seminars.setString(i++, s.host() == null ? null : s.host().name());
                    seminars.setString(i++, s.focus());
                    seminars.setString(i++, searchText(s));
                    seminars.setString(i++, payload);
                    seminars.setDouble(i++, s.confidence());
                    seminars.setString(i++, Objects.requireNonNullElse(s.extractorVersion(), extractorVersion(a)));
                    seminars.setObject(i, ingested);
                    seminars.addBatch();
                    int ordinal = 0;
                    for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                        if (p == null || p.name() == null || p.name().isBlank()) {
                            continue;
                        }
                        int j = 1;
                        participants.setString(j++, s.id());
                        participants.setInt(j++, ++ordinal);
                        participants.setString(j++, p.name());
                        participants.setString(j++, p.title());
                        participants.setString(j++, p.organization());
                        participants.setString(j++, SimplifiedText.of(p.name()));
                        participants.setString(j, simplified(p.organization()));
                        participants.addBatch();
                    }
                    addOutbox(outbox, s.id(), Topics.EVENTS_SEMINAR, r.id(), Topics.SEMINAR_EVENT_TYPE, payload, now,
                            generation);
                    events++;
                }
                for (CompanyEvent e : companySet) {
                    String payload = Json.string(e);
                    int i = 1;
                    companies.setString(i++, e.id());
                    companies.setString(i++, r.id());
                    companies.setString(i++, e.kind() == null ? "metric" : e.kind().code());
                    companies.setString(i++, e.company());
                    companies.setString(i++, simplified(e.company()));
                    companies.setString(i++, e.metric() == null ? null : e.metric().code());
                    companies.setString(i++, e.period() == null ? null : e.period().text());
                    companies.setBigDecimal(i++, e.value());
                    companies.setString(i++, e.unit() == null ? null : e.unit().code());
                    companies.setString(i++, e.qualifier() == null ? null : e.qualifier().code());
                    companies.setString(i++, e.seminarId());
                    companies.setString(i++, payload);
                    companies.setDouble(i++, e.confidence());
                    companies.setString(i++, Objects.requireNonNullElse(e.extractorVersion(), extractorVersion(a)));
                    companies.setObject(i, ingested);
                    companies.addBatch();
                    addOutbox(outbox, e.id(), Topics.EVENTS_COMPANY, r.id(), Topics.COMPANY_EVENT_TYPE, payload, now,
                            generation);
                    events++;
                }
            }
            // Parents before children: participants reference seminars.
            seminars.executeBatch();
            participants.executeBatch();
            companies.executeBatch();
            outbox.executeBatch();
        }
        return events;
    }

    private static void addOutbox(PreparedStatement ps, String eventId, String topic, String key, String type,
                                  String payload, Instant now, int generation) throws SQLException {
        int i = 1;
        ps.setString(i++, eventId);
        ps.setString(i++, topic);
        ps.setString(i++, key);
        ps.setString(i++, type);
        ps.setObject(i++, utc(now));
        ps.setString(i++, payload);
        ps.setObject(i++, utc(now));
        ps.setInt(i, generation);
        ps.addBatch();
    }

    /** The row that opens generation {@code generation} of article {@code articleId} on {@code topic}. */
    private static void addReplaced(PreparedStatement ps, String topic, String articleId, int generation, int events,
                                    Instant now) throws SQLException {
        // Unique per topic too: a subscriber of both topics sees two different records.
        String id = "replaced:" + topic + ":" + articleId + ":" + generation;
        addOutbox(ps, id, topic, articleId, Topics.ARTICLE_EVENTS_REPLACED_TYPE,
                Json.string(new ArticleEventsReplaced(articleId, generation, events)), now, generation);
    }

    /**
     * The free-text search column of a seminar: city, name, series, focus, host and every participant's name,
     * organization and title, folded to simplified characters.
     */
    static String searchText(SeminarEvent s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.city());
        parts.add(s.name());
        parts.add(s.series());
        parts.add(s.focus());
        Person host = s.host();
        if (host != null) {
            parts.add(host.name());
            parts.add(host.title());
            parts.add(host.organization());
        }
        if (s.participants() != null) {
            for (Participant p : s.participants()) {
                if (p != null) {
                    parts.add(p.name());
                    parts.add(p.organization());
                    parts.add(p.title());
                }
            }
        }
        String joined = parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
        return SimplifiedText.of(joined);
    }

    private static <T> List<T> distinct(List<T> events, java.util.function.Function<T, String> id) {
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

    private static String extractorVersion(AnalyzedArticle a) {
        return cn.newsevents.contract.event.ExtractorVersion.CURRENT;
    }

    private static String simplified(String s) {
        return s == null ? null : SimplifiedText.of(s);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
