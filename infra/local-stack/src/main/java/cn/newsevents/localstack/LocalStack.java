package cn.newsevents.localstack;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.localstack.consume.TopicPrinter;
import sun.misc.Signal;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole pipeline on one machine without Docker: {@code run} (the default) starts a real Kafka broker, a
 * real PostgreSQL server and both services, posts the seed articles, prints what to try, and stays in the
 * foreground until Ctrl-C or SIGTERM, then stops everything in reverse order. {@code consume TOPIC} prints a topic.
 */
public final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> list = Arrays.asList(args);
        try {
            if (!list.isEmpty() && list.get(0).equals("consume")) {
                configureLogging(null);
                TopicPrinter.parse(list.subList(1, list.size())).run(out);
                System.exit(0);
            }
            if (list.contains("--help") || list.contains("-h")) {
                out.println(StackOptions.USAGE);
                return;
            }
            List<String> runArgs = !list.isEmpty() && list.get(0).equals("run") ? list.subList(1, list.size()) : list;
            StackOptions options = StackOptions.parse(runArgs, findRepository());
            configureLogging(options.dataDir().resolve("logs/local-stack.log"));
            System.exit(run(options, out));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Starts the stack, waits for a stop signal or a dead service, stops the stack; returns the exit status. */
    static int run(StackOptions options, PrintStream out) {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        Stack stack = Stack.create(options, out);
        // Once up, the signals only wake the main thread, which stops the parts in order (services before the
        // broker and the database they use). During start-up they exit at once; the hook stops what is running.
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> {
                if (started.get()) {
                    stop.countDown();
                } else {
                    out.println("Interrupted during start-up; stopping what did start.");
                    System.exit(130);
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            out.println("The local stack did not start: " + e.getMessage());
            out.println("Logs are in " + options.dataDir().resolve("logs") + ". Stopping what did start.");
            stack.close();
            return 1;
        }
        started.set(true);
        printTryIt(stack, out);
        int status = 0;
        try {
            while (!stop.await(1, TimeUnit.SECONDS)) {
                var dead = stack.services().stream().filter(s -> !s.alive()).findFirst();
                if (dead.isPresent()) {
                    out.println(dead.get().name() + " exited unexpectedly; stopping. End of its log:\n"
                            + dead.get().tail(30));
                    status = 1;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Stopping the local stack...");
        stack.close();
        return status;
    }

    private static void printTryIt(Stack stack, PrintStream out) {
        StackOptions o = stack.options();
        Path jarFile = jarPath(o);
        String jar = jarFile.startsWith(o.repoRoot()) ? o.repoRoot().relativize(jarFile).toString() : jarFile.toString();
        out.println();
        out.println("Open the page: http://127.0.0.1:" + o.queryPort() + "/   (latest seminars, filters, evidence,"
                + " live panel)");
        out.println();
        out.println("Try it (from " + o.repoRoot() + "):");
        out.println("  # post an article (text/plain in the seed layout, or JSON)");
        out.println("  curl -i -X POST http://127.0.0.1:" + o.ingestPort() + "/articles \\");
        out.println("       -H 'Authorization: Bearer " + stack.apiKey() + "' \\");
        out.println("       -H 'Content-Type: text/plain; charset=utf-8' --data-binary @seeds/changzhou-seminars.txt");
        out.println("  # the latest seminars, newest first");
        out.println("  curl -s 'http://127.0.0.1:" + o.queryPort() + "/seminars/latest?limit=5'");
        out.println("  # search seminars: q, city, participant, organization, from, to (simplified or traditional)");
        out.println("  curl -s -G 'http://127.0.0.1:" + o.queryPort() + "/seminars' --data-urlencode 'q=座谈会' "
                + "--data-urlencode 'from=2024-01-01'");
        out.println("  # post a folder of articles (seed layout, JSON, JSON Lines) with a progress bar");
        out.println("  java -jar " + (jar.contains("local-stack.jar") ? jar.replace("infra/local-stack/target/local-stack.jar",
                "ingest-service/target/ingest-service.jar") : "ingest-service/target/ingest-service.jar")
                + " post --url http://127.0.0.1:" + o.ingestPort() + " --key " + stack.apiKey() + " seeds/");
        out.println("  # live events as Server-Sent Events (type=seminar or company; resumes with Last-Event-ID)");
        out.println("  curl -N 'http://127.0.0.1:" + o.queryPort() + "/events/stream?type=seminar'");
        out.println("  # the seminar events published on Kafka, with their headers");
        out.println("  java -jar " + jar + " consume " + Topics.EVENTS_SEMINAR + " --bootstrap-server 127.0.0.1:" + o.kafkaPort());
        out.println("Ingest API key: " + stack.apiKey() + " (set INGEST_API_KEY to choose it)");
        out.println("Logs: " + o.dataDir().resolve("logs") + "   Stop: Ctrl-C");
        out.println();
    }

    private static Path jarPath(StackOptions o) {
        Path running = runningJar();
        return running != null ? running : o.repoRoot().resolve("infra/local-stack/target/local-stack.jar");
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p.toAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The repository: above the running jar (infra/local-stack/target/), else above the working directory. */
    static Path findRepository() {
        Path jar = runningJar();
        for (Path start : new Path[] {jar, Path.of("").toAbsolutePath()}) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("seeds")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Broker and database chatter goes to a file (or, for {@code consume}, only warnings to stderr). The file is
     * opened at the first log line, after the stack has prepared (and, with --clean, wiped) its data directory.
     */
    private static void configureLogging(Path logFile) {
        if (logFile != null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        } else {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    }
}
