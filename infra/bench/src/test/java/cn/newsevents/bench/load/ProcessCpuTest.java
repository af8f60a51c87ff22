package cn.newsevents.bench.load;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPU accounting from /proc: work done by this JVM shows up under its own role, between two snapshots. The work is
 * measured by this thread's own CPU clock, not the wall clock, so a loaded machine (which only stretches the wall
 * time of the work) cannot make the check fail.
 */
class ProcessCpuTest {
    /** CPU time this thread spends busy between the snapshots. */
    private static final long BUSY_NANOS = 200_000_000L;
    /**
     * What /proc may show less than the thread's CPU clock: its counters are whole ticks of 10 ms, truncated, and the
     * thread's time is split into user and system ticks, each truncated.
     */
    private static final double TICK_SLACK_SECONDS = 0.03;

    @Test
    void busyWorkOfThisProcessIsCountedAsTheLoadTool() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM measures the CPU time of a thread");
        threads.setThreadCpuTimeEnabled(true);
        Map<String, Double> before = ProcessCpu.snapshot();
        assertFalse(before.isEmpty(), "this machine has /proc");
        long cpu0 = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - cpu0 < BUSY_NANOS) {
            for (int i = 0; i < 10_000; i++) {
                x += Long.numberOfTrailingZeros(x + i) ^ i;
            }
        }
        double busy = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Map<String, Double> used = ProcessCpu.between(before, ProcessCpu.snapshot());
        assertTrue(used.getOrDefault("loadTool", 0.0) >= busy - TICK_SLACK_SECONDS,
                busy + " s of this thread's CPU, counted: " + used + " " + x);
        used.values().forEach(seconds -> assertTrue(seconds >= 0.01, "small entries are left out: " + used));
    }
}
