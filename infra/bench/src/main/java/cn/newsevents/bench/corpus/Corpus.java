package cn.newsevents.bench.corpus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-text input of the extractor benchmark: every {@code *.txt} under the seeds directory, plus any files or
 * directories named in the {@code bench.extra} system property (or the {@code BENCH_EXTRA} environment variable),
 * separated by the platform path separator. Nothing is copied; texts are read at run time.
 */
public final class Corpus {
    /** System property naming the seeds directory; defaults to {@code seeds} under the working directory. */
    public static final String SEEDS_PROPERTY = "bench.seeds";
    /** System property listing extra article files or directories. */
    public static final String EXTRA_PROPERTY = "bench.extra";

    private Corpus() {
    }

    /** Reads the seeds and the extra articles named by the system property or environment, sorted by path. */
    public static List<Path> files() {
        List<Path> roots = new ArrayList<>();
        roots.add(seedsDirectory());
        String extra = System.getProperty(EXTRA_PROPERTY, System.getenv().getOrDefault("BENCH_EXTRA", ""));
        for (String part : extra.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                roots.add(Path.of(part.strip()));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            files.addAll(textFiles(root));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No article text found: run from the repository root (which has seeds/) "
                    + "or set -D" + SEEDS_PROPERTY + "=DIR.");
        }
        return files;
    }

    /** The raw texts of {@link #files()}. */
    public static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Path file : files()) {
            try {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read article " + file + ".", e);
            }
        }
        return texts;
    }

    private static Path seedsDirectory() {
        String configured = System.getProperty(SEEDS_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        // Benchmarks may be started from the repository root or from infra/bench.
        for (Path candidate : List.of(Path.of("seeds"), Path.of("../../seeds"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("seeds");
    }

    private static List<Path> textFiles(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Article path " + root.toAbsolutePath()
                    + " does not exist; pass existing files or directories of *.txt articles.");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ".", e);
        }
    }
}
