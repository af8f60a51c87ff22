package cn.newsevents.bench.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopTest {
    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    /** A one-thread server that needs {@code millis} per request. */
    private CompletableFuture<Boolean> serve(long millis) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }, server);
    }

    @Test
    void underCapacityLatencyIsCloseToServiceTime() {
        OpenLoop.Step step = new OpenLoop(64, Duration.ofSeconds(5)).run(50, Duration.ofSeconds(1), i -> serve(2));
        assertEquals(50, step.sent());
        assertEquals(50, step.ok());
        // Loose bounds: the machine is shared, but queueing would put the median near a second.
        assertTrue(step.p50Ms() < 250, "p50 was " + step.p50Ms());
    }

    @Test
    void overloadShowsAsQueueingLatencyMeasuredFromTheDueTime() {
        // 200/s offered to a server that does 50/s: a closed loop would report ~20 ms; the queue is the truth.
        OpenLoop.Step step = new OpenLoop(1000, Duration.ofSeconds(10)).run(200, Duration.ofSeconds(1), i -> serve(20));
        assertEquals(200, step.ok());
        assertTrue(step.p99Ms() > 2000, "p99 was " + step.p99Ms() + " ms; latency must include the queue");
        assertTrue(step.okRps() < 100, "achieved " + step.okRps() + "/s");
    }

    @Test
    void rateSearchStopsAtTheServersCapacity() {
        // Wide latency bound so that scheduling jitter of a busy machine cannot fail a step below capacity.
        RateSearch search = new RateSearch(new OpenLoop(256, Duration.ofSeconds(10)),
                new RateSearch.Criteria(0.95, 0.01, 1000), Duration.ofSeconds(1), 2);
        RateSearch.Result result = search.find("test", 5, 1600, i -> serve(20));
        // Only the upper bound is a law: how far below it the search lands depends on how busy the machine is.
        assertTrue(result.sustainedRps() > 0 && result.sustainedRps() <= 52,
                "a 20 ms single-thread server sustains at most 50/s, found " + result.sustainedRps());
        assertFalse(result.steps().isEmpty());
    }
}
