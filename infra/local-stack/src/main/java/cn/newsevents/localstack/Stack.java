package cn.newsevents.localstack;

import cn.newsevents.localstack.broker.KafkaBroker;
import cn.newsevents.localstack.database.DatabaseRoles;
import cn.newsevents.localstack.database.PostgresServer;
import cn.newsevents.localstack.process.ServiceProcess;
import cn.newsevents.localstack.seed.Seeder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The running pipeline: PostgreSQL, the Kafka broker and the two services, started in dependency order and
 * stopped in the reverse order (services first, so they drain while the broker and the database are still there).
 * {@link #close()} stops whatever was started, also after a failed start.
 */
public final class Stack implements AutoCloseable {
    /** The file that marks a directory as a local-stack data directory, so {@code --clean} never wipes anything else. */
    static final String MARKER = "LOCAL-STACK";
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(120);

    private final StackOptions options;
    private final PrintStream out;
    private final DatabaseRoles roles = DatabaseRoles.localDefaults();
    private final long startedAt = System.nanoTime();
    private FileChannel lockChannel;
    private FileLock lock;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ServiceProcess ingest;
    private ServiceProcess query;
    private String apiKey;
    private boolean closed;

    private Stack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** A stack that has not started anything yet. */
    public static Stack create(StackOptions options, PrintStream out) {
        return new Stack(options, out);
    }

    /**
     * Starts everything and posts the seeds. On failure the caller still {@link #close()}s, which stops whatever
     * had been started.
     */
    public void start() throws Exception {
        Path data = options.dataDir();
        prepareDataDir(data);
        requireFreePorts();
        apiKey = apiKey(data);

        long t = System.nanoTime();
        out.println("Starting PostgreSQL on 127.0.0.1:" + options.postgresPort() + " and Kafka on 127.0.0.1:"
                + options.kafkaPort() + " (data in " + data + ")");
        CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> {
            try {
                PostgresServer server = adopt(PostgresServer.start(data.resolve("postgres"), options.postgresPort(),
                        data.resolve("logs/postgres.log")), s -> postgres = s);
                roles.provision(server);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            try {
                adopt(KafkaBroker.start(data.resolve("kafka"), options.kafkaPort(), options.controllerPort()),
                        b -> kafka = b);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        CompletableFuture.allOf(pg, broker).exceptionally(e -> null).join();
        rethrow(pg);
        rethrow(broker);
        out.println("  PostgreSQL and Kafka ready in " + seconds(t));

        t = System.nanoTime();
        out.println("Starting ingest-service on :" + options.ingestPort() + " and query-service on :"
                + options.queryPort() + " (logs in " + data.resolve("logs") + ")");
        String jdbcUrl = postgres.jdbcUrl(roles.database());
        Map<String, String> ingestEnv = new LinkedHashMap<>();
        ingestEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        ingestEnv.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        ingestEnv.put("DATASOURCES_DEFAULT_USERNAME", roles.owner());
        ingestEnv.put("DATASOURCES_DEFAULT_PASSWORD", roles.ownerPassword());
        ingestEnv.put("INGEST_API_KEYS", apiKey + ":write+admin");
        ingestEnv.put("INGEST_API_ENABLED", "true");
        ingestEnv.put("INGEST_PROCESSOR_ENABLED", "true");
        adopt(ServiceProcess.start("ingest-service", options.ingestJar(), options.ingestPort(), ingestEnv,
                data.resolve("logs/ingest-service.log")), s -> ingest = s);
        Map<String, String> queryEnv = new LinkedHashMap<>();
        queryEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        queryEnv.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        queryEnv.put("DATASOURCES_DEFAULT_USERNAME", roles.reader());
        queryEnv.put("DATASOURCES_DEFAULT_PASSWORD", roles.readerPassword());
        queryEnv.put("QUERY_OPERATIONS_KEYS", apiKey);
        adopt(ServiceProcess.start("query-service", options.queryJar(), options.queryPort(), queryEnv,
                data.resolve("logs/query-service.log")), s -> query = s);
        ingest.awaitHealthy(SERVICE_START_TIMEOUT);
        query.awaitHealthy(SERVICE_START_TIMEOUT);
        out.println("  services healthy in " + seconds(t) + " (pids " + ingest.pid() + ", " + query.pid() + ")");

        if (options.seed()) {
            t = System.nanoTime();
            out.println("Seeding from " + options.seedsDir());
            Seeder seeder = new Seeder(ingest.baseUri(), query.baseUri(), apiKey, data.resolve("seeded.tsv"), out);
            List<Seeder.Posted> seeds = seeder.postNew(options.seedsDir());
            if (!seeds.isEmpty()) {
                int seminars = seeder.awaitVisible(seeds, SEED_TIMEOUT);
                out.println("  query-service shows the " + seeds.size() + " seed article(s) with " + seminars
                        + " seminar(s), " + seconds(t));
            }
        }
        out.println("Local stack ready in " + seconds(startedAt) + ".");
    }

    /**
     * Records a freshly started part so that {@link #close()} stops it; if the stack was closed meanwhile (a signal
     * during start-up), stops the part at once instead, so nothing outlives the launcher.
     */
    private synchronized <T extends AutoCloseable> T adopt(T part, Consumer<T> field) throws Exception {
        if (closed) {
            part.close();
            throw new IllegalStateException("The local stack was stopped during start-up.");
        }
        field.accept(part);
        return part;
    }

    private static void rethrow(CompletableFuture<?> future) throws Exception {
        if (future.isCompletedExceptionally()) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        }
    }

    private void prepareDataDir(Path data) throws IOException {
        if (options.clean() && Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER)) && !onlyOwnEntries(data)) {
                throw new IOException("Refusing to wipe " + data + ": it is not a local-stack data directory (no "
                        + MARKER + " file in it). Pass another --data-dir or remove it yourself.");
            }
            try (FileChannel channel = FileChannel.open(data.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
                if (held == null) {
                    throw new IOException("Another local stack is running on " + data + "; stop it before --clean.");
                }
                stopLeftoverPostgres(data);
            }
            out.println("Wiping " + data);
            deleteRecursively(data);
        }
        Files.createDirectories(data.resolve("logs"));
        if (!Files.exists(data.resolve(MARKER))) {
            Files.writeString(data.resolve(MARKER), "Data of the local stack (Kafka log, PostgreSQL cluster, logs). "
                    + "Safe to delete while the stack is stopped.\n");
        }
        lockChannel = FileChannel.open(data.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            throw new IOException("Another local stack is running on " + data + "; stop it first.");
        }
        stopLeftoverPostgres(data);
    }

    /** Stops a PostgreSQL a killed launcher left running on this data directory, and says so. */
    private void stopLeftoverPostgres(Path data) throws IOException {
        long pid = PostgresServer.stopLeftover(data.resolve("postgres"), Duration.ofSeconds(60));
        if (pid > 0) {
            out.println("Stopped PostgreSQL (pid " + pid + ") left running on " + data.resolve("postgres")
                    + " by a launcher that did not stop cleanly.");
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", options.kafkaPort());
        ports.put("the Kafka controller (--controller-port)", options.controllerPort());
        ports.put("PostgreSQL (--postgres-port)", options.postgresPort());
        ports.put("ingest-service (--ingest-port)", options.ingestPort());
        ports.put("query-service (--query-port)", options.queryPort());
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!Ports.free(port)) {
                busy.add(port + " for " + what);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("These ports are in use: " + String.join(", ", busy)
                    + ". Stop what listens there or choose other ports with the options named.");
        }
    }

    private static String apiKey(Path data) throws IOException {
        String fromEnv = System.getenv("INGEST_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path file = data.resolve("ingest-api-key");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String key = "local-" + HexFormat.of().formatHex(random);
        Files.writeString(file, key + "\n");
        return key;
    }

    /** The key the ingest API accepts for writes. */
    public String apiKey() {
        return apiKey;
    }

    public StackOptions options() {
        return options;
    }

    /** The services, for a foreground loop that watches whether they are still running. */
    public synchronized List<ServiceProcess> services() {
        return Stream.of(ingest, query).filter(s -> s != null).toList();
    }

    /** Stops services, then the broker, then PostgreSQL; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t = System.nanoTime();
        List<ServiceProcess> services = services();
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess s : services) {
            s.close();
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                out.println("Could not stop Kafka cleanly: " + e.getMessage());
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                out.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            out.println("Could not release the data directory lock: " + e.getMessage());
        }
        if (postgres != null || kafka != null || !services.isEmpty()) {
            out.println("Stopped in " + seconds(t) + ".");
        }
    }

    static String seconds(long sinceNanos) {
        return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    /** Whether {@code dir} holds nothing but what a (perhaps interrupted) start of the stack creates. */
    private static boolean onlyOwnEntries(Path dir) throws IOException {
        Set<String> own = Set.of(MARKER, "logs", "lock", "kafka", "postgres", "seeded.tsv", "ingest-api-key");
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> own.contains(p.getFileName().toString()));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
