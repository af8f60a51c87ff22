package cn.newsevents.query.support;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.text.SimplifiedFolding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.stream.Stream;

/**
 * Writes articles and events into the V1 schema with plain JDBC, the way the processor stores them: payload is
 * the event's JSON as published, {@code *_s} columns are folded to simplified characters.
 */
public final class EventStore implements AutoCloseable {
    public static final ObjectMapper JSON = Json.mapper();

    private final Connection connection;

    public EventStore(String url, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(url, user, password);
    }

    public void article(Article a, String script, Instant ingestedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO articles (id, url, content_hash, title,"
                + " title_s, source, published_at, language, script, text, body_offset, revision, extractor_version,"
                + " ingested_at, processed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.url());
            ps.setString(3, Ids.sha256(a.text()));
            ps.setString(4, a.title());
            ps.setString(5, SimplifiedFolding.fold(a.title()));
            ps.setString(6, a.source());
            ps.setObject(7, a.publishedAt());
            ps.setString(8, a.language());
            ps.setString(9, script);
            ps.setString(10, a.text());
            ps.setInt(11, a.bodyOffset());
            ps.setString(12, "0.1.0");
            ps.setObject(13, utc(ingestedAt));
            ps.setObject(14, utc(ingestedAt.plusMillis(250)));
            ps.executeUpdate();
        }
    }

    public void seminar(SeminarEvent e, Instant ingestedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO seminars (id, article_id, seminar_date,"
                + " city, city_s, sequence, host_name, focus, search_s, payload, confidence, extractor_version,"
                + " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.articleId());
            ps.setObject(3, e.date(), Types.DATE);
            ps.setString(4, e.city());
            ps.setString(5, fold(e.city()));
            ps.setObject(6, e.sequence(), Types.INTEGER);
            ps.setString(7, e.host() == null ? null : e.host().name());
            ps.setString(8, e.focus());
            ps.setString(9, fold(searchText(e)));
            ps.setString(10, json(e));
            ps.setDouble(11, e.confidence());
            ps.setString(12, e.extractorVersion());
            ps.setObject(13, utc(ingestedAt));
            ps.executeUpdate();
        }
        List<Participant> participants = e.participants() == null ? List.of() : e.participants();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO seminar_participants (seminar_id,"
                + " ordinal, name, title, organization, name_s, organization_s) VALUES (?,?,?,?,?,?,?)")) {
            for (int i = 0; i < participants.size(); i++) {
                Participant p = participants.get(i);
                ps.setString(1, e.id());
                ps.setInt(2, i);
                ps.setString(3, p.name());
                ps.setString(4, p.title());
                ps.setString(5, p.organization());
                ps.setString(6, fold(p.name()));
                ps.setString(7, fold(p.organization()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void companyEvent(CompanyEvent e, Instant ingestedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO company_events (id, article_id, kind,"
                + " company, company_s, metric, period, value, unit, qualifier, seminar_id, payload, confidence,"
                + " extractor_version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.articleId());
            ps.setString(3, e.kind().code());
            ps.setString(4, e.company());
            ps.setString(5, fold(e.company()));
            ps.setString(6, e.metric() == null ? null : e.metric().code());
            ps.setString(7, e.period() == null ? null : e.period().text());
            ps.setBigDecimal(8, e.value());
            ps.setString(9, e.unit() == null ? null : e.unit().code());
            ps.setString(10, e.qualifier() == null ? null : e.qualifier().code());
            ps.setString(11, e.seminarId());
            ps.setString(12, json(e));
            ps.setDouble(13, e.confidence());
            ps.setString(14, e.extractorVersion());
            ps.setObject(15, utc(ingestedAt));
            ps.executeUpdate();
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The JSON a stored payload holds for {@code event}. */
    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String searchText(SeminarEvent e) {
        Stream<String> own = Stream.of(e.city(), e.name(), e.series(), e.focus());
        Stream<String> host = e.host() == null ? Stream.empty() : person(e.host());
        Stream<String> people = e.participants() == null ? Stream.empty() : e.participants().stream()
                .flatMap(p -> Stream.of(p.name(), p.title(), p.organization()));
        return Stream.of(own, host, people).flatMap(s -> s).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
    }

    private static Stream<String> person(Person p) {
        List<String> all = new ArrayList<>();
        all.add(p.name());
        all.add(p.title());
        all.add(p.organization());
        return all.stream();
    }

    private static String fold(String s) {
        return s == null ? null : SimplifiedFolding.fold(s);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
