package cn.newsevents.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Posts generated articles to {@code POST /articles} from a few client threads and records every answer. Only a
 * 202 with an id counts as acknowledged; a 503, another status or a broken connection does not.
 */
final class Poster implements AutoCloseable {
    /** Status recorded when no HTTP answer came (connection refused or reset, timeout). */
    static final int NO_ANSWER = -1;

    /** The answer to article {@code n}: status, the id of a 202, and when the request started and ended. */
    record Outcome(int n, int status, String articleId, long startedNanos, long endedNanos) {
        boolean acknowledged() {
            return status == 202 && articleId != null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ingest;
    private final String apiKey;
    private final FaultArticles articles;
    private final ExecutorService pool;
    private final int threads;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Poster(URI ingest, String apiKey, FaultArticles articles, int threads) {
        this.ingest = ingest;
        this.apiKey = apiKey;
        this.articles = articles;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "poster-" + articles.scenario());
            t.setDaemon(true);
            return t;
        });
    }

    /** Posts articles {@code from} (inclusive) to {@code to} (exclusive) in the background. */
    CompletableFuture<Void> post(int from, int to) {
        AtomicInteger next = new AtomicInteger(from);
        CompletableFuture<?>[] workers = IntStream.range(0, threads).mapToObj(i -> CompletableFuture.runAsync(() -> {
            for (int n = next.getAndIncrement(); n < to && !stopped.get(); n = next.getAndIncrement()) {
                outcomes.add(postOne(n));
            }
        }, pool)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(workers);
    }

    private Outcome postOne(int n) {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/articles?url="
                        + URLEncoder.encode(articles.url(n), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(articles.text(n), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String id = null;
            if (response.statusCode() == 202) {
                id = Http.JSON.readTree(response.body()).path("id").asText(null);
                if (id != null) {
                    acknowledged.incrementAndGet();
                }
            }
            return new Outcome(n, response.statusCode(), id, start, System.nanoTime());
        } catch (IOException e) {
            return new Outcome(n, NO_ANSWER, null, start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(n, NO_ANSWER, null, start, System.nanoTime());
        }
    }

    /** How many 202 answers came so far. */
    int acknowledgedCount() {
        return acknowledged.get();
    }

    /** Article number to id, for every 202 answer. */
    Map<Integer, String> acknowledged() {
        Map<Integer, String> ids = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.acknowledged()) {
                ids.put(o.n(), o.articleId());
            }
        }
        return ids;
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** How many answers had {@code status}. */
    long answered(int status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Posts nothing more; requests under way still finish. */
    void stop() {
        stopped.set(true);
    }

    @Override
    public void close() {
        stop();
        pool.shutdownNow();
    }
}
