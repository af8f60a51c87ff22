package cn.newsevents.query.ops;

import cn.newsevents.query.support.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each client address has its own token bucket; over it, 429 with Retry-After and a problem document. */
class RateLimitTest {
    private static final int BURST = 5;
    private static RunningService service;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        // One token a minute after the burst: the test never sees a refill. Clients named by X-Forwarded-For.
        service = RunningService.start(store -> { }, Map.of("query.rate-limit.per-second", 1.0 / 60,
                "query.rate-limit.burst", BURST, "micronaut.server.client-address-header", "X-Forwarded-For"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private HttpResponse<String> get(String path, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(path)).header("X-Forwarded-For", client).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileOthersAndProbesAreServed() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, get("/seminars?q=座谈会", "203.0.113.7").statusCode());
        }
        HttpResponse<String> refused = get("/seminars?q=座谈会", "203.0.113.7");
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertEquals(429, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("Retry-After"), refused.body());

        assertEquals(200, get("/seminars", "198.51.100.23").statusCode(), "another client has its own bucket");
        assertEquals(200, get("/health", "203.0.113.7").statusCode(), "probes are not limited");
    }

    @Test
    void bucketsRefillAtTheConfiguredRateAndIdleOnesAreDropped() {
        AtomicLong now = new AtomicLong();
        ClientRateLimiter limiter = new ClientRateLimiter(2, 1.0, now::get);
        assertEquals(0, limiter.tryTake("a"));
        assertEquals(0, limiter.tryTake("a"));
        assertEquals(1, limiter.tryTake("a"));
        now.addAndGet(1_000_000_000L);
        assertEquals(0, limiter.tryTake("a"));
        assertEquals(1, limiter.tryTake("a"));
        // Many clients, each once, then all idle past a full refill: the sweep drops their buckets.
        for (int i = 0; i < 5_000; i++) {
            limiter.tryTake("client-" + i);
        }
        now.addAndGet(3_000_000_000L);
        for (int i = 0; i < 5_000; i++) {
            limiter.tryTake("later-" + (i % 10));
        }
        assertTrue(limiter.clients() < 1_000, limiter.clients() + " buckets held");
        ClientRateLimiter off = new ClientRateLimiter(1, 0, now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, off.tryTake("a"));
        }
    }
}
