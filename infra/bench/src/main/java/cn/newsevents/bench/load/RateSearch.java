package cn.newsevents.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Finds the highest rate a server sustains: fixed-rate open-loop steps, doubling from {@code startRps} until a step
 * fails (or halving until one passes), then bisecting between the last passing and the first failing rate. A step passes when at least
 * {@code minOkFraction} of the offered rate came back successful, errors stay under {@code maxErrorRate}, and the
 * p99 latency (from due time) stays under {@code maxP99Ms}: past saturation queues grow and p99 explodes.
 */
public final class RateSearch {
    /** When a step counts as sustained. */
    public record Criteria(double minOkFraction, double maxErrorRate, double maxP99Ms) {
        public boolean passes(OpenLoop.Step step) {
            return step.okRps() >= minOkFraction * step.targetRps() && step.errorRate() <= maxErrorRate
                    && step.p99Ms() <= maxP99Ms;
        }
    }

    /** The highest passing step (null when none passed) and every step run. */
    public record Result(OpenLoop.Step best, List<OpenLoop.Step> steps) {
        /** The successful rate achieved in the best passing step, 0 when no step passed. */
        public double sustainedRps() {
            return best == null ? 0 : best.okRps();
        }
    }

    private final OpenLoop loop;
    private final Criteria criteria;
    private final Duration stepDuration;
    private final int refinements;

    public RateSearch(OpenLoop loop, Criteria criteria, Duration stepDuration, int refinements) {
        this.loop = loop;
        this.criteria = criteria;
        this.stepDuration = stepDuration;
        this.refinements = refinements;
    }

    /**
     * Runs the search; {@code label} prefixes the progress lines printed to standard error. A warmup step at
     * half of {@code startRps} comes first and is not judged (the JIT of a fresh server would fail it). If the
     * first judged step fails, the rate is halved until a step passes or the rate falls below a sixteenth of
     * {@code startRps}, then the search bisects as usual.
     */
    public Result find(String label, double startRps, double maxRps, LongFunction<CompletableFuture<Boolean>> request) {
        List<OpenLoop.Step> steps = new ArrayList<>();
        OpenLoop.Step warm = loop.run(startRps / 2, stepDuration, request);
        System.err.printf("%-16s %s  warmup%n", label, warm);
        OpenLoop.Step best = null;
        double low = 0;
        double high = 0;
        for (double rate = startRps; rate <= maxRps; rate *= 2) {
            OpenLoop.Step step = step(label, rate, request, steps);
            if (!criteria.passes(step)) {
                high = rate;
                break;
            }
            best = step;
            low = rate;
        }
        for (double rate = startRps / 2; best == null && rate >= startRps / 16; rate /= 2) {
            OpenLoop.Step step = step(label, rate, request, steps);
            if (criteria.passes(step)) {
                best = step;
                low = rate;
            } else {
                high = rate;
            }
        }
        for (int i = 0; i < refinements && high > 0 && low > 0; i++) {
            double rate = (low + high) / 2;
            OpenLoop.Step step = step(label, rate, request, steps);
            if (criteria.passes(step)) {
                best = step;
                low = rate;
            } else {
                high = rate;
            }
        }
        return new Result(best, steps);
    }

    private OpenLoop.Step step(String label, double rate, LongFunction<CompletableFuture<Boolean>> request,
                               List<OpenLoop.Step> steps) {
        OpenLoop.Step step = loop.run(rate, stepDuration, request);
        steps.add(step);
        System.err.printf("%-16s %s  %s%n", label, step, criteria.passes(step) ? "ok" : "NOT SUSTAINED");
        // Let queues left by a saturating step drain before the next one.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        return step;
    }
}
