package cn.newsevents.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessCpu} snapshots once a second while a measurement runs, to tell which process used the CPU in the
 * second a slow request was due (a background job of the database, the compiler, the relay...).
 */
final class CpuSeries implements AutoCloseable {
    private record Sample(long nanos, Map<String, Double> cpu) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cpu-series");
        t.setDaemon(true);
        return t;
    });

    private CpuSeries() {
    }

    /** Starts sampling now and every second. */
    static CpuSeries start() {
        CpuSeries series = new CpuSeries();
        series.thread.scheduleAtFixedRate(series::sample, 0, 1, TimeUnit.SECONDS);
        return series;
    }

    private void sample() {
        Sample s = new Sample(System.nanoTime(), ProcessCpu.snapshot());
        synchronized (samples) {
            samples.add(s);
        }
    }

    /**
     * CPU seconds per role, largest first, in the sampled second that holds {@code nanos} ({@link System#nanoTime}),
     * or an empty map outside the sampled time.
     */
    Map<String, Double> secondAt(long nanos) {
        synchronized (samples) {
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).nanos() > nanos) {
                    return samples.get(i - 1).nanos() <= nanos
                            ? ProcessCpu.between(samples.get(i - 1).cpu(), samples.get(i).cpu()) : Map.of();
                }
            }
        }
        return Map.of();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
