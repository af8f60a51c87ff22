package cn.newsevents.query.support;

import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The query service running over a fresh PostgreSQL database migrated with the processor's Flyway scripts and
 * filled by a loader. The service connects as a role that may only SELECT, as in production.
 */
public final class RunningService implements AutoCloseable {
    /** Small on purpose, so that capping is visible with a handful of rows. */
    public static final int MAX_PAGE_SIZE = 10;
    public static final String READER = "query_reader";
    /** The key for /prometheus and the details of /health. */
    public static final String OPERATIONS_KEY = "test-operations";
    private static final String MIGRATIONS = "classpath:db/migration";

    /** Fills the database; it gets a store connected as the owner. */
    @FunctionalInterface
    public interface Loader {
        void load(EventStore store) throws Exception;
    }

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final String adminUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RunningService(ApplicationContext context, String adminUrl) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
        this.adminUrl = adminUrl;
    }

    /** Creates, migrates and fills a database, then starts the service on a random port over it. */
    public static RunningService start(Loader loader) {
        return start(loader, Map.of());
    }

    /** Like {@link #start(Loader)}, with {@code extra} configuration (e.g. the live stream switched on). */
    public static RunningService start(Loader loader, Map<String, Object> extra) {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        Flyway.configure().dataSource(url, pg.user(), pg.password()).locations(MIGRATIONS).load().migrate();
        try (EventStore store = new EventStore(url, pg.user(), pg.password())) {
            grantReadOnly(store.connection());
            loader.load(store);
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare the test database.", e);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url.replace("?user=" + pg.user(), ""));
        props.put("datasources.default.username", READER);
        props.put("datasources.default.password", "reader");
        props.put("micronaut.server.port", -1);
        props.put("query.max-page-size", MAX_PAGE_SIZE);
        props.put("query.default-page-size", 5);
        props.put("query.latest-cache-ttl", "300ms");
        props.put("query.stream.enabled", false);
        props.put("query.operations-keys", OPERATIONS_KEY);
        // Tests send many requests from one address; RateLimitTest sets its own limit.
        props.put("query.rate-limit.per-second", 1_000_000);
        props.put("query.rate-limit.burst", 1_000_000);
        props.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
        return new RunningService(server.getApplicationContext(), url);
    }

    private static void grantReadOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + READER + "') THEN"
                    + " CREATE ROLE " + READER + " LOGIN PASSWORD 'reader'; END IF; END $$");
            s.execute("GRANT USAGE ON SCHEMA public TO " + READER);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
        }
    }

    /** A connection as the database owner, for assertions on the database itself. */
    public Connection adminConnection() throws SQLException {
        TestPostgres pg = TestPostgres.shared();
        return DriverManager.getConnection(adminUrl, pg.user(), pg.password());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The absolute URI of {@code path} (already encoded) on this service. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    /** GETs {@code path} (already encoded) and returns status, content type and the body. */
    public Response get(String path) {
        return get(path, "application/json");
    }

    /** GETs {@code path} (already encoded) accepting {@code accept}. */
    public Response get(String path, String accept) {
        return get(path, accept, null);
    }

    /** GETs {@code path} (already encoded) accepting {@code accept}, with a bearer {@code key} unless null. */
    public Response get(String path, String accept, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", accept).GET();
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a query parameter value. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return EventStore.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("The body is not JSON: " + body, e);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
