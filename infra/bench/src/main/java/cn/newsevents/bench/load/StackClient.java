package cn.newsevents.bench.load;

import cn.newsevents.bench.corpus.ArticleGenerator.GeneratedArticle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP calls the load tool makes, on one {@link HttpClient} (HTTP/1.1, connections pooled): ping and
 * {@code POST /articles} on the ingest service, the latest seminars and article lookups on the query service.
 */
public final class StackClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poll-timer");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper json = new ObjectMapper();
    private final URI ingest;
    private final URI query;
    private final String apiKey;

    public StackClient(URI ingest, URI query, String apiKey) {
        this.ingest = ingest;
        this.query = query;
        this.apiKey = apiKey;
    }

    /** {@code GET /ping} on the ingest service; true on 200. */
    public CompletableFuture<Boolean> ping() {
        return status(HttpRequest.newBuilder(ingest.resolve("/ping")).timeout(TIMEOUT).GET().build(), 200);
    }

    /** {@code GET /ping} on the query service; true on 200. */
    public CompletableFuture<Boolean> queryPing() {
        return status(HttpRequest.newBuilder(query.resolve("/ping")).timeout(TIMEOUT).GET().build(), 200);
    }

    /** {@code GET /seminars/latest?limit=20} on the query service; true on 200. */
    public CompletableFuture<Boolean> latestSeminars() {
        return status(HttpRequest.newBuilder(query.resolve("/seminars/latest?limit=20")).timeout(TIMEOUT).GET()
                .build(), 200);
    }

    /**
     * Posts one article as {@code text/plain} in the article layout, its url as the {@code url} query parameter;
     * completes with the HTTP status.
     */
    public CompletableFuture<Integer> post(GeneratedArticle article) {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/articles?url="
                        + URLEncoder.encode(article.url(), StandardCharsets.UTF_8))).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(article.raw(), StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /**
     * Holds ({@code true}) or releases the ingest service's processor ({@code POST /admin/processor/hold|release},
     * the key needs the admin permission); throws unless the service answers 200.
     */
    public void holdProcessor(boolean hold) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/admin/processor/" + (hold ? "hold" : "release")))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Posts one article; true on 202 Accepted. */
    public CompletableFuture<Boolean> postAccepted(GeneratedArticle article) {
        return post(article).thenApply(status -> status == 202);
    }

    /** The query service's count of stored articles ({@code total} of {@code GET /articles?limit=1}). */
    public long storedArticles() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(query.resolve("/articles?limit=1"))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /articles answered " + response.statusCode()
                    + "; the query service must be up before the pipeline is measured.");
        }
        JsonNode page = json.readTree(response.body());
        return page.path("total").asLong();
    }

    /**
     * Completes (true) once {@code GET /articles/{id}} answers 200, polling more sparsely as time passes
     * (every tenth of the time waited so far, between 10 and 100 ms), so the measured latency is within about 10%
     * while the polls stay a small load; completes false after {@code giveUp}.
     */
    public CompletableFuture<Boolean> whenQueryable(String articleId, Duration giveUp) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(query.resolve("/articles/" + articleId)).timeout(TIMEOUT)
                .GET().build();
        poll(request, start, giveUp.toNanos(), done);
        return done;
    }

    private void poll(HttpRequest request, long start, long giveUpNanos, CompletableFuture<Boolean> done) {
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                done.complete(true);
                return;
            }
            long waited = System.nanoTime() - start;
            if (waited > giveUpNanos) {
                done.complete(false);
                return;
            }
            long delay = Math.min(TimeUnit.MILLISECONDS.toNanos(100), Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                    waited / 10));
            timer.schedule(() -> poll(request, start, giveUpNanos, done), delay, TimeUnit.NANOSECONDS);
        });
    }

    private CompletableFuture<Boolean> status(HttpRequest request, int expected) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == expected);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
