package cn.newsevents.ingest.post;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how far a bulk post is: on a terminal one bar redrawn in place with the rate and the time left, elsewhere
 * (a log, a pipe) a plain line every few seconds, so logs stay readable.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long startNanos;

    Progress(PrintStream out, boolean terminal, long total, long startNanos) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.startNanos = startNanos;
    }

    /** How often {@link #show} should be called. */
    Duration period() {
        return terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5);
    }

    void show(Tally t, long nowNanos) {
        out.print(terminal ? "\r" + line(t, nowNanos) + "\u001b[K" : line(t, nowNanos) + System.lineSeparator());
        out.flush();
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    void finish(Tally t, long nowNanos) {
        show(t, nowNanos);
        if (terminal) {
            out.println();
        }
    }

    String line(Tally t, long nowNanos) {
        long done = t.done();
        double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
        double rate = done / seconds;
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        String eta = rate > 0 && done < total ? clock((long) ((total - done) / rate)) : done >= total ? "0:00" : "?";
        String head = String.format(Locale.ROOT, "%d/%d %3d%%  %.0f/s  ETA %s  (accepted %d, duplicates %d, refused %d)",
                done, total, percent, rate, eta, t.accepted(), t.duplicates(), t.refused());
        if (!terminal) {
            return head;
        }
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + head;
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
