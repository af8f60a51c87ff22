package cn.newsevents.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whatever happened to earlier requests, and its
 * latency runs from that due time (not from when it was actually sent) to its completion. A slow server therefore
 * shows up as latency instead of silently lowering the offered rate (no coordinated omission). In-flight requests are
 * capped; a request that waits for a free slot keeps counting latency from its due time.
 */
public final class OpenLoop {
    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(10);

    /**
     * What one fixed-rate step measured. Latencies are in microseconds; {@code maxMicrosPerSecond[s]} is the highest
     * latency of the requests due in second {@code s} of the step (to line slow seconds up with other records).
     */
    public record Step(double targetRps, long sent, long ok, long failed, double okRps, Histogram latencyMicros,
                       long[] maxMicrosPerSecond) {
        public double p50Ms() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Ms() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        public double maxMs() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        public double errorRate() {
            return sent == 0 ? 0 : (double) failed / sent;
        }

        @Override
        public String toString() {
            return String.format("target %8.0f/s  ok %8.0f/s  sent %7d  failed %5d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms",
                    targetRps, okRps, sent, failed, p50Ms(), p99Ms(), maxMs());
        }
    }

    private final int maxInFlight;
    private final Duration drainTimeout;

    /**
     * @param maxInFlight  cap on outstanding requests (protects the load generator, not the server)
     * @param drainTimeout how long to wait after the last due time for outstanding requests
     */
    public OpenLoop(int maxInFlight, Duration drainTimeout) {
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Offers {@code rps} requests per second for {@code duration}. {@code request.apply(i)} starts request {@code i}
     * and completes with true for a success; an exceptional or false completion counts as a failure.
     */
    public Step run(double rps, Duration duration, LongFunction<CompletableFuture<Boolean>> request) {
        long count = Math.max(1, Math.round(rps * duration.toNanos() / 1e9));
        double periodNanos = 1e9 / rps;
        Semaphore slots = new Semaphore(maxInFlight);
        ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicLong lastCompletion = new AtomicLong();
        int seconds = (int) Math.max(1, (duration.toNanos() + 999_999_999L) / 1_000_000_000L);
        AtomicLongArray maxPerSecond = new AtomicLongArray(seconds);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            outstanding.incrementAndGet();
            CompletableFuture<Boolean> future;
            try {
                future = request.apply(i);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((success, error) -> {
                long now = System.nanoTime();
                long micros = Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(0, (now - due) / 1000));
                latency.recordValue(micros);
                int second = (int) Math.min(maxPerSecond.length() - 1, (due - start) / 1_000_000_000L);
                maxPerSecond.accumulateAndGet(second, micros, Math::max);
                if (error == null && Boolean.TRUE.equals(success)) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                lastCompletion.accumulateAndGet(now, Math::max);
                outstanding.decrementAndGet();
                slots.release();
            });
        }
        long end = System.nanoTime();
        long drainDeadline = end + drainTimeout.toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long unfinished = outstanding.get();
        // Throughput over the offered window, or until the last answer if answers trailed behind it.
        double window = Math.max(duration.toNanos(), Math.max(end, lastCompletion.get()) - start) / 1e9;
        long[] perSecond = new long[maxPerSecond.length()];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = maxPerSecond.get(i);
        }
        return new Step(rps, count, ok.get(), failed.get() + unfinished, ok.get() / window, latency.copy(),
                perSecond);
    }
}
