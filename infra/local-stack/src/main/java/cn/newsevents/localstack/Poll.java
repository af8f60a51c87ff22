package cn.newsevents.localstack;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it. The launcher has to wait for servers it does not control (a child JVM
 * opening its port, an event reaching the query side); polling is the only signal they give.
 */
public final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {
    }

    /**
     * Polls {@code probe} until it yields a value or {@code timeout} passes.
     *
     * @throws IllegalStateException naming {@code what} when the time runs out
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting after " + timeout.toSeconds() + " s for " + what + ".");
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what + ".", e);
            }
        }
    }
}
