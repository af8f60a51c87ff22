package cn.newsevents.testkit;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine is usable; {@code -Dtestkit.docker=false} forces the embedded services. */
final class Docker {
    private static volatile Boolean available;

    private Docker() {
    }

    static boolean available() {
        if (available == null) {
            String forced = System.getProperty("testkit.docker", System.getenv("TESTKIT_DOCKER"));
            if (forced != null) {
                available = Boolean.parseBoolean(forced);
            } else {
                boolean ok;
                try {
                    ok = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    ok = false;
                }
                available = ok;
            }
        }
        return available;
    }
}
