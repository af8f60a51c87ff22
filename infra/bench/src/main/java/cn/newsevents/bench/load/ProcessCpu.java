package cn.newsevents.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the processes of this machine, grouped by role (ingest service, query service, broker and launcher,
 * PostgreSQL, this load tool, the rest), read from {@code /proc/PID/stat} (user + system ticks, children not
 * included). Two snapshots around a measured window tell where the CPU of that window went. On a system without
 * {@code /proc} every snapshot is empty.
 */
public final class ProcessCpu {
    /** Ticks per second of {@code /proc/PID/stat} (USER_HZ); 100 on every Linux this tool targets. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    private ProcessCpu() {
    }

    /** CPU seconds used so far per role. */
    public static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        if (!Files.isDirectory(PROC)) {
            return seconds;
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
                    if (ticks(stat) > 0) {
                        long pid = Long.parseLong(dir.getFileName().toString());
                        String role = role(pid == self, dir, stat);
                        threads(dir, role, seconds);
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended between listing and reading: it used no CPU in the window that matters.
                }
            }
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** CPU seconds per role between two snapshots, largest first, roles below 0.01 s left out. */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        return used;
    }

    /**
     * Adds the CPU of each thread of the process in {@code dir} to {@code role}, the JVM's compiler threads to
     * {@code role.jit} and its collector threads to {@code role.gc}: how much of a JVM's time went to warming up
     * and to garbage is part of where the time went.
     */
    private static void threads(Path dir, String role, Map<String, Double> seconds) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    long ticks = ticks(stat);
                    if (ticks == 0) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String part = name.contains("CompilerThre") ? role + ".jit"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? role + ".gc" : role;
                    seconds.merge(part, ticks / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        }
    }

    /** User plus system ticks of a {@code stat} line (fields counted after the command name's closing ')'). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String role(boolean self, Path dir, String stat) throws IOException {
        if (self) {
            return "loadTool";
        }
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
        if (comm.startsWith("postgres")) {
            // Backends serve the connections; the rest vacuum, write WAL and checkpoint in the background.
            return cmdline.startsWith("postgres: autovacuum") ? "postgres.autovacuum"
                    : cmdline.matches("(?s)postgres: (checkpointer|background writer|walwriter|wal writer).*")
                    ? "postgres.background" : "postgres";
        }
        if (cmdline.contains("ingest-service")) {
            return "ingestService";
        }
        if (cmdline.contains("query-service")) {
            return "queryService";
        }
        if (cmdline.contains("local-stack")) {
            return "brokerAndLauncher";
        }
        return "other";
    }
}
