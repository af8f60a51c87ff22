package cn.newsevents.localstack.process;

import cn.newsevents.localstack.Poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service jar running as a child JVM ({@code java -Xmx256m -jar JAR}) on a loopback HTTP port, configured only
 * through its environment, with stdout and stderr appended to a log file. It is ready when {@code GET /health}
 * answers 200.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Thread reaper;

    private ServiceProcess(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        // Whatever way this JVM ends, the child must not outlive it (it would keep its port and consumer group).
        this.reaper = new Thread(this::stopAndWait, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code jar}; {@code env} is added to this process's environment, with MICRONAUT_SERVER_PORT set to
     * {@code port}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logFile)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("The " + name + " jar " + jar + " does not exist; build it first with "
                    + "'mvn -DskipTests package' from the repository root.");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, port, logFile, builder.start());
    }

    /** Waits until {@code GET /health} answers 200; fails early, with the end of the log, if the JVM exits. */
    public void awaitHealthy(Duration timeout) {
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Poll.until(name + " to answer GET " + health.uri() + " (log: " + logFile + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " process exited with status " + process.exitValue()
                        + " before it was healthy. End of " + logFile + ":\n" + tail(40));
            }
            try {
                int status = HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name + ".", e);
            }
        });
    }

    /** The last {@code lines} lines of the log file, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Asks the JVM to stop (SIGTERM, so its shutdown hooks run) without waiting. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Kills the JVM at once (SIGKILL), as a crash or the OOM killer would: no shutdown hook runs, nothing is
     * committed or flushed. Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The " + name + " process (pid " + process.pid()
                        + ") was still running 30 s after SIGKILL.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed " + name + " to exit.", e);
        }
    }

    /** Asks the JVM to stop and waits; kills it if it has not exited in 30 s. */
    @Override
    public void close() {
        stopAndWait();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs or ran anyway
        }
    }

    private void stopAndWait() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
