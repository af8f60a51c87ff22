package cn.newsevents.ingest.pipeline;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubling on each {@link #next()}, capped at {@code max}. Not thread-safe. */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration current;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** The pause to take now; the following one will be twice as long (up to the cap). */
    Duration next() {
        Duration d = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    void reset() {
        current = initial;
    }

    /** The pause before try {@code attempt + 1} of something first tried with pause {@code first}. */
    static Duration forAttempt(Duration first, int attempt) {
        return first.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
