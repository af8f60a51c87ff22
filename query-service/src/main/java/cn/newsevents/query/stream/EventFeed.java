package cn.newsevents.query.stream;

import cn.newsevents.contract.messaging.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@link Topics#EVENTS_SEMINAR} and {@link Topics#EVENTS_COMPANY} into the {@link EventHistory}. The
 * consumer assigns itself every partition instead of joining a group, so each instance sees every event and
 * instances never share or rebalance work; it starts at the end of each partition present at start (the page
 * reads older events from PostgreSQL) and at the beginning of partitions created later. Nothing is committed:
 * the stream is live, and a restarted instance starts from the end again.
 */
@Context
@Requires(property = "query.stream.enabled", value = "true", defaultValue = "true")
public class EventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    /** How often the partition list is looked up again, to follow topics created after this service started. */
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final EventHistory history;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    public EventFeed(EventHistory history, StreamConfig config) {
        this.history = history;
        Map<String, Object> c = new HashMap<>(config.securityProperties());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // The ingest service creates the topics with their partition count; a lookup must never create them.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-stream-" + UUID.randomUUID());
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "query-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the partitions of both event topics are assigned and positioned: later events will be seen. */
    public boolean ready() {
        return assigned;
    }

    private void run() {
        Set<TopicPartition> partitions = new HashSet<>();
        long nextRefresh = 0;
        boolean first = true;
        while (running) {
            try {
                if (System.nanoTime() - nextRefresh >= 0) {
                    Set<TopicPartition> found = lookUp();
                    if (!found.equals(partitions)) {
                        Set<TopicPartition> added = new HashSet<>(found);
                        added.removeAll(partitions);
                        consumer.assign(found);
                        if (!first) {
                            // Created after this service started: everything in them is new.
                            consumer.seekToBeginning(added);
                        }
                        // Positions are looked up now, not at the next poll, so "ready" means no later event is missed.
                        for (TopicPartition tp : added) {
                            consumer.position(tp);
                        }
                        partitions = found;
                    }
                    first = false;
                    assigned = partitions.stream().map(TopicPartition::topic).distinct().count()
                            == EventKind.values().length;
                    nextRefresh = System.nanoTime() + REFRESH.toNanos();
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(REFRESH.toMillis());
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    EventKind.ofTopic(r.topic()).ifPresent(kind -> history.append(kind, header(r, Topics.CE_ID),
                            new String(r.value(), StandardCharsets.UTF_8)));
                }
            } catch (WakeupException e) {
                // close() asked us to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A broker away is not fatal to a read-only service: the page keeps working, the stream resumes.
                LOG.warn("The event feed could not read from Kafka ({}); retrying in {} s.", e.toString(),
                        REFRESH.toSeconds());
                nextRefresh = 0;
                sleepQuietly();
            }
        }
    }

    private Set<TopicPartition> lookUp() {
        Set<TopicPartition> found = new HashSet<>();
        for (EventKind kind : EventKind.values()) {
            List<PartitionInfo> infos = consumer.partitionsFor(kind.topic());
            for (PartitionInfo p : infos == null ? new ArrayList<PartitionInfo>() : infos) {
                found.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(REFRESH.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
