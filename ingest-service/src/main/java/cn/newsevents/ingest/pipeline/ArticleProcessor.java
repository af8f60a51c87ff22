package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.messaging.KafkaClients;
import cn.newsevents.ingest.store.ArticleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes {@link Topics#ARTICLES_RAW} on one managed thread: polls, hands each poll to the {@link BatchHandler}
 * (which stores its articles and dead-letters the records given up on), then, and only then, commits the poll's
 * offsets. {@link FlowControl} decides when it may read.
 *
 * <p>When the database (or the broker, for dead letters and commits) is unavailable, the consumer seeks back to
 * the first uncommitted offset of every partition of the poll, pauses, probes with exponential backoff and
 * resumes: nothing is lost and nothing is skipped. Delivery into the database is at least once; unique ids and
 * content hashes make repeats no-ops.
 */
@Singleton
@Requires(property = "ingest.processor.enabled", notEquals = "false")
public class ArticleProcessor implements GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

    private final KafkaClients kafka;
    private final OutboxRelay relay;
    private final ProcessorSettings settings;
    private final ProcessorMetrics metrics;
    private final FlowControl flow;
    private final BatchHandler handler;
    private final AtomicInteger assigned = new AtomicInteger();

    private volatile boolean running;
    private volatile Thread thread;

    public ArticleProcessor(KafkaClients kafka, ArticleAnalyzer analyzer, ArticleStore store, DeadLetters deadLetters,
                            OutboxRelay relay, EventBounds bounds, ProcessorSettings settings, Clock clock,
                            MeterRegistry meters) {
        this.kafka = kafka;
        this.relay = relay;
        this.settings = settings;
        this.metrics = new ProcessorMetrics(meters);
        this.flow = new FlowControl(settings, clock, store::reachable, metrics);
        this.handler = new BatchHandler(analyzer, store, bounds, settings, clock, deadLetters::send, relay::trigger,
                metrics);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Starts the consumer thread (once). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        relay.start();
        Thread t = new Thread(this::loop, "article-processor");
        thread = t;
        t.start();
    }

    /** Whether the consumer thread is alive. */
    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** How many partitions of {@link Topics#ARTICLES_RAW} this instance consumes now. */
    public int assignedPartitions() {
        return assigned.get();
    }

    /** Whether consumption is paused because a dependency is down. */
    public boolean paused() {
        return flow.paused();
    }

    /**
     * Holds consumption (an operator's pause: for database maintenance, or to let a backlog build up): the
     * batch in hand is finished and committed, then no record is read until {@link #release()}. The consumer
     * stays in its group meanwhile, so its partitions do not move to another instance.
     */
    public void hold() {
        flow.hold();
    }

    /** Ends a {@link #hold()}; consumption resumes at the next poll unless a dependency is down. */
    public void release() {
        flow.release();
    }

    /** Whether an operator holds consumption. */
    public boolean held() {
        return flow.held();
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        return CompletableFuture.runAsync(this::stop);
    }

    /** Lets the current batch finish and commit, then closes the consumer. */
    @PreDestroy
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(settings.pollTimeout().toMillis() + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        relay.trigger();
    }

    private void loop() {
        try (Consumer<byte[], byte[]> consumer = kafka.newConsumer(settings.groupId(), settings.maxPollRecords(),
                settings.maxPollInterval())) {
            consumer.subscribe(List.of(Topics.ARTICLES_RAW), new Rebalances(consumer));
            while (running) {
                flow.mayHandle(consumer);
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (KafkaException e) {
                    LOG.warn("Polling {} failed ({}); retrying.", Topics.ARTICLES_RAW, e.toString());
                    sleep(flow.pollFailed());
                    continue;
                }
                // A hold that came during the poll applies to what it returned: read again after the release.
                if (!flow.mayHandle(consumer)) {
                    // Paused partitions return nothing; should a record slip through, read it again later.
                    rewind(consumer, records);
                    flow.probe(consumer);
                } else if (!records.isEmpty()) {
                    handle(consumer, records);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The article processor stopped unexpectedly; uncommitted records will be consumed again "
                    + "after a restart.", e);
        } finally {
            handler.close();
        }
        LOG.info("The article processor stopped.");
    }

    private void handle(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        long start = System.nanoTime();
        try {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
            records.forEach(batch::add);
            BatchHandler.Handled handled = handler.handle(batch);
            commit(consumer, records);
            metrics.committed(handled.result(), handled.deadLettered());
            flow.succeeded();
        } catch (Outage e) {
            rewind(consumer, records);
            flow.outage(consumer, records.count(), e.getCause());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while handling a batch; it will be handled again.", e);
            rewind(consumer, records);
            flow.outage(consumer, records.count(), e);
        } finally {
            metrics.batchTook(System.nanoTime() - start);
        }
    }

    /**
     * Commits the offsets after {@code records}.
     *
     * @throws Outage when the broker did not take the commit; the batch is then handled again
     */
    private static void commit(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records)
            throws Outage {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> in = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(in.get(in.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another member, which starts from the last committed offsets; the writes
            // just made are idempotent, so the repeat is harmless.
            LOG.warn("Offsets could not be committed after a rebalance ({}); the batch will be seen again.",
                    e.toString());
        } catch (KafkaException e) {
            throw new Outage(e);
        }
    }

    private static void rewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    /** Counts the partitions this instance consumes and lets {@link FlowControl} pause new ones. */
    private final class Rebalances implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> consumer;

        Rebalances(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.set(consumer.assignment().size());
            flow.assigned(consumer, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed synchronously after every batch: nothing is in flight here.
            assigned.set(Math.max(0, consumer.assignment().size() - partitions.size()));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
