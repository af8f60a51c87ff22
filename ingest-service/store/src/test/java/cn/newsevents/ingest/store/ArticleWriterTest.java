package cn.newsevents.ingest.store;

import cn.newsevents.contract.event.ArticleInfo;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The write path on a real PostgreSQL with the migrated schema, without any framework around it. */
class ArticleWriterTest {
    private static final Instant RECEIVED = Instant.parse("2024-05-01T01:00:00Z");
    private static final String URL = "https://news.example/store/1";
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2024-05-01T08:30:00+08:00");
    private static final String ID = Ids.articleId(URL, "東城舉行座談會", PUBLISHED.toString(), "正文。");

    private Connection c;

    @BeforeEach
    void database() throws SQLException {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        Flyway.configure().dataSource(url, pg.user(), pg.password()).locations("classpath:db/migration").load()
                .migrate();
        c = DriverManager.getConnection(url, pg.user(), pg.password());
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void storesAnArticleWithItsSeminarFoldedAndItsOutboxRow() throws SQLException {
        SeminarEvent seminar = seminar();
        BatchResult result = ArticleWriter.write(c, List.of(analyzed("正文。", RECEIVED, List.of(seminar), List.of())),
                RECEIVED.plusSeconds(1));

        assertEquals(new BatchResult(1, 0, 0, 1), result);
        assertEquals(List.of("东城举行座谈会|1|1"),
                rows("SELECT title_s || '|' || revision || '|' || generation FROM articles"));
        assertEquals(List.of("东城|" + Json.string(seminar)), rows("SELECT city_s || '|' || payload FROM seminars"));
        assertEquals(List.of("1|张三|示例机械有限公司", "2|李四|null"), rows("""
                SELECT ordinal || '|' || name_s || '|' || coalesce(organization_s, 'null')
                  FROM seminar_participants ORDER BY ordinal"""));
        assertEquals(List.of(Topics.EVENTS_SEMINAR + "|" + Json.string(seminar) + "|1"),
                rows("SELECT topic || '|' || payload || '|' || generation FROM outbox"));
    }

    @Test
    void sameContentAgainWritesNothing() throws SQLException {
        ArticleWriter.write(c, List.of(analyzed("正文。", RECEIVED, List.of(seminar()), List.of())), RECEIVED);

        BatchResult again = ArticleWriter.write(c,
                List.of(analyzed("正文。", RECEIVED.plusSeconds(60), List.of(seminar()), List.of())),
                RECEIVED.plusSeconds(60));

        assertEquals(new BatchResult(0, 0, 1, 0), again);
        assertEquals(List.of("1"), rows("SELECT count(*)::text FROM outbox"));
    }

    @Test
    void revisionReplacesTheEventsAndOpensTheNextGeneration() throws SQLException {
        ArticleWriter.write(c, List.of(analyzed("正文。", RECEIVED, List.of(seminar()), List.of())), RECEIVED);
        CompanyEvent revenue = revenue();

        BatchResult revised = ArticleWriter.write(c,
                List.of(analyzed("修订后的正文。", RECEIVED.plusSeconds(60), List.of(), List.of(revenue))),
                RECEIVED.plusSeconds(61));

        assertEquals(new BatchResult(0, 1, 0, 1), revised);
        assertEquals(List.of("東城舉行座談會\n修订后的正文。|2|2"),
                rows("SELECT text || '|' || revision || '|' || generation FROM articles"));
        assertEquals(List.of("0"), rows("SELECT count(*)::text FROM seminars"));
        assertEquals(List.of("示例机械有限公司|revenue|2023|873000|CNY"), rows("""
                SELECT company_s || '|' || metric || '|' || period || '|' || value || '|' || unit
                  FROM company_events"""));
        assertEquals(List.of(
                Topics.ARTICLE_EVENTS_REPLACED_TYPE + "|" + Topics.EVENTS_COMPANY + "|2",
                Topics.ARTICLE_EVENTS_REPLACED_TYPE + "|" + Topics.EVENTS_SEMINAR + "|2",
                Topics.COMPANY_EVENT_TYPE + "|" + Topics.EVENTS_COMPANY + "|2"), rows("""
                SELECT ce_type || '|' || topic || '|' || generation FROM outbox WHERE generation = 2
                 ORDER BY ce_type, topic"""));
    }

    @Test
    void anOlderVersionNeverReplacesTheStoredOne() throws SQLException {
        ArticleWriter.write(c, List.of(analyzed("正文。", RECEIVED, List.of(seminar()), List.of())), RECEIVED);

        BatchResult stale = ArticleWriter.write(c,
                List.of(analyzed("更早的正文。", RECEIVED.minusSeconds(60), List.of(), List.of(revenue()))),
                RECEIVED.plusSeconds(60));

        assertEquals(new BatchResult(0, 0, 1, 0), stale);
        assertEquals(List.of("東城舉行座談會\n正文。|1"), rows("SELECT text || '|' || generation FROM articles"));
        assertEquals(List.of("1|0"), rows("""
                SELECT (SELECT count(*) FROM seminars) || '|' || (SELECT count(*) FROM company_events)"""));
    }

    private static AnalyzedArticle analyzed(String text, Instant receivedAt, List<SeminarEvent> seminars,
                                            List<CompanyEvent> companies) {
        String title = "東城舉行座談會";
        RawArticle raw = new RawArticle(ID, URL, title, "示例新聞", PUBLISHED, "zh", title + "\n" + text,
                title.length() + 1, receivedAt);
        ArticleInfo info = new ArticleInfo(ID, URL, title, "示例新聞", PUBLISHED, "traditional", raw.text().length());
        return new AnalyzedArticle(raw, new ExtractionResult(info, seminars, companies));
    }

    private static SeminarEvent seminar() {
        return new SeminarEvent(Ids.eventId(ID, "seminar", 1), ID, LocalDate.parse("2024-04-30"), "afternoon", "東城",
                "座談會", null, null, new Person("王五", "市長", null), "產業升級",
                List.of(new Participant("張三", "董事長", "示例機械有限公司", null),
                        new Participant(" ", "經理", "不存名字的公司", null),
                        new Participant("李四", "教授", null, null)),
                new Evidence(10, 20, "東城舉行座談會"), 0.9, null);
    }

    private static CompanyEvent revenue() {
        return new CompanyEvent(Ids.eventId(ID, "company", 1), ID, CompanyEventKind.METRIC, "示例機械有限公司",
                Metric.REVENUE, Period.parse("2023"), new BigDecimal("873000"), Unit.fromCode("CNY"), null, null,
                null, null, null, new Evidence(30, 40, "銷售額87.3萬元"), 0.8, null);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
