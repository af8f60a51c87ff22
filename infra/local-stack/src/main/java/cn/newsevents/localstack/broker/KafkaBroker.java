package cn.newsevents.localstack.broker;

import cn.newsevents.localstack.Poll;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real, single-node Kafka broker (KRaft, combined broker and controller) running in this JVM on 127.0.0.1.
 * Its log lives under the given directory and survives restarts: storage is formatted only the first time.
 */
public final class KafkaBroker implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dir} if it holds no broker yet, starts the broker and waits until it serves clients. */
    public static KafkaBroker start(Path dir, int port, int controllerPort) throws IOException {
        Path logDir = dir.resolve("logs");
        Files.createDirectories(logDir);
        Properties props = config(logDir, port, controllerPort);
        Path configFile = dir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            props.store(w, "Written by the local stack at every start; edits are overwritten.");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        try {
            broker.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    static Properties config(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic must accept a single replica, or consumer groups and
                // transactions never get a coordinator and consumers silently receive nothing.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "6"),
                Map.entry("auto.create.topics.enable", "true")));
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()
            }, print);
        }
        if (status != 0) {
            throw new IllegalStateException("Could not format the Kafka storage (" + configFile + "): "
                    + out.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(conf)) {
            Poll.until("the Kafka broker on " + bootstrapServers + " to serve clients", timeout, () -> {
                try {
                    return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()
                            ? Optional.empty() : Optional.of(true);
                } catch (Exception e) {
                    return Optional.empty();
                }
            });
        }
    }

    /** The {@code host:port} clients connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker cleanly, so the next start finds a consistent log. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
