package cn.newsevents.ingest.post;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aTerminalGetsABarWithRateAndTimeLeftRedrawnInPlace() {
        Tally t = new Tally();
        for (int i = 0; i < 25; i++) {
            t.accepted("a-" + i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 100, 0);
        p.show(t, 5 * SECOND);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r[#######-----------------------] 25/100  25%  5/s  ETA 0:15"), shown);
    }

    @Test
    void elsewhereEachUpdateIsOnePlainLine() {
        Tally t = new Tally();
        t.accepted("a");
        t.accepted("a");
        t.refusal();
        Progress p = new Progress(System.out, false, 4, 0);
        assertEquals("3/4  75%  3/s  ETA 0:00  (accepted 1, duplicates 1, refused 1)", p.line(t, SECOND));
        assertEquals("1:01:01", Progress.clock(3661));
    }
}
