package cn.newsevents.ingest.security;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API keys, permissions and rate limits, and the answer when the broker is unreachable (this instance points
 * at a closed port).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMITED = "limited-key";
    private static final byte[] VALID = ("{\"title\":\"标题\",\"publishedAt\":\"2024-05-07\",\"body\":\"正文\"}")
            .getBytes(StandardCharsets.UTF_8);
    private IngestApp app;

    @BeforeAll
    void start() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        app = IngestApp.start(Map.of("ingest.processor.enabled", false,
                "ingest.kafka.bootstrap-servers", "127.0.0.1:" + closedPort,
                "ingest.kafka.producer-max-block", "2s",
                "ingest.kafka.producer-delivery-timeout", "3s",
                "ingest.security.api-keys", IngestApp.WRITE_KEY + ":write," + IngestApp.READ_KEY + ":read,"
                        + LIMITED + ":read+write",
                "ingest.security.rate-limit-burst", 3,
                "ingest.security.rate-limit-per-second", 0.2));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static void assertProblem(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse("").split(";")[0]);
        assertEquals(status, JSON.readTree(r.body()).get("status").asInt());
        assertEquals(r.uri().getPath(), JSON.readTree(r.body()).get("instance").asText(), r.body());
    }

    @Test
    void writeWithoutKeyIsUnauthorized() throws IOException {
        HttpResponse<String> r = app.post("/articles", "application/json", VALID, null);
        assertProblem(r, 401);
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void writeWithUnknownKeyIsUnauthorized() throws IOException {
        assertProblem(app.post("/articles", "application/json", VALID, "not-a-key"), 401);
    }

    @Test
    void writeWithReadOnlyKeyIsForbidden() throws IOException {
        assertProblem(app.post("/articles", "application/json", VALID, IngestApp.READ_KEY), 403);
    }

    @Test
    void keyOverItsRateLimitGets429WithRetryAfter() throws IOException {
        byte[] invalid = "{}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            assertProblem(app.post("/articles", "application/json", invalid, LIMITED), 400);
        }
        HttpResponse<String> limited = app.post("/articles", "application/json", invalid, LIMITED);
        assertProblem(limited, 429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
    }

    @Test
    void unreachableBrokerGives503WithRetryAfterWithinSeconds() throws IOException {
        long start = System.nanoTime();
        HttpResponse<String> r = app.post("/articles", "application/json", VALID, IngestApp.WRITE_KEY);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(r, 503);
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertTrue(millis < 10_000, "the 503 took " + millis + " ms");
    }

    @Test
    void healthAndPingNeedNoKey() {
        assertEquals(200, app.get("/ping").statusCode());
        assertEquals(200, app.get("/health").statusCode());
    }
}
