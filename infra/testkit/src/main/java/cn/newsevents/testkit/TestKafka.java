package cn.newsevents.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker (KRaft, one node) for tests: a Testcontainers broker where Docker runs, otherwise an
 * in-process {@link KafkaClusterTestKit}. {@link #shared()} gives one broker per test JVM.
 */
public final class TestKafka implements AutoCloseable {
    private static TestKafka shared;

    private final KafkaClusterTestKit cluster;
    private final KafkaContainer container;
    private final String bootstrapServers;

    private TestKafka(KafkaClusterTestKit cluster, KafkaContainer container, String bootstrapServers) {
        this.cluster = cluster;
        this.container = container;
        this.bootstrapServers = bootstrapServers;
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
            return new TestKafka(null, c, c.getBootstrapServers());
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
            return new TestKafka(kit, null, kit.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker.", e);
        }
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
