package cn.newsevents.ingest.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {
    @Test
    void burstIsGrantedThenRefillsAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 0.5, now::get);
        assertEquals(0, limiter.tryTake("k"));
        assertEquals(0, limiter.tryTake("k"));
        assertEquals(2, limiter.tryTake("k"));
        assertEquals(0, limiter.tryTake("other"));
        now.addAndGet(2_000_000_000L);
        assertEquals(0, limiter.tryTake("k"));
        assertEquals(2, limiter.tryTake("k"));
    }

    @Test
    void nonPositiveRateIsRefusedWithTheSettingToFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateLimiter(1, 0, System::nanoTime));
        assertEquals(true, e.getMessage().contains("INGEST_API_RATE_LIMIT_PER_SECOND"));
    }
}
