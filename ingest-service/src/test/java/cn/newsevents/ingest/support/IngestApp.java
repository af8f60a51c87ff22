package cn.newsevents.ingest.support;

import cn.newsevents.testkit.TestKafka;
import cn.newsevents.testkit.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The service started on a random port against the shared test broker and a fresh database, with a write key
 * {@link #WRITE_KEY}, a read-only key {@link #READ_KEY}, an admin key {@link #ADMIN_KEY}, six partitions per
 * topic and a unique consumer group.
 */
public final class IngestApp implements AutoCloseable {
    public static final String WRITE_KEY = "test-writer";
    public static final String READ_KEY = "test-reader";
    public static final String ADMIN_KEY = "test-admin";
    /** Set to true to start the processor from its group's committed offsets instead of the topic's end. */
    public static final String KEEP_GROUP_OFFSETS = "test.keep-group-offsets";

    private final EmbeddedServer server;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestApp(EmbeddedServer server, String jdbcUrl, String dbUser, String dbPassword) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    /** Default properties of a test instance; {@code overrides} win. */
    public static IngestApp start(Map<String, Object> overrides) {
        TestPostgres pg = TestPostgres.shared();
        String url = overrides.containsKey("datasources.default.url")
                ? (String) overrides.get("datasources.default.url") : pg.newDatabase();
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("ingest.kafka.bootstrap-servers", TestKafka.shared().bootstrapServers());
        p.put("ingest.kafka.topic-partitions", 6);
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", pg.user());
        p.put("datasources.default.password", pg.password());
        p.put("datasources.default.connection-timeout", 2000);
        p.put("ingest.security.api-keys", WRITE_KEY + ":write," + READ_KEY + ":read," + ADMIN_KEY + ":admin");
        p.put("ingest.security.rate-limit-burst", 10_000);
        p.put("ingest.security.rate-limit-per-second", 10_000);
        p.put("ingest.processor.group-id", "test-" + UUID.randomUUID());
        p.put("ingest.processor.relay-interval", "500ms");
        p.put("ingest.processor.outage-backoff", "300ms");
        p.put("ingest.processor.max-outage-backoff", "1s");
        p.put("ingest.processor.retry-backoff", "20ms");
        p.put("micronaut.lifecycle.graceful-shutdown.grace-period", "5s");
        p.putAll(overrides);
        if (!Boolean.FALSE.equals(p.get("ingest.processor.enabled")) && !Boolean.TRUE.equals(p.get(KEEP_GROUP_OFFSETS))) {
            KafkaProbe.startGroupAtEnd((String) p.get("ingest.processor.group-id"),
                    cn.newsevents.contract.messaging.Topics.ARTICLES_RAW);
        }
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p);
        return new IngestApp(server, url, pg.user(), pg.password());
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    /** POSTs to {@code path} with {@code key} and no body. */
    public HttpResponse<String> postEmpty(String path, String key) {
        return post(path, null, new byte[0], key);
    }

    public HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    /** POSTs {@code body} to {@code /articles} with the write key. */
    public HttpResponse<String> post(String contentType, byte[] body) {
        return post("/articles", contentType, body, WRITE_KEY);
    }

    public HttpResponse<String> postJson(String json) {
        return post("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postText(String text) {
        return post("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs with an explicit key (null for none) and content type (null for none). */
    public HttpResponse<String> post(String path, String contentType, byte[] body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The request to " + request.uri() + " failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new connection to this instance's database. */
    public Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Configuration for a maintenance command run against this instance's database and the test broker. */
    public Map<String, Object> commandProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", jdbcUrl);
        p.put("datasources.default.username", dbUser);
        p.put("datasources.default.password", dbPassword);
        p.put("ingest.kafka.bootstrap-servers", TestKafka.shared().bootstrapServers());
        context().getProperty("test.analyzer", String.class).ifPresent(a -> p.put("test.analyzer", a));
        return p;
    }

    /** The value of counter {@code name} of this instance. */
    public double counter(String name) {
        return context().getBean(io.micrometer.core.instrument.MeterRegistry.class).counter(name).count();
    }

    /** The single long of {@code sql} with {@code args}. */
    public long count(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // The tables appear once Flyway ran; until then there is nothing.
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
