package cn.newsevents.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * How to run the local stack: where the repository and the data live and which loopback ports to use.
 *
 * @param repoRoot       the repository (holds {@code seeds/} and the service jars under {@code *&#47;target})
 * @param dataDir        Kafka log, PostgreSQL data, child logs and the seed ledger; survives restarts
 * @param clean          wipe {@code dataDir} before starting
 * @param kafkaPort      the broker's client port
 * @param controllerPort the KRaft controller port
 * @param postgresPort   PostgreSQL
 * @param ingestPort     ingest-service HTTP
 * @param queryPort      query-service HTTP
 * @param seed           post the files of {@code seeds/} that were not ingested yet
 */
public record StackOptions(Path repoRoot, Path dataDir, boolean clean, int kafkaPort, int controllerPort,
                           int postgresPort, int ingestPort, int queryPort, boolean seed) {

    /** The usage text of the {@code run} command. */
    public static final String USAGE = """
            Usage: LocalStack [run] [--clean] [--data-dir DIR] [--repo DIR] [--kafka-port 9092]
                              [--controller-port 9093] [--postgres-port 5432] [--ingest-port 8080]
                              [--query-port 8081] [--no-seed]
                   LocalStack consume TOPIC [--bootstrap-server 127.0.0.1:9092] [--max-records N]
                              [--idle-timeout-seconds S]
            The data directory defaults to .local-stack/ in the repository; --clean wipes it first.
            The ingest API key comes from the environment variable INGEST_API_KEY, else one is generated
            and kept in the data directory.""";

    /** The layout of a repository checkout: the seed articles and the two service jars. */
    public Path seedsDir() {
        return repoRoot.resolve("seeds");
    }

    public Path ingestJar() {
        return repoRoot.resolve("ingest-service/target/ingest-service.jar");
    }

    public Path queryJar() {
        return repoRoot.resolve("query-service/target/query-service.jar");
    }

    /**
     * Parses the arguments of the {@code run} command.
     *
     * @param defaultRoot the repository found next to the running jar or above the working directory, or null
     * @throws IllegalArgumentException with a sentence naming the bad argument
     */
    public static StackOptions parse(List<String> args, Path defaultRoot) {
        Path root = defaultRoot;
        Path dataDir = null;
        boolean clean = false;
        boolean seed = true;
        int kafka = 9092;
        int controller = 9093;
        int postgres = 5432;
        int ingest = 8080;
        int query = 8081;
        Iterator<String> it = args.iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--clean" -> clean = true;
                case "--no-seed" -> seed = false;
                case "--repo" -> root = Path.of(value(arg, it));
                case "--data-dir" -> dataDir = Path.of(value(arg, it));
                case "--kafka-port" -> kafka = port(arg, value(arg, it));
                case "--controller-port" -> controller = port(arg, value(arg, it));
                case "--postgres-port" -> postgres = port(arg, value(arg, it));
                case "--ingest-port" -> ingest = port(arg, value(arg, it));
                case "--query-port" -> query = port(arg, value(arg, it));
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'.\n" + USAGE);
            }
        }
        if (root == null || !Files.isDirectory(root.resolve("seeds"))) {
            throw new IllegalArgumentException("Could not find the repository (a directory holding pom.xml and "
                    + "seeds/); run from inside it or pass --repo DIR.");
        }
        root = root.toAbsolutePath().normalize();
        dataDir = (dataDir == null ? root.resolve(".local-stack") : dataDir).toAbsolutePath().normalize();
        return new StackOptions(root, dataDir, clean, kafka, controller, postgres, ingest, query, seed);
    }

    private static String value(String flag, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException("The option " + flag + " needs a value.\n" + USAGE);
        }
        return it.next();
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The option " + flag + " takes a port number from 1 to 65535, not '"
                + value + "'.");
    }
}
