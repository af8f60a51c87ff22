package cn.newsevents.bench.load;

import cn.newsevents.bench.corpus.ArticleGenerator;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the event tables with many invented seminars quickly, by {@code COPY} into the tables of the Flyway schema
 * ({@code V1__events_schema.sql}): one article row per four seminars, three participants per seminar. The rows
 * look like processor output (payload is the serialised {@link SeminarEvent}), so the query service serves them
 * as it serves extracted ones. Used to measure the latest-seminars query on a large table.
 */
public final class SeminarLoader {
    private static final int SEMINARS_PER_ARTICLE = 4;
    private static final int PARTICIPANTS = 3;
    private static final int BATCH_ARTICLES = 2_500;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final ObjectMapper json = Json.mapper();

    public SeminarLoader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The number of rows in {@code seminars}. */
    public long seminarCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM seminars")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts at least {@code seminars} seminars (rounded up to whole articles); {@code runId} keeps urls unique. */
    public void load(int seminars, String runId) throws SQLException, IOException {
        ArticleGenerator words = new ArticleGenerator(runId.hashCode(), "");
        int articles = (seminars + SEMINARS_PER_ARTICLE - 1) / SEMINARS_PER_ARTICLE;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < articles; from += BATCH_ARTICLES) {
                StringBuilder articleRows = new StringBuilder();
                StringBuilder seminarRows = new StringBuilder();
                StringBuilder participantRows = new StringBuilder();
                for (int a = from; a < Math.min(articles, from + BATCH_ARTICLES); a++) {
                    appendArticle(words, runId, a, now, articleRows, seminarRows, participantRows);
                }
                copy.copyIn("COPY articles (id, url, content_hash, title, title_s, source, published_at, language, "
                        + "script, text, body_offset, revision, extractor_version, ingested_at, processed_at) "
                        + "FROM STDIN (FORMAT csv)", new StringReader(articleRows.toString()));
                copy.copyIn("COPY seminars (id, article_id, seminar_date, city, city_s, sequence, host_name, focus, "
                        + "search_s, payload, confidence, extractor_version, ingested_at) FROM STDIN (FORMAT csv)",
                        new StringReader(seminarRows.toString()));
                copy.copyIn("COPY seminar_participants (seminar_id, ordinal, name, title, organization, name_s, "
                        + "organization_s) FROM STDIN (FORMAT csv)", new StringReader(participantRows.toString()));
                c.commit();
            }
            // Vacuumed and analysed now, as after any bulk load, so that autovacuum does not take the tables on
            // while a later phase is measured (VACUUM runs outside a transaction).
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) articles, seminars, seminar_participants");
            }
        }
    }

    private void appendArticle(ArticleGenerator words, String runId, int n, OffsetDateTime now, StringBuilder articles,
                               StringBuilder seminars, StringBuilder participants) throws JsonProcessingException {
        String url = "https://bench.example/bulk/" + runId + "/" + n;
        String city = words.city();
        String title = city + "召开系列座谈会";
        OffsetDateTime published = now.minusMinutes(n);
        String body = city + "召开系列座谈会,听取企业意见建议。";
        String text = title + "\n" + "城市观察 " + published.toLocalDate() + "\n" + body;
        String articleId = Ids.articleId(url, title, published.toString(), body);
        row(articles, articleId, url, Ids.sha256(text), title, title, "城市观察", published, "zh", "simplified",
                text, text.length() - body.length(), 1, ExtractorVersion.CURRENT, now, now);
        Person host = new Person(words.personName(), "市委书记", null);
        for (int s = 0; s < SEMINARS_PER_ARTICLE; s++) {
            LocalDate date = published.toLocalDate().minusDays(1 + 7L * s);
            String focus = words.focus();
            List<Participant> people = new ArrayList<>();
            for (int p = 0; p < PARTICIPANTS; p++) {
                people.add(new Participant(words.personName(), words.title(), words.companyName(city), null));
            }
            String id = Ids.eventId(articleId, "seminar", date, s + 1);
            SeminarEvent event = new SeminarEvent(id, articleId, date, "afternoon", city, "座谈会", "系列座谈会", s + 1,
                    host, focus, people, new Evidence(0, title.length(), title), 0.9, ExtractorVersion.CURRENT);
            String search = city + " " + host.name() + " " + focus + " " + String.join(" ",
                    people.stream().map(p -> p.name() + " " + p.organization()).toList());
            row(seminars, id, articleId, date, city, city, s + 1, host.name(), focus, search,
                    json.writeValueAsString(event), 0.9, ExtractorVersion.CURRENT, now);
            for (int p = 0; p < people.size(); p++) {
                Participant person = people.get(p);
                row(participants, id, p + 1, person.name(), person.title(), person.organization(), person.name(),
                        person.organization());
            }
        }
    }

    /** Appends one CSV line; null becomes an unquoted empty field, which COPY reads as NULL. */
    private static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            if (v != null) {
                sb.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        sb.append('\n');
    }
}
