package cn.newsevents.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;


/** Waits for a launcher process started by a test to report that its stack is ready. */
final class LauncherReady {
    private LauncherReady() {
    }

    /**
     * Registers a reaper so the launcher (and through it the stack) never outlives the test JVM, then waits until
     * {@code output} says the stack is ready; fails with the output if the launcher exits first.
     */
    static void await(Process launcher, Path output, Duration atMost, Duration pollInterval) {
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::destroy, "launcher-reaper"));
        Awaitility.await("the launcher to print that it is ready (" + output + ")").atMost(atMost)
                .pollInterval(pollInterval)
                .until(() -> {
                    String text = Files.readString(output, StandardCharsets.UTF_8);
                    if (!launcher.isAlive()) {
                        throw new AssertionError("The launcher exited with " + launcher.exitValue() + ":\n" + text);
                    }
                    return text.contains("Local stack ready");
                });
    }
}
