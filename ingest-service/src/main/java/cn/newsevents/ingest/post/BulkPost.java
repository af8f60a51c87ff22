package cn.newsevents.ingest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code post [--url URL] [--key KEY] [--concurrency N] [--refused FILE] PATH...}: posts articles (see
 * {@link Inputs}) to {@code POST /articles} with at most N requests in flight. A 429 or 503 is waited out for as
 * long as its {@code Retry-After} says and tried again (a failed connection too, with a growing pause); any other
 * answer than 202 is a refusal, written with its reason as one JSON line to the refusals file. A progress bar
 * with rate and time left is drawn on a terminal, plain lines otherwise. Ctrl-C stops sending, lets the requests
 * in flight finish for a few seconds and says what was sent.
 *
 * <p>Exit codes: 0 every article accepted (a duplicate was accepted before), 1 some refused or a file could not be
 * read, 2 wrong arguments, 130 stopped by Ctrl-C.
 */
public final class BulkPost {
    static final String USAGE = "Usage: java -jar ingest-service.jar post [--url URL] [--key KEY]"
            + " [--concurrency N] [--refused FILE] PATH...";
    private static final int MAX_WAITS = 30;
    private static final int MAX_CONNECTION_FAILURES = 5;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parsed command line. */
    record Options(URI url, String key, int concurrency, Path refusedFile, List<Path> paths) {
    }

    /** One line of the refusals file: which input, the HTTP status (0: no answer) and the reason given. */
    record Refusal(String source, int status, String reason) {
    }

    private final Options options;
    private final HttpClient http;
    private final Tally tally = new Tally();
    private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Semaphore slots;
    private volatile boolean stopping;
    private String unreadable;

    private BulkPost(Options options) {
        this.options = options;
        this.slots = new Semaphore(options.concurrency());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Runs the command; {@code terminal} chooses the progress bar over plain lines. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Options options;
        Inputs inputs;
        try {
            options = parse(args);
            inputs = Inputs.of(options.paths());
        } catch (UncheckedIOException e) {
            err.println(e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return new BulkPost(options).post(inputs, out, err, terminal);
        } catch (UncheckedIOException e) {
            // A folder or file that cannot be read before anything was sent.
            err.println(e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 1;
        }
    }

    private int post(Inputs inputs, PrintStream out, PrintStream err, boolean terminal) {
        long total = inputs.count();
        long start = System.nanoTime();
        Progress progress = new Progress(err, terminal, total, start);
        out.printf("Posting %d article(s) to %s with up to %d at a time.%n", total, options.url(),
                options.concurrency());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping = true;
            try {
                // The JVM waits for the summary before it exits.
                finished.await(STOP_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "post-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "post-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.show(tally, System.nanoTime()), progress.period().toMillis(),
                progress.period().toMillis(), TimeUnit.MILLISECONDS);
        try {
            for (Submission s : inputs) {
                if (!acquire()) {
                    break;
                }
                sent.incrementAndGet();
                send(s, 1, 0).whenComplete((v, e) -> slots.release());
            }
            awaitInFlight();
        } catch (UncheckedIOException e) {
            // An unreadable file ends the run: what was sent is still summarised, and the exit code says it failed.
            unreadable = e.getMessage() + " (" + e.getCause().getMessage() + ")";
            try {
                awaitInFlight();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            ticker.shutdownNow();
        }
        progress.finish(tally, System.nanoTime());
        int code = summarise(total, start, out, err);
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (Ctrl-C): the hook is running and has just been released.
        }
        return code;
    }

    /** Takes a slot for one more request; false once Ctrl-C was pressed. */
    private boolean acquire() throws InterruptedException {
        while (!stopping) {
            if (slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    slots.release();
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    /** Waits until every request is answered, or for a few seconds after Ctrl-C. */
    private void awaitInFlight() throws InterruptedException {
        long stopDeadline = Long.MAX_VALUE;
        while (!slots.tryAcquire(options.concurrency(), 100, TimeUnit.MILLISECONDS)) {
            if (stopping && stopDeadline == Long.MAX_VALUE) {
                stopDeadline = System.nanoTime() + STOP_GRACE.toNanos();
            }
            if (System.nanoTime() - stopDeadline > 0) {
                return;
            }
        }
        slots.release(options.concurrency());
    }

    private CompletableFuture<Void> send(Submission s, int attempt, int connectionFailures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.url().resolve("/articles"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", s.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
        if (options.key() != null) {
            request.header("Authorization", "Bearer " + options.key());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        if (connectionFailures + 1 >= MAX_CONNECTION_FAILURES) {
                            refuse(s, 0, "No answer after " + MAX_CONNECTION_FAILURES + " tries: " + failure.getCause());
                            return CompletableFuture.<Void>completedFuture(null);
                        }
                        return retry(s, attempt, connectionFailures + 1,
                                Duration.ofSeconds(1L << Math.min(connectionFailures, 4)));
                    }
                    int status = response.statusCode();
                    if (status == 202) {
                        tally.accepted(id(response.body()));
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if ((status == 429 || status == 503) && attempt < MAX_WAITS) {
                        return retry(s, attempt + 1, connectionFailures, retryAfter(response, attempt));
                    }
                    refuse(s, status, reason(response.body()));
                    return CompletableFuture.<Void>completedFuture(null);
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<Void> retry(Submission s, int attempt, int connectionFailures, Duration wait) {
        tally.retried();
        return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(x -> {
                    if (stopping) {
                        abandoned.incrementAndGet();
                        return CompletableFuture.completedFuture(null);
                    }
                    return send(s, attempt, connectionFailures);
                });
    }

    /** Retry-After in seconds or as an HTTP date; without one, a pause that grows with the attempts. */
    static Duration retryAfter(HttpResponse<?> response, int attempt) {
        Duration fallback = Duration.ofMillis(Math.min(30_000, 500L << Math.min(attempt, 6)));
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return fallback;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return fallback;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void refuse(Submission s, int status, String reason) {
        tally.refusal();
        refusals.add(new Refusal(s.source(), status, reason));
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            // A 202 always carries the id; a body that is not JSON still counts as accepted, under its text.
            return body;
        }
    }

    /** The problem's detail (and field) when the body is a problem document, else the start of the body. */
    private static String reason(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.path("detail").asText()
                        + (problem.hasNonNull("field") ? " (field " + problem.path("field").asText() + ")" : "");
            }
        } catch (IOException e) {
            // Not JSON: fall through to the text itself.
        }
        String text = body == null ? "" : body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private int summarise(long total, long startNanos, PrintStream out, PrintStream err) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        if (!refusals.isEmpty()) {
            try (BufferedWriter w = Files.newBufferedWriter(options.refusedFile(), StandardCharsets.UTF_8)) {
                for (Refusal r : refusals) {
                    w.write(JSON.writeValueAsString(r));
                    w.newLine();
                }
            } catch (IOException e) {
                err.println("The refusals could not be written to " + options.refusedFile() + ": " + e.getMessage());
            }
        }
        long unanswered = sent.get() - tally.done();
        if (stopping) {
            out.printf("Stopped by Ctrl-C: %d of %d article(s) sent; %d accepted, %d duplicate(s), %d refused,"
                            + " %d sent but not answered (they may still be accepted); %d not sent.%n",
                    sent.get(), total, tally.accepted(), tally.duplicates(), tally.refused(), unanswered,
                    total - sent.get());
        } else {
            out.printf(Locale.ROOT, "Done: %d article(s) in %.1f s (%.0f/s): %d accepted, %d duplicate(s), %d refused;"
                            + " waited and retried %d time(s) on 429/503 or a lost connection.%n",
                    total, seconds, total / seconds, tally.accepted(), tally.duplicates(), tally.refused(),
                    tally.retries());
        }
        if (!refusals.isEmpty()) {
            out.printf("The refused article(s) and the reasons are in %s.%n", options.refusedFile().toAbsolutePath());
        }
        if (unreadable != null) {
            err.println("Stopped early: " + unreadable + "; " + (total - sent.get()) + " article(s) not sent.");
            return 1;
        }
        if (stopping) {
            return 130;
        }
        return tally.refused() == 0 ? 0 : 1;
    }

    Tally tally() {
        return tally;
    }

    static Options parse(String[] args) {
        URI url = URI.create("http://localhost:8080");
        String key = System.getenv("INGEST_API_KEY");
        int concurrency = 8;
        Path refused = Path.of("post-refused.jsonl");
        List<Path> paths = new ArrayList<>();
        for (int i = args.length > 0 && args[0].equals("post") ? 1 : 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> {
                    String v = value(args, ++i, a);
                    try {
                        url = URI.create(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--url needs an address such as http://localhost:8080.");
                    }
                    if (url.getScheme() == null || url.getHost() == null) {
                        throw new IllegalArgumentException("--url needs an address such as http://localhost:8080.");
                    }
                }
                case "--key" -> key = value(args, ++i, a);
                case "--refused" -> refused = Path.of(value(args, ++i, a));
                case "--concurrency" -> {
                    try {
                        concurrency = Integer.parseInt(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        concurrency = 0;
                    }
                    if (concurrency < 1 || concurrency > 256) {
                        throw new IllegalArgumentException("--concurrency needs a whole number from 1 to 256.");
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option '" + a + "' for post.");
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("Name at least one file or folder of articles to post.");
        }
        return new Options(url, key, concurrency, refused, List.copyOf(paths));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }
}
