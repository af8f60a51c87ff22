package cn.newsevents.bench.load;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPU accounting from /proc: work done by this JVM shows up under its own role, between two snapshots. */
class ProcessCpuTest {
    @Test
    void busyWorkOfThisProcessIsCountedAsTheLoadTool() {
        Map<String, Double> before = ProcessCpu.snapshot();
        assertFalse(before.isEmpty(), "this machine has /proc");
        long deadline = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < deadline) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        Map<String, Double> used = ProcessCpu.between(before, ProcessCpu.snapshot());
        assertTrue(used.getOrDefault("loadTool", 0.0) >= 0.15, "300 ms of spinning, counted: " + used + " " + x);
        used.values().forEach(seconds -> assertTrue(seconds >= 0.01, "small entries are left out: " + used));
    }
}
