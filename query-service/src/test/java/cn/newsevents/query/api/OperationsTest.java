package cn.newsevents.query.api;

import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationsTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = HandBuiltEvents.service();
    }

    @Test
    void pingAnswersOk() {
        Response r = service.get("/ping");
        assertEquals(200, r.status());
        assertEquals("{\"ok\":true}", r.body());
    }

    @Test
    void healthIsUpIncludingTheDatabaseWithDetailsOnlyForAnOperationsKey() {
        Response open = service.get("/health");
        assertEquals(200, open.status(), open.body());
        assertEquals("UP", open.json().get("status").asText());
        assertFalse(open.body().contains("jdbc"), open.body());
        Response r = service.get("/health", "application/json", RunningService.OPERATIONS_KEY);
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.json().get("status").asText());
        assertTrue(r.body().contains("jdbc"), r.body());
    }

    @Test
    void prometheusMetricsNeedAnOperationsKey() {
        service.get("/ping");
        assertEquals(401, service.get("/prometheus", "text/plain").status());
        assertEquals(401, service.get("/prometheus", "text/plain", "not-a-key").status());
        Response r = service.get("/prometheus", "text/plain", RunningService.OPERATIONS_KEY);
        assertEquals(200, r.status());
        assertTrue(r.body().contains("http_server_requests_seconds"), "request timings are recorded");
        assertTrue(r.body().contains("hikaricp_connections"), "pool gauges are recorded");
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        Response spec = service.get("/swagger/newsevents-query-api-1.0.yml", "*/*");
        assertEquals(200, spec.status());
        assertTrue(spec.body().contains("/seminars/latest"));
        assertEquals(200, service.get("/swagger-ui/index.html", "text/html").status());
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        Response r = service.get("/no-such-thing");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("urn:newsevents:problem:not-found", r.json().get("type").asText());
        assertEquals("No such resource.", r.json().get("title").asText());
        assertEquals("/no-such-thing", r.json().get("instance").asText());
    }

    @Test
    void thePoolCannotWrite() throws SQLException {
        DataSource pool = DelegatingDataSource.unwrapDataSource(service.bean(DataSource.class));
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertTrue(c.isReadOnly());
            assertTrue(c.getAutoCommit());
            // Read-only for the session, not only inside explicit transactions.
            try (var rs = s.executeQuery("SHOW transaction_read_only")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
            try (var rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertEquals("5s", rs.getString(1));
            }
            // The list statements switch optional filters off with null parameters: planned with their values.
            try (var rs = s.executeQuery("SHOW plan_cache_mode")) {
                rs.next();
                assertEquals("force_custom_plan", rs.getString(1));
            }
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM articles"));
        }
        try (Connection c = service.adminConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM articles")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }
}
