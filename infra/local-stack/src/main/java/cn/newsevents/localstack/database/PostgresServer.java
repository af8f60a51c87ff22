package cn.newsevents.localstack.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on 127.0.0.1 with a persistent data directory: initdb runs
 * only when the directory holds no cluster yet. Durability is on (fsync, synchronous commit), unlike the test
 * defaults of the embedded server. The superuser {@code postgres} may connect without a password from loopback
 * only; every other role needs its password.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts the server on {@code port} with its cluster in {@code dataDir} and its log in {@code logFile}. */
    public static PostgresServer start(Path dataDir, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // The launcher stops the server itself, after the services that use it.
                .setRegisterShutdownHook(false)
                .setPort(port)
                // The embedded server starts with -F (no fsync) and asynchronous commit; a local stack keeps data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Each article writes some 60 rows into seven indexes with random keys, so nearly every insert
                // dirties another page. With the default 1 GB of WAL between checkpoints the pipeline forced one
                // every 40 s; the first change of each page after a checkpoint logs the whole 8 kB page, which
                // fed the next checkpoint, and the checkpoints' writes stalled commits. Spacing them out is the
                // standard setting for a write-heavy server.
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("shared_buffers", "256MB")
                // Checkpoints and autovacuum runs in logs/postgres.log, to line latency stalls up with them.
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "250ms")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        PostgresServer server = new PostgresServer(pg, port);
        try {
            server.requirePasswords(dataDir);
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw new IOException("Could not configure client authentication of PostgreSQL in " + dataDir + ".", e);
        }
        return server;
    }

    /**
     * Replaces initdb's "trust everyone" rules: only the superuser is trusted, and only over loopback, so that the
     * service roles (and their read-only rights) are exercised with real passwords, as in a deployment.
     */
    private void requirePasswords(Path dataDir) throws IOException, SQLException {
        String rules = """
                # Written by the local stack at every start; edits are overwritten.
                # TYPE  DATABASE  USER      ADDRESS        METHOD
                local   all       postgres                 trust
                host    all       postgres  127.0.0.1/32   trust
                host    all       postgres  ::1/128        trust
                local   all       all                      scram-sha-256
                host    all       all       127.0.0.1/32   scram-sha-256
                host    all       all       ::1/128        scram-sha-256
                """;
        Files.writeString(dataDir.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        try (Connection c = adminConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * Stops a PostgreSQL that a launcher killed without its cleanup (SIGKILL, a closed terminal, the OOM killer)
     * left running on {@code dataDir}: the server runs in a session of its own and outlives its launcher. Its
     * {@code postmaster.pid} names a live postgres process on this directory; it gets a fast shutdown (SIGINT: a
     * checkpoint, nothing committed is lost). Returns the stopped server's pid, or -1 when there was none (no file,
     * or a stale one, which PostgreSQL itself ignores). The caller holds the data directory's lock, so a live server
     * there belongs to no running launcher.
     */
    public static long stopLeftover(Path dataDir, Duration timeout) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (server.isEmpty()) {
            return -1;
        }
        boolean ours = lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                .equals(dataDir.toAbsolutePath().normalize());
        boolean postgres = server.get().info().command().map(c -> c.endsWith("postgres")).orElse(false);
        if (!ours && !postgres) {
            // The pid was reused by an unrelated process after a reboot: nothing of ours runs.
            return -1;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            server.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL (pid " + pid + ") on " + dataDir + ".", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("PostgreSQL (pid " + pid + ") left running on " + dataDir + " did not stop within "
                    + timeout.toSeconds() + " s; stop it with 'kill -INT " + pid + "' and start again.", e);
        }
        return pid;
    }

    /** A superuser connection to {@code database}. */
    public Connection adminConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** The JDBC url of {@code database} on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops the server with a fast shutdown (a checkpoint, no data loss). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop PostgreSQL on port " + port + ".", e);
        }
    }
}
