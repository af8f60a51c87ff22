package cn.newsevents.ingest.store;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.ArticleEventsReplaced;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.contract.text.SimplifiedFolding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One JDBC batch of event rows on one connection: seminars with their participants, company events, and the outbox
 * row of each, written by {@link #execute()} parents first. The stored {@code payload} and the outbox row carry the
 * same JSON; the {@code *_s} columns hold the text folded to simplified characters ({@link SimplifiedFolding}).
 * Not thread-safe; close it after use.
 */
public final class EventRows implements AutoCloseable {
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

    private final List<PreparedStatement> open = new ArrayList<>();
    private final PreparedStatement seminars;
    private final PreparedStatement participants;
    private final PreparedStatement companies;
    private final PreparedStatement outbox;

    private EventRows(Connection c) throws SQLException {
        try {
            seminars = prepare(c, INSERT_SEMINAR);
            participants = prepare(c, INSERT_PARTICIPANT);
            companies = prepare(c, INSERT_COMPANY_EVENT);
            outbox = prepare(c, INSERT_OUTBOX);
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Prepares the statements of a new batch on {@code c}. */
    public static EventRows prepare(Connection c) throws SQLException {
        return new EventRows(c);
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        open.add(ps);
        return ps;
    }

    /**
     * Adds seminar {@code s} of article {@code articleId}, stored at {@code ingestedAt} in event set
     * {@code generation}, with its participants (blank names left out) and its outbox row created at {@code now}.
     */
    public void seminar(String articleId, SeminarEvent s, Instant ingestedAt, int generation, Instant now)
            throws SQLException {
        String payload = Json.string(s);
        int i = 1;
        seminars.setString(i++, s.id());
        seminars.setString(i++, articleId);
        seminars.setObject(i++, s.date(), Types.DATE);
        seminars.setString(i++, s.city());
        seminars.setString(i++, simplified(s.city()));
        seminars.setObject(i++, s.sequence(), Types.INTEGER);
        seminars.setString(i++, s.host() == null ? null : s.host().name());
        seminars.setString(i++, s.focus());
        seminars.setString(i++, searchText(s));
        seminars.setString(i++, payload);
        seminars.setDouble(i++, s.confidence());
        seminars.setString(i++, Objects.requireNonNullElse(s.extractorVersion(), ExtractorVersion.CURRENT));
        seminars.setObject(i, utc(ingestedAt));
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
            participants.setString(j++, SimplifiedFolding.fold(p.name()));
            participants.setString(j, simplified(p.organization()));
            participants.addBatch();
        }
        addOutbox(s.id(), Topics.EVENTS_SEMINAR, articleId, Topics.SEMINAR_EVENT_TYPE, payload, now, generation);
    }

    /**
     * Adds company event {@code e} of article {@code articleId}, stored at {@code ingestedAt} in event set
     * {@code generation}, with its outbox row created at {@code now}.
     */
    public void companyEvent(String articleId, CompanyEvent e, Instant ingestedAt, int generation, Instant now)
            throws SQLException {
        String payload = Json.string(e);
        int i = 1;
        companies.setString(i++, e.id());
        companies.setString(i++, articleId);
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
        companies.setString(i++, Objects.requireNonNullElse(e.extractorVersion(), ExtractorVersion.CURRENT));
        companies.setObject(i, utc(ingestedAt));
        companies.addBatch();
        addOutbox(e.id(), Topics.EVENTS_COMPANY, articleId, Topics.COMPANY_EVENT_TYPE, payload, now, generation);
    }

    /**
     * Adds the outbox row that opens generation {@code generation} of article {@code articleId} on {@code topic}
     * ({@code events} events follow it there), created at {@code now}.
     */
    public void replaced(String topic, String articleId, int generation, int events, Instant now)
            throws SQLException {
        // Unique per topic too: a subscriber of both topics sees two different records.
        String id = "replaced:" + topic + ":" + articleId + ":" + generation;
        addOutbox(id, topic, articleId, Topics.ARTICLE_EVENTS_REPLACED_TYPE,
                Json.string(new ArticleEventsReplaced(articleId, generation, events)), now, generation);
    }

    /** Sends the rows added so far. */
    public void execute() throws SQLException {
        // Parents before children: participants reference seminars.
        seminars.executeBatch();
        participants.executeBatch();
        companies.executeBatch();
        outbox.executeBatch();
    }

    private void addOutbox(String eventId, String topic, String key, String type, String payload, Instant now,
                           int generation) throws SQLException {
        int i = 1;
        outbox.setString(i++, eventId);
        outbox.setString(i++, topic);
        outbox.setString(i++, key);
        outbox.setString(i++, type);
        outbox.setObject(i++, utc(now));
        outbox.setString(i++, payload);
        outbox.setObject(i++, utc(now));
        outbox.setInt(i, generation);
        outbox.addBatch();
    }

    /**
     * The free-text search column of a seminar: city, name, series, focus, host and every participant's name,
     * organization and title, folded to simplified characters.
     */
    public static String searchText(SeminarEvent s) {
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
        return SimplifiedFolding.fold(joined);
    }

    static String simplified(String s) {
        return s == null ? null : SimplifiedFolding.fold(s);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : open) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
