package cn.newsevents.query.ops;

import jakarta.inject.Singleton;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. {@link #tryTake}
 * answers 0 when the request may go ahead, else the whole seconds to wait (for Retry-After). Clients are many and
 * come and go, so buckets that have refilled completely (their client idle for {@code burst / perSecond}) are
 * dropped now and then: a dropped bucket and a new one are the same full bucket.
 */
@Singleton
public class ClientRateLimiter {
    /** Takes between two sweeps of refilled buckets. */
    private static final int SWEEP_EVERY = 4_096;

    private final boolean enabled;
    private final double capacity;
    private final double perNano;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();

    public ClientRateLimiter(RateLimitSettings settings) {
        this(settings.burst(), settings.perSecond(), System::nanoTime);
    }

    ClientRateLimiter(int burst, double perSecond, LongSupplier nanoTime) {
        if (perSecond < 0 || (perSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("The rate limit needs a burst of at least 1 and a rate per second of "
                    + "0 (off) or more; check QUERY_RATE_LIMIT_BURST and QUERY_RATE_LIMIT_PER_SECOND.");
        }
        this.enabled = perSecond > 0;
        this.capacity = Math.max(1, burst);
        this.perNano = perSecond / 1e9;
        this.refillNanos = enabled ? (long) Math.ceil(capacity / perNano) : 0;
        this.nanoTime = nanoTime;
    }

    /** Takes one token of {@code client}'s bucket; 0 when granted, else seconds until a token is available. */
    public long tryTake(String client) {
        if (!enabled) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> b.refilled(now));
        }
        return buckets.computeIfAbsent(client, k -> new Bucket(capacity, now)).take(now);
    }

    /** Clients with a bucket held (for tests and metrics). */
    int clients() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean refilled(long now) {
            return now - last >= refillNanos;
        }
    }
}
