package cn.newsevents.ingest.pipeline;

import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** While the database refuses connections the processor pauses; afterwards every article arrives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IngestApp app;
    private String database;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic"));
        String url = app.jdbcUrl();
        database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        await().atMost(Duration.ofSeconds(30)).until(() -> app.count("SELECT count(*) FROM flyway_schema_history") > 0);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void admin(String sql) throws Exception {
        TestPostgres pg = TestPostgres.shared();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private double pausedGauge() {
        System.gc();
        return app.context().getBean(MeterRegistry.class).get("ingest.processor.paused").gauge().value();
    }

    @Test
    void articlesPostedDuringAnOutageAreStoredOnceTheDatabaseIsBack() throws Exception {
        ArticleProcessor processor = app.context().getBean(ArticleProcessor.class);
        admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String json = JSON.writeValueAsString(Map.of("url", "https://news.example/" + UUID.randomUUID(),
                        "title", "停机期间 " + i, "publishedAt", "2024-05-07",
                        "body", "SEMINAR|2024-04-0" + (i + 1) + "|常州|主题" + i + "|张三/甲公司/董事长"));
                HttpResponse<String> r = app.postJson(json);
                assertEquals(202, r.statusCode(), r.body());
                ids.add(JSON.readTree(r.body()).get("id").asText());
            }
            await().atMost(Duration.ofSeconds(30)).until(processor::paused);
            assertEquals(1.0, pausedGauge(), "ingest.processor.paused during the outage");
        } finally {
            admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> !processor.paused());
        assertEquals(0.0, pausedGauge(), "ingest.processor.paused once the database is back");
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id) == 1);
        }
        assertEquals(5, app.count("SELECT count(*) FROM articles"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> app.count("SELECT count(*) FROM outbox") == 0);
    }
}
