package cn.newsevents.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the running pipeline (real broker, real database, the packaged services as processes): a
 * processor killed mid-stream, a broker restart and a 30 s database outage under load, and the whole stack
 * killed. After each, every article the API acknowledged (202) is stored exactly once, with exactly the events the
 * extractor finds in its text, and every stored event reached its Kafka topic. Each test prints one
 * {@code faults:} line with its figures (see {@link StoredTally}) and a line of details.
 *
 * <p>The first three share one pipeline (the broker and the database of the launcher module, which restart on the
 * same port and data directory); each works on its own articles (url prefix). The last runs the packaged
 * launcher.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsIT {
    private static final String API_KEY = "faults-" + UUID.randomUUID();
    private static final Path LOGS = Path.of("target/faults-it");
    private static final Duration SETTLE = Duration.ofSeconds(150);

    private static FaultPipeline shared;

    static {
        // The broker and the database run in this JVM: their chatter goes to a file, not to the test output.
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", LOGS.resolve("test-jvm.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static FaultPipeline pipeline() throws Exception {
        if (shared == null) {
            shared = FaultPipeline.start(LOGS, API_KEY);
        }
        shared.ensureProcessor();
        return shared;
    }

    private static void closePipeline() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    @AfterAll
    static void stopPipeline() {
        closePipeline();
    }

    @Test
    @Order(1)
    void processorKilledMidStreamLosesNothing() throws Exception {
        FaultArticles articles = new FaultArticles("processor-kill", 1000);
        CompletableFuture<List<FaultArticles.Expected>> expected = articles.expectedAsync();
        FaultPipeline p = pipeline();
        try (Poster poster = new Poster(p.apiUri(), API_KEY, articles, 4)) {
            CompletableFuture<Void> posting = poster.post(0, articles.count());
            await("the processor to store some of the articles").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> p.storedCount(articles.urlPrefix()), n -> n >= 50);
            p.processor().kill();
            int storedAtKill = p.storedCount(articles.urlPrefix());
            assertTrue(storedAtKill > 0 && storedAtKill < articles.count(),
                    "the processor died with some but not all articles stored: " + storedAtKill);

            FaultPipeline.dropGroupMembers(p.bootstrapServers());
            p.startProcessor();
            posting.get(120, TimeUnit.SECONDS);
            assertEquals(articles.count(), poster.answered(202), "every post is acknowledged: the API is up");
            StoredTally tally = settle(articles, poster.acknowledged(), expected.get(), p::database);
            PublishedEvents events = assertPublished(p.bootstrapServers(), p::database, articles);
            report("processorKilledMidStream", tally, events, "stored at the kill: " + storedAtKill);
        }
    }

    @Test
    @Order(2)
    void brokerRestartDuringIngestLosesNothing() throws Exception {
        FaultArticles articles = new FaultArticles("broker-restart", 900);
        CompletableFuture<List<FaultArticles.Expected>> expected = articles.expectedAsync();
        FaultPipeline p = pipeline();
        try (Poster poster = new Poster(p.apiUri(), API_KEY, articles, 3)) {
            CompletableFuture<Void> posting = poster.post(0, articles.count());
            await("some acknowledged articles").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(poster::acknowledgedCount, n -> n >= 150);
            long down = System.nanoTime();
            p.stopBroker();
            p.startBroker();
            long up = System.nanoTime();
            posting.get(240, TimeUnit.SECONDS);

            long duringOutage = poster.outcomes().stream()
                    .filter(o -> o.endedNanos() > down && o.startedNanos() < up).count();
            assertTrue(duringOutage > 0, "some posts were under way while the broker was down");
            assertEquals(articles.count(), poster.outcomes().size(), "every article was posted");
            assertTrue(poster.answered(202) > 150 && poster.answered(202) + poster.answered(503) == articles.count(),
                    "posts are acknowledged (202) or refused (503) without a broken answer: 202="
                            + poster.answered(202) + " 503=" + poster.answered(503));
            StoredTally tally = settle(articles, poster.acknowledged(), expected.get(), p::database);
            PublishedEvents events = assertPublished(p.bootstrapServers(), p::database, articles);
            report("brokerRestartDuringIngest", tally, events, "posts under way during the restart: " + duringOutage
                    + ", 503 answers: " + poster.answered(503) + ", restart took "
                    + Duration.ofNanos(up - down).toMillis() + " ms");
        }
    }

    @Test
    @Order(3)
    void databaseOutageOf30sLosesNothing() throws Exception {
        FaultArticles articles = new FaultArticles("database-outage", 600);
        CompletableFuture<List<FaultArticles.Expected>> expected = articles.expectedAsync();
        FaultPipeline p = pipeline();
        int half = articles.count() / 2;
        try (Poster poster = new Poster(p.apiUri(), API_KEY, articles, 3)) {
            CompletableFuture<Void> before = poster.post(0, half);
            await("the processor to consume").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> p.storedCount(articles.urlPrefix()), n -> n >= 30);
            long stoppedAt = System.nanoTime();
            p.stopDatabase();
            before.get(60, TimeUnit.SECONDS);
            poster.post(half, articles.count()).get(60, TimeUnit.SECONDS);
            long acknowledgedDuringOutage = poster.acknowledged().keySet().stream().filter(n -> n >= half).count();
            assertEquals(half, acknowledgedDuringOutage, "the API acknowledges while the database is down");
            assertEquals(articles.count(), poster.answered(202), "every post is acknowledged: the broker is up");

            long outage = TimeUnit.SECONDS.toNanos(30) - (System.nanoTime() - stoppedAt);
            if (outage > 0) {
                // The outage itself: its length is the point of the scenario, not a wait for a condition.
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(outage));
            }
            assertTrue(p.processor().alive(), "the processor survives the outage");
            p.startDatabase();
            long restartedAt = System.nanoTime();
            StoredTally tally = settle(articles, poster.acknowledged(), expected.get(), p::database);
            long caughtUp = System.nanoTime();
            PublishedEvents events = assertPublished(p.bootstrapServers(), p::database, articles);
            report("databaseOutageOf30s", tally, events, "outage "
                    + Duration.ofNanos(restartedAt - stoppedAt).toSeconds() + " s, caught up "
                    + Duration.ofNanos(caughtUp - restartedAt).toSeconds() + " s after the restart");
        }
    }

    @Test
    @Order(4)
    void killedStackRestartsWithEveryAcknowledgedArticle() throws Exception {
        closePipeline();
        FaultArticles articles = new FaultArticles("stack-kill", 400);
        CompletableFuture<List<FaultArticles.Expected>> expected = articles.expectedAsync();
        Launcher launcher = new Launcher(Files.createTempDirectory("local-stack-faults"));
        try {
            Process first = launcher.start("stack-kill-first.log");
            Map<Integer, String> acknowledged;
            int killed;
            try (Poster poster = new Poster(launcher.ingest(), API_KEY, articles, 1)) {
                CompletableFuture<Void> posting = poster.post(0, articles.count());
                await("half of the articles acknowledged").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(5))
                        .until(poster::acknowledgedCount, n -> n >= articles.count() / 2);
                killed = launcher.killWholeStack(first, true);
                poster.stop();
                posting.get(60, TimeUnit.SECONDS);
                acknowledged = poster.acknowledged();
            }
            assertTrue(acknowledged.size() < articles.count(), "the stack died before every post was answered");

            launcher.start("stack-kill-second.log");
            FaultPipeline.dropGroupMembers("127.0.0.1:" + launcher.kafkaPort);
            List<FaultArticles.Expected> want = expected.get();
            StoredTally tally = settle(articles, acknowledged, want, launcher::database);
            assertServedWithTheirEvents(launcher.query(), acknowledged, want);
            PublishedEvents events = assertPublished("127.0.0.1:" + launcher.kafkaPort, launcher::database, articles);
            report("killedStackRestarts", tally, events, killed + " processes killed");
        } finally {
            launcher.close();
        }
    }

    /** Every acknowledged article answers on the query service with the extractor's events, each id once. */
    private static void assertServedWithTheirEvents(URI query, Map<Integer, String> acknowledged,
                                                    List<FaultArticles.Expected> expected) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
            JsonNode article = Http.getJson(query.resolve("/articles/" + ack.getValue()));
            FaultArticles.Expected want = expected.get(ack.getKey());
            JsonNode seminars = article.path("seminars");
            JsonNode companyEvents = article.path("companyEvents");
            Set<String> ids = new HashSet<>();
            seminars.forEach(e -> ids.add(e.path("id").asText()));
            companyEvents.forEach(e -> ids.add(e.path("id").asText()));
            if (seminars.size() != want.seminars() || companyEvents.size() != want.companyEvents()
                    || ids.size() != want.events()) {
                problems.add(ack.getValue() + ": " + seminars.size() + " seminars, " + companyEvents.size()
                        + " company events, " + ids.size() + " distinct ids; expected " + want);
            }
        }
        assertEquals(List.of(), problems, "articles served without exactly their events");
    }

    /** Database access for a tally; the connection is closed by the caller. */
    private interface Database {
        Connection open() throws SQLException;
    }

    /**
     * Waits until every acknowledged article is stored with all its events, then asserts that nothing is lost or
     * stored twice.
     */
    private static StoredTally settle(FaultArticles articles, Map<Integer, String> acknowledged,
                                      List<FaultArticles.Expected> expected, Database database) {
        AtomicReference<StoredTally> last = new AtomicReference<>();
        try {
            await("every acknowledged " + articles.scenario() + " article stored with its events").atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(SQLException.class)
                    .until(() -> {
                        try (Connection c = database.open()) {
                            StoredTally t = StoredTally.of(c, articles, acknowledged, expected);
                            last.set(t);
                            return t.complete();
                        }
                    });
        } catch (ConditionTimeoutException e) {
            StoredTally t = last.get();
            throw new AssertionError("Not everything acknowledged was stored in " + SETTLE.toSeconds() + " s: "
                    + (t == null ? "the database never answered" : t.line(articles.scenario()) + " "
                    + t.incomplete().stream().limit(5).toList()), e);
        }
        StoredTally tally = last.get();
        assertEquals(0, tally.lost(), tally.line(articles.scenario()));
        assertEquals(0, tally.duplicates(), tally.line(articles.scenario()));
        assertEquals(List.of(), tally.incomplete(), tally.line(articles.scenario()));
        return tally;
    }

    /** Every stored event of the scenario reached {@code events.seminar} or {@code events.company}. */
    private static PublishedEvents assertPublished(String bootstrapServers, Database database,
                                                   FaultArticles articles) throws SQLException {
        Map<String, String> stored;
        try (Connection c = database.open()) {
            stored = PublishedEvents.storedEvents(c, articles.urlPrefix());
        }
        PublishedEvents events = PublishedEvents.read(bootstrapServers, stored, Duration.ofSeconds(60));
        assertEquals(events.stored(), events.published(), "stored events of " + articles.scenario()
                + " that never reached the event topics: " + events);
        return events;
    }

    private static void report(String scenario, StoredTally tally, PublishedEvents events, String detail) {
        System.out.println(tally.line(scenario));
        System.out.println("  (" + scenario + ": " + detail + "; events on Kafka " + events.published() + " of "
                + events.stored() + " stored, records repeating a ce_id " + events.repeated() + ")");
    }

    /** The packaged launcher on free ports and a temporary data directory, started and killed by the test. */
    private static final class Launcher implements AutoCloseable {
        private static final Duration START = Duration.ofSeconds(300);
        private final Path dataDir;
        private final int kafkaPort = Ports.anyFree();
        private final int controllerPort = Ports.anyFree();
        private final int postgresPort = Ports.anyFree();
        private final int ingestPort = Ports.anyFree();
        private final int queryPort = Ports.anyFree();
        private Process running;

        Launcher(Path dataDir) {
            this.dataDir = dataDir;
        }

        URI ingest() {
            return URI.create("http://127.0.0.1:" + ingestPort);
        }

        URI query() {
            return URI.create("http://127.0.0.1:" + queryPort);
        }

        Connection database() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/newsevents",
                    "postgres", "");
        }

        /** Starts {@code java -jar local-stack.jar} without seeds and waits until it reports that it is ready. */
        Process start(String outputName) throws IOException {
            Files.createDirectories(LOGS);
            Path output = LOGS.resolve(outputName);
            ProcessBuilder pb = new ProcessBuilder(java(),
                    "-jar", RepoFiles.packaged("infra/local-stack/target/local-stack.jar").toString(),
                    "--no-seed", "--data-dir", dataDir.toString(),
                    "--kafka-port", Integer.toString(kafkaPort), "--controller-port", Integer.toString(controllerPort),
                    "--postgres-port", Integer.toString(postgresPort), "--ingest-port", Integer.toString(ingestPort),
                    "--query-port", Integer.toString(queryPort))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // The services inherit the launcher's environment.
            pb.environment().put("INGEST_API_KEY", API_KEY);
            pb.environment().put("INGEST_API_RATE_LIMIT_PER_SECOND", "100000");
            pb.environment().put("INGEST_API_RATE_LIMIT_BURST", "100000");
            pb.environment().put("QUERY_LATEST_CACHE_TTL", "0s");
            Process launcher = pb.start();
            running = launcher;
            LauncherReady.await(launcher, output, START, Duration.ofMillis(250));
            return launcher;
        }

        /**
         * SIGKILLs the launcher (which runs the broker), its child processes (the services) and PostgreSQL, whose
         * server daemonizes out of the launcher's process tree and is found through {@code postmaster.pid}; returns
         * how many processes were killed once all are gone.
         */
        int killWholeStack(Process launcher, boolean postgresRunning) throws Exception {
            List<ProcessHandle> victims = new ArrayList<>();
            victims.add(launcher.toHandle());
            launcher.descendants().forEach(victims::add);
            Path pidFile = dataDir.resolve("postgres/postmaster.pid");
            Optional<ProcessHandle> postgres = Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    : Optional.empty();
            if (postgresRunning && postgres.isEmpty()) {
                throw new AssertionError("PostgreSQL (" + pidFile + ") is not running.");
            }
            postgres.ifPresent(pg -> {
                if (!victims.contains(pg)) {
                    victims.add(pg);
                }
                pg.descendants().filter(h -> !victims.contains(h)).forEach(victims::add);
            });
            victims.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : victims) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
            return victims.size();
        }

        /** Kills what still runs (the data is thrown away, so there is nothing to stop cleanly) and deletes it. */
        @Override
        public void close() throws Exception {
            if (running != null && running.isAlive()) {
                killWholeStack(running, false);
            }
            try (Stream<Path> s = Files.walk(dataDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
