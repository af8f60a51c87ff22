package cn.newsevents.testkit;

/**
 * Stops shared test servers when the test JVM exits, each within a bounded time. The test runner gives a
 * finishing JVM a limited time to exit and fails the whole module when it takes longer, even though every test
 * passed; a broker's controlled shutdown can take that long. A server not stopped in time dies with the JVM.
 */
final class ExitHooks {
    private static final long STOP_WITHIN_MILLIS = 10_000;

    private ExitHooks() {
    }

    /** Runs {@code stop} at JVM exit, waiting for it at most ten seconds. */
    static void stopAtExit(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread stopping = new Thread(stop, name);
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(STOP_WITHIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-hook"));
    }
}
