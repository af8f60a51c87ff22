package cn.newsevents.localstack;

import cn.newsevents.contract.messaging.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher ({@code java -jar target/local-stack.jar}) as a user runs it: it starts, seeds, stops on
 * SIGTERM leaving nothing behind, and on the next start serves the same data from its data directory; killed with
 * SIGKILL (PostgreSQL left running), it stops the leftover server at the next start and loses nothing.
 */
class LocalStackRestartIT {
    private static final String API_KEY = "restart-it-key";
    private static final Duration START = Duration.ofSeconds(300);

    private final int kafkaPort = Ports.anyFree();
    private final int controllerPort = Ports.anyFree();
    private final int postgresPort = Ports.anyFree();
    private final int ingestPort = Ports.anyFree();
    private final int queryPort = Ports.anyFree();
    private final Path logs = Path.of("target/launcher-it");
    private Path dataDir;
    private Process running;

    @AfterEach
    void stopAndClean() throws Exception {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(90, TimeUnit.SECONDS);
        }
        if (dataDir != null) {
            cn.newsevents.localstack.database.PostgresServer.stopLeftover(dataDir.resolve("postgres"),
                    Duration.ofSeconds(60));
            try (Stream<Path> s = Files.walk(dataDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void seededDataSurvivesAStopAndAStartFromTheSameDataDirectory() throws Exception {
        dataDir = Files.createTempDirectory("local-stack-it");
        URI query = URI.create("http://127.0.0.1:" + queryPort);

        Path firstOutput = startLauncher("first-start.log");
        String articleId = postedArticleId(firstOutput);
        List<JsonNode> seminars = Http.latestSeminarsOf(query, articleId);
        assertEquals(List.of("2024-05-06", "2024-04-26", "2024-04-18", "2024-04-09"), Http.field(seminars, "date"));
        assertDurableDatabaseSettings();

        stopLauncher(firstOutput);

        Path secondOutput = startLauncher("second-start.log");
        String output = Files.readString(secondOutput, StandardCharsets.UTF_8);
        assertTrue(output.contains("was ingested before (article " + articleId + ")"), output);
        assertEquals(Http.field(seminars, "id"), Http.field(Http.latestSeminarsOf(query, articleId), "id"),
                "the seminars served after the restart are those stored before it");

        List<String> consumed = consumeSeminarEventIds();
        assertEquals(new HashSet<>(Http.field(seminars, "id")), new HashSet<>(consumed),
                "the events published before the restart are still on the topic");

        // As a closed terminal or the OOM killer does: the launcher and its services die at once, PostgreSQL (in a
        // session of its own) stays up on the data directory and its port.
        long postgres = killLauncherLeavingPostgres();
        assertTrue(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL outlives it");
        assertFalse(Ports.free(postgresPort));

        Path thirdOutput = startLauncher("third-start.log");
        String third = Files.readString(thirdOutput, StandardCharsets.UTF_8);
        assertTrue(third.contains("Stopped PostgreSQL (pid " + postgres + ") left running"), third);
        assertEquals(Http.field(seminars, "id"), Http.field(Http.latestSeminarsOf(query, articleId), "id"),
                "nothing stored before the kill is lost");
        stopLauncher(thirdOutput);
    }

    /** SIGKILLs the launcher and every process under it except PostgreSQL; returns PostgreSQL's pid. */
    private long killLauncherLeavingPostgres() throws Exception {
        List<ProcessHandle> all = running.descendants().toList();
        long postgres = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        Set<Long> server = new HashSet<>();
        server.add(postgres);
        ProcessHandle.of(postgres).ifPresent(p -> p.descendants().forEach(d -> server.add(d.pid())));
        running.destroyForcibly();
        for (ProcessHandle p : all) {
            if (!server.contains(p.pid())) {
                p.destroyForcibly();
            }
        }
        assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        for (ProcessHandle p : all) {
            if (!server.contains(p.pid())) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        return postgres;
    }

    private Path startLauncher(String outputName) throws IOException {
        Files.createDirectories(logs);
        Path output = logs.resolve(outputName);
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", launcherJar().toString(),
                "--data-dir", dataDir.toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--controller-port", Integer.toString(controllerPort),
                "--postgres-port", Integer.toString(postgresPort), "--ingest-port", Integer.toString(ingestPort),
                "--query-port", Integer.toString(queryPort))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("INGEST_API_KEY", API_KEY);
        running = pb.start();
        LauncherReady.await(running, output, START, Duration.ofMillis(500));
        return output;
    }

    private void stopLauncher(Path output) throws Exception {
        running.destroy();
        assertTrue(running.waitFor(120, TimeUnit.SECONDS), "the launcher stops within 120 s of SIGTERM");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, running.exitValue(), text);
        assertTrue(text.contains("Stopped in"), text);
        for (int port : new int[] {ingestPort, queryPort, kafkaPort, postgresPort}) {
            assertTrue(Ports.free(port), "port " + port + " is released after the stop");
        }
    }

    private static String postedArticleId(Path output) throws IOException {
        Matcher m = Pattern.compile("posted seed changzhou-seminars\\.txt -> article (\\S+)")
                .matcher(Files.readString(output, StandardCharsets.UTF_8));
        assertTrue(m.find(), "the launcher reports the seed it posted");
        return m.group(1);
    }

    private void assertDurableDatabaseSettings() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/newsevents",
                "postgres", "")) {
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                try (ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
                    assertTrue(rs.next());
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    /** Runs {@code LocalStack consume events.seminar} and returns the ce_id headers it printed. */
    private List<String> consumeSeminarEventIds() throws Exception {
        Path output = logs.resolve("consume.log");
        Process consume = new ProcessBuilder(java(), "-jar", launcherJar().toString(), "consume", Topics.EVENTS_SEMINAR,
                "--bootstrap-server", "127.0.0.1:" + kafkaPort, "--max-records", "4", "--idle-timeout-seconds", "60")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(consume.waitFor(120, TimeUnit.SECONDS), "consume finishes");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, consume.exitValue(), text);
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  " + Topics.CE_ID + ": (\\S+)$").matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(4, ids.size(), text);
        return ids;
    }

    private static Path launcherJar() {
        return RepoFiles.packaged("infra/local-stack/target/local-stack.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
