package cn.newsevents.bench.load;

import cn.newsevents.bench.corpus.ArticleGenerator.GeneratedArticle;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP calls the load tool makes: ping and {@code POST /articles} on the ingest service, the latest seminars
 * and article lookups on the query service. The measured requests go through Apache HttpClient 5's asynchronous
 * client (HTTP/1.1, pooled keep-alive connections, one I/O thread, response bodies discarded as they arrive): the
 * load tool shares the cores with the services it measures, and this client takes a fraction of the CPU per
 * request that {@code java.net.http} took. The few control calls use {@link HttpClient}.
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
    private final CloseableHttpAsyncClient async = HttpAsyncClients.custom()
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
            .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(2_048).setMaxConnPerRoute(1_024).build())
            .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
            .build();
    private final URI ingest;
    private final URI query;
    private final String apiKey;

    public StackClient(URI ingest, URI query, String apiKey) {
        this.ingest = ingest;
        this.query = query;
        this.apiKey = apiKey;
        async.start();
    }

    /** {@code GET /ping} on the ingest service; true on 200. */
    public CompletableFuture<Boolean> ping() {
        return ok(SimpleRequestBuilder.get(ingest.resolve("/ping")).build(), 200);
    }

    /** {@code GET /ping} on the query service; true on 200. */
    public CompletableFuture<Boolean> queryPing() {
        return ok(SimpleRequestBuilder.get(query.resolve("/ping")).build(), 200);
    }

    /**
     * {@code GET /seminars/latest?limit=20} on the query service with {@code Accept-Encoding: gzip}, as browsers
     * and most HTTP clients send it (the body is discarded, not inflated); true on 200.
     */
    public CompletableFuture<Boolean> latestSeminars() {
        return ok(SimpleRequestBuilder.get(query.resolve("/seminars/latest?limit=20"))
                .setHeader("Accept-Encoding", "gzip").build(), 200);
    }

    /** {@code GET /}: the page for people (first view, 20 latest seminars as HTML); true on 200. */
    public CompletableFuture<Boolean> frontPage() {
        return ok(SimpleRequestBuilder.get(query.resolve("/")).setHeader("Accept", "text/html").build(), 200);
    }

    /** {@code GET /seminars/latest?limit=20} from a client that does not accept compression; true on 200. */
    public CompletableFuture<Boolean> latestSeminarsUncompressed() {
        return ok(SimpleRequestBuilder.get(query.resolve("/seminars/latest?limit=20")).build(), 200);
    }

    /**
     * Posts one article as {@code text/plain} in the article layout, its url as the {@code url} query parameter;
     * completes with the HTTP status.
     */
    public CompletableFuture<Integer> post(GeneratedArticle article) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(ingest.resolve("/articles?url="
                        + URLEncoder.encode(article.url(), StandardCharsets.UTF_8)))
                .setHeader("Authorization", "Bearer " + apiKey)
                .setBody(article.raw().getBytes(StandardCharsets.UTF_8),
                        ContentType.create("text/plain", StandardCharsets.UTF_8))
                .build();
        return exchange(request);
    }

    /**
     * Holds ({@code true}) or releases the ingest service's processor ({@code POST /admin/processor/hold|release},
     * the key needs the admin permission); throws unless the service answers 200.
     */
    public void holdProcessor(boolean hold) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/admin/processor/" + (hold ? "hold" : "release")))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        java.net.http.HttpResponse<String> response = http.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Posts one article; true on 202 Accepted. */
    public CompletableFuture<Boolean> postAccepted(GeneratedArticle article) {
        return post(article).thenApply(status -> status == 202);
    }

    /**
     * Completes (true) once {@code GET /articles/{id}} answers 200, polling more sparsely as time passes
     * (every tenth of the time waited so far, between 10 and 100 ms), so the measured latency is within about 10%
     * while the polls stay a small load; completes false after {@code giveUp}.
     */
    public CompletableFuture<Boolean> whenQueryable(String articleId, Duration giveUp) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        long start = System.nanoTime();
        SimpleHttpRequest request = SimpleRequestBuilder.get(query.resolve("/articles/" + articleId)).build();
        poll(request, start, giveUp.toNanos(), done);
        return done;
    }

    private void poll(SimpleHttpRequest request, long start, long giveUpNanos, CompletableFuture<Boolean> done) {
        exchange(request).whenComplete((status, error) -> {
            if (error == null && status == 200) {
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

    private CompletableFuture<Boolean> ok(SimpleHttpRequest request, int expected) {
        return exchange(request).thenApply(status -> status == expected);
    }

    /** Sends {@code request}; completes with the response status once the whole (discarded) body arrived. */
    private CompletableFuture<Integer> exchange(SimpleHttpRequest request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        async.execute(SimpleRequestProducer.create(request),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> result) {
                        status.complete(result.getHead().getCode());
                    }

                    @Override
                    public void failed(Exception e) {
                        status.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        status.cancel(false);
                    }
                });
        return status.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        async.close(CloseMode.GRACEFUL);
    }
}
