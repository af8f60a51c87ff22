package cn.newsevents.ingest.security;

import jakarta.inject.Singleton;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}. {@link #tryTake}
 * answers 0 when the request may go ahead, else the whole seconds to wait (for Retry-After).
 */
@Singleton
public class RateLimiter {
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SecuritySettings settings) {
        this(settings.rateLimitBurst(), settings.rateLimitPerSecond(), System::nanoTime);
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanoTime) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("The rate limit needs a burst of at least 1 and a positive rate per "
                    + "second; check INGEST_API_RATE_LIMIT_BURST and INGEST_API_RATE_LIMIT_PER_SECOND.");
        }
        this.capacity = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
    }

    /** Takes one token of {@code key}'s bucket; 0 when granted, else seconds until a token is available. */
    public long tryTake(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoTime.getAsLong())).take();
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
