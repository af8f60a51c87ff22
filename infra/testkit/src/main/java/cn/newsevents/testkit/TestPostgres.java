package cn.newsevents.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: a Testcontainers server where Docker runs, otherwise zonky's embedded
 * PostgreSQL. {@link #shared()} gives one server per test JVM; {@link #newDatabase()} an empty database on it.
 */
public final class TestPostgres implements AutoCloseable {
    private static TestPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final PostgreSQLContainer container;
    private final String baseUrl;
    private final String user;
    private final String password;

    private TestPostgres(EmbeddedPostgres embedded, PostgreSQLContainer container, String baseUrl, String user,
                         String password) {
        this.embedded = embedded;
        this.container = container;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** The server shared by all tests of this JVM, started on first use and stopped at JVM exit. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
            ExitHooks.stopAtExit("test-postgres-stop", shared::close);
        }
        return shared;
    }

    /** Starts a new server; the caller closes it. */
    public static TestPostgres start() {
        if (Docker.available()) {
            PostgreSQLContainer c = new PostgreSQLContainer("postgres:17-alpine");
            c.start();
            String url = c.getJdbcUrl();
            return new TestPostgres(null, c, url.substring(0, url.lastIndexOf('/') + 1), c.getUsername(),
                    c.getPassword());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            String base = url.substring(0, url.indexOf("/postgres")) + "/";
            return new TestPostgres(pg, null, base, "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server.", e);
        }
    }

    /** Creates a fresh, empty database and returns its JDBC url (user and password as for the server). */
    public String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase()), user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ".", e);
        }
        return jdbcUrl(name);
    }

    /** The JDBC url of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return baseUrl + database + (embedded != null ? "?user=postgres" : "");
    }

    private String adminDatabase() {
        return container != null ? container.getDatabaseName() : "postgres";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Whether this server runs in a container (Docker) rather than as an embedded process. */
    public boolean containerised() {
        return container != null;
    }

    /** Stops the server abruptly for outage tests and starts it again on the same port and data (embedded only). */
    public EmbeddedPostgres embedded() {
        return embedded;
    }

    @Override
    public synchronized void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (container != null) {
                container.stop();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop PostgreSQL.", e);
        }
    }
}
