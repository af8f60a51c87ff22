package cn.newsevents.bench.load;

import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeminarLoaderTest {

    @Test
    void bulkLoadedSeminarsFitTheFlywaySchemaAndCarryTheirParticipants() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        migrate(url, pg);

        SeminarLoader loader = new SeminarLoader(url, pg.user(), pg.password());
        loader.load(1_000, "t1");
        loader.load(10, "t2");

        assertEquals(1_012, loader.seminarCount(), "whole articles of four seminars each");
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM seminar_participants");
            rs.next();
            assertEquals(3 * 1_012, rs.getLong(1));
            rs = s.executeQuery("SELECT payload::text, city, host_name FROM seminars "
                    + "ORDER BY seminar_date DESC NULLS LAST, ingested_at DESC, id DESC LIMIT 1");
            assertTrue(rs.next());
            JsonNode payload = new ObjectMapper().readTree(rs.getString(1));
            assertEquals(rs.getString(2), payload.path("city").asText());
            assertEquals(rs.getString(3), payload.path("host").path("name").asText());
            assertEquals(3, payload.path("participants").size());
            assertTrue(payload.path("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), payload.toString());
        }
    }

    /** Applies the ingest service's Flyway migrations, found on the classpath (module ingest-service/schema). */
    private static void migrate(String url, TestPostgres pg) {
        Flyway.configure().dataSource(url, pg.user(), pg.password()).locations("classpath:db/migration").load().migrate();
    }
}
