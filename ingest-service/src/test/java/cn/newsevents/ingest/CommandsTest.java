package cn.newsevents.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {
    @Test
    void reprocessOptionsAreParsed() {
        assertEquals(new Commands.ReprocessOptions(false, 50), Commands.parse(new String[] {"reprocess"}));
        assertEquals(new Commands.ReprocessOptions(true, 7),
                Commands.parse(new String[] {"reprocess", "--batch", "7", "--all"}));
    }

    @Test
    void replayOptionsAreParsed() {
        assertEquals(new Commands.ReplayOptions(Long.MAX_VALUE, "newsevents-dlt-replay"),
                Commands.parse(new String[] {"replay-dlt"}));
        assertEquals(new Commands.ReplayOptions(3, "g"),
                Commands.parse(new String[] {"replay-dlt", "--max", "3", "--group", "g"}));
    }

    @Test
    void wrongArgumentsAreRefusedWithASentenceAndExitCodeTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Commands.parse(new String[] {"reprocess", "--batch", "0"}));
        assertEquals("--batch needs a whole number from 1 to 10000.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Commands.parse(new String[] {"replay-dlt", "--all"}));
        assertThrows(IllegalArgumentException.class, () -> Commands.parse(new String[] {"reprocess", "--batch"}));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Commands.run(new String[] {"replay-dlt", "--max", "x"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage:"));
    }
}
