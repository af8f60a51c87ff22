package cn.newsevents.ingest.post;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The articles named on the command line: a file in the seed layout (headline, source line, body), a JSON file
 * holding one article object, a JSON Lines file ({@code .jsonl}, {@code .ndjson}) of article objects, or a folder
 * of any of these (walked recursively in name order, hidden files skipped). Files are read one at a time as they
 * are posted, so a large archive is never held in memory.
 */
public final class Inputs implements Iterable<Submission> {
    private final List<Path> files;

    private Inputs(List<Path> files) {
        this.files = files;
    }

    /** Resolves {@code paths} to files; a path that does not exist is an error naming it. */
    public static Inputs of(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("The folder " + p + " could not be read.", e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("There is no file or folder " + p + ".");
            }
        }
        return new Inputs(List.copyOf(files));
    }

    /** How many articles there are (the non-blank lines of JSON Lines files count one each). */
    public long count() {
        long n = 0;
        for (Path f : files) {
            if (isJsonLines(f)) {
                try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                } catch (IOException e) {
                    throw new UncheckedIOException("The file " + f + " could not be read.", e);
                }
            } else {
                n++;
            }
        }
        return n;
    }

    static boolean isJsonLines(Path f) {
        String name = f.getFileName().toString().toLowerCase();
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    @Override
    public Iterator<Submission> iterator() {
        return new Iterator<>() {
            private int file;
            private BufferedReader lines;
            private int lineNumber;
            private Submission next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    try {
                        if (lines != null) {
                            String line = lines.readLine();
                            lineNumber++;
                            if (line == null) {
                                lines.close();
                                lines = null;
                            } else if (!line.isBlank()) {
                                next = new Submission(files.get(file - 1) + ":" + lineNumber, Submission.JSON,
                                        line.getBytes(StandardCharsets.UTF_8));
                            }
                            continue;
                        }
                        if (file == files.size()) {
                            return false;
                        }
                        Path f = files.get(file++);
                        if (isJsonLines(f)) {
                            lines = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                            lineNumber = 0;
                        } else {
                            boolean json = f.getFileName().toString().toLowerCase().endsWith(".json");
                            next = new Submission(f.toString(), json ? Submission.JSON : Submission.TEXT,
                                    Files.readAllBytes(f));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("An input file could not be read.", e);
                    }
                }
                return true;
            }

            @Override
            public Submission next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Submission s = next;
                next = null;
                return s;
            }
        };
    }
}
