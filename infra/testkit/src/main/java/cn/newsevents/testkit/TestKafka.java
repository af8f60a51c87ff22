package cn.newsevents.testkit;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, one node) for tests: a Testcontainers broker where Docker runs, otherwise an
 * in-process {@link KafkaClusterTestKit}. {@link #shared()} gives one broker per test JVM. {@link #startSecured()}
 * gives an in-process broker that authenticates clients (SASL, PLAIN and SCRAM-SHA-512) and authorises them with
 * ACLs, as a production broker should.
 */
public final class TestKafka implements AutoCloseable {
    private static TestKafka shared;

    private final KafkaClusterTestKit cluster;
    private final KafkaContainer container;
    private final String bootstrapServers;
    private final Map<String, Object> adminProperties;

    /** The super user of {@link #startSecured()}: it creates SCRAM users and ACLs (SASL/PLAIN). */
    public static final String ADMIN_USER = "plain-admin";
    private static final String ADMIN_PASSWORD = "plain-admin-secret";

    private TestKafka(KafkaClusterTestKit cluster, KafkaContainer container, String bootstrapServers,
                      Map<String, Object> adminProperties) {
        this.cluster = cluster;
        this.container = container;
        this.bootstrapServers = bootstrapServers;
        this.adminProperties = adminProperties;
    }

    /** The broker shared by all tests of this JVM, started on first use and stopped at JVM exit. */
    public static synchronized TestKafka shared() {
        if (shared == null) {
            shared = start();
            ExitHooks.stopAtExit("test-kafka-stop", shared::close);
        }
        return shared;
    }

    /** Starts a new broker; the caller closes it. */
    public static TestKafka start() {
        if (Docker.available()) {
            KafkaContainer c = new KafkaContainer("apache/kafka:4.1.1");
            c.start();
            return new TestKafka(null, c, c.getBootstrapServers(), Map.of("bootstrap.servers", c.getBootstrapServers()));
        }
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // Without replication factor 1 for offsets, consumer groups never get a coordinator.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new TestKafka(kit, null, kit.bootstrapServers(), Map.of("bootstrap.servers", kit.bootstrapServers()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker.", e);
        }
    }

    /**
     * Starts a new in-process broker whose client listener speaks SASL_PLAINTEXT with the mechanisms PLAIN (for
     * {@link #ADMIN_USER} only, a super user) and SCRAM-SHA-512 (users created through the Admin API with
     * {@link #adminProperties()}), and the {@code StandardAuthorizer} denying whatever no ACL allows. The
     * controller listener stays plaintext on loopback, its principal a super user, so the node can talk to
     * itself. In-process even where Docker runs; the caller closes it.
     */
    public static TestKafka startSecured() {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN_USER + "=\"" + ADMIN_PASSWORD + "\";";
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                    .setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN")
                    .setConfigProp("listener.name.external.plain.sasl.jaas.config", plain)
                    .setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                    .setConfigProp("super.users", "User:" + ADMIN_USER + ";User:ANONYMOUS")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Map<String, Object> admin = Map.of("bootstrap.servers", kit.bootstrapServers(),
                    "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                            + "\" password=\"" + ADMIN_PASSWORD + "\";");
            return new TestKafka(kit, null, kit.bootstrapServers(), admin);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker with SASL.", e);
        }
    }

    /** Client properties of a super user (bootstrap servers only, on a broker without authentication). */
    public Map<String, Object> adminProperties() {
        return adminProperties;
    }

    /** Whether this broker runs in a container (Docker) rather than in-process. */
    public boolean containerised() {
        return container != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void close() {
        try {
            if (cluster != null) {
                cluster.close();
            }
            if (container != null) {
                container.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Kafka broker.", e);
        }
    }
}
