package cn.newsevents.localstack;

import cn.newsevents.localstack.broker.KafkaBroker;
import cn.newsevents.localstack.database.DatabaseRoles;
import cn.newsevents.localstack.database.PostgresServer;
import cn.newsevents.localstack.process.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pipeline with every part separately stoppable: PostgreSQL and the Kafka broker of the launcher module (in
 * this JVM and its child, each restartable on the same port and data directory), one ingest-service process in
 * the API role only and one in the processor role only.
 */
final class FaultPipeline implements AutoCloseable {
    static final String PROCESSOR_GROUP = "newsevents-processor";
    private static final Duration START = Duration.ofSeconds(180);

    private final Path dir;
    private final Path logs;
    private final String apiKey;
    private final int kafkaPort = Ports.anyFree();
    private final int controllerPort = Ports.anyFree();
    private final int postgresPort = Ports.anyFree();
    private final DatabaseRoles roles = DatabaseRoles.localDefaults();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ServiceProcess api;
    private ServiceProcess processor;
    private int processorsStarted;

    private FaultPipeline(Path dir, Path logs, String apiKey) {
        this.dir = dir;
        this.logs = logs;
        this.apiKey = apiKey;
    }

    /** Starts the database and the broker (in parallel), then both service processes; returns when all are up. */
    static FaultPipeline start(Path logs, String apiKey) throws Exception {
        FaultPipeline p = new FaultPipeline(Files.createTempDirectory("pipeline-faults"), logs, apiKey);
        try {
            CompletableFuture<Void> db = CompletableFuture.runAsync(() -> {
                try {
                    p.startDatabase();
                    p.roles.provision(p.postgres);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            p.startBroker();
            db.join();
            p.api = ServiceProcess.start("ingest-api", ingestJar(), Ports.anyFree(), p.env(true, false),
                    logs.resolve("ingest-api.log"));
            p.startProcessor();
            p.api.awaitHealthy(START);
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private Map<String, String> env(boolean apiRole, boolean processorRole) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("DATASOURCES_DEFAULT_URL", postgresUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", roles.owner());
        env.put("DATASOURCES_DEFAULT_PASSWORD", roles.ownerPassword());
        // Fail fast while the database is away, so the processor's outage probes come often.
        env.put("DATASOURCES_DEFAULT_CONNECTION_TIMEOUT", "2000");
        env.put("INGEST_API_KEYS", apiKey + ":write");
        env.put("INGEST_API_ENABLED", Boolean.toString(apiRole));
        env.put("INGEST_PROCESSOR_ENABLED", Boolean.toString(processorRole));
        env.put("INGEST_PROCESSOR_GROUP_ID", PROCESSOR_GROUP);
        env.put("INGEST_PROCESSOR_OUTAGE_BACKOFF", "250ms");
        // The tests post as fast as the API answers; the rate limit has its own tests.
        env.put("INGEST_API_RATE_LIMIT_PER_SECOND", "100000");
        env.put("INGEST_API_RATE_LIMIT_BURST", "100000");
        return env;
    }

    /** Starts a new processor-only ingest process and waits until it is healthy. */
    ServiceProcess startProcessor() throws IOException {
        processorsStarted++;
        processor = ServiceProcess.start("ingest-processor-" + processorsStarted, ingestJar(), Ports.anyFree(),
                env(false, true), logs.resolve("ingest-processor-" + processorsStarted + ".log"));
        processor.awaitHealthy(START);
        return processor;
    }

    /** Starts a processor unless one is running (a failed test may have left it killed). */
    void ensureProcessor() throws IOException {
        if (processor == null || !processor.alive()) {
            dropGroupMembers(bootstrapServers());
            startProcessor();
        }
    }

    /** The processor running now, if any. */
    ServiceProcess processor() {
        return processor;
    }

    URI apiUri() {
        return api.baseUri();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String postgresUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + roles.database();
    }

    void startBroker() throws IOException {
        kafka = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort);
    }

    /** Stops the broker cleanly; its log stays in the data directory for {@link #startBroker()}. */
    void stopBroker() {
        KafkaBroker k = kafka;
        kafka = null;
        if (k != null) {
            k.close();
        }
    }

    void startDatabase() throws IOException {
        postgres = PostgresServer.start(dir.resolve("postgres"), postgresPort, logs.resolve("postgres.log"));
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are cut); its cluster stays for {@link #startDatabase()}. */
    void stopDatabase() {
        PostgresServer pg = postgres;
        postgres = null;
        if (pg != null) {
            pg.close();
        }
    }

    /** A superuser connection to the pipeline's database. */
    Connection database() throws SQLException {
        if (postgres == null) {
            throw new SQLException("PostgreSQL is stopped.");
        }
        return postgres.adminConnection(roles.database());
    }

    /** How many articles with urls starting with {@code urlPrefix} are stored. */
    int storedCount(String urlPrefix) {
        try (Connection c = database();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles WHERE url LIKE ?")) {
            ps.setString(1, urlPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * Removes every member from the processors' consumer group. A killed consumer stays a member until its session
     * times out (45 s by default), and a new member waits for that before it gets partitions; removing it at once,
     * as an operator would, only shortens that wait. A live member removed this way simply joins again.
     */
    static void dropGroupMembers(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
            admin.removeMembersFromConsumerGroup(PROCESSOR_GROUP, new RemoveMembersFromConsumerGroupOptions())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // No member left (or no group yet): nothing to wait for.
            System.out.println("No processor group member removed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not remove the members of " + PROCESSOR_GROUP + " in 30 s.", e);
        }
    }

    static Path ingestJar() {
        return RepoFiles.packaged("ingest-service/target/ingest-service.jar");
    }

    /** Stops the services, then the broker and the database, and deletes the data directory. */
    @Override
    public void close() {
        for (ServiceProcess s : new ServiceProcess[] {api, processor}) {
            if (s != null) {
                s.requestStop();
            }
        }
        for (ServiceProcess s : new ServiceProcess[] {api, processor}) {
            if (s != null) {
                s.close();
            }
        }
        try {
            stopBroker();
        } finally {
            stopDatabase();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
