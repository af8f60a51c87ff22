package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates the Kafka clients of this service from {@link KafkaSettings}. One producer is shared by the API, the
 * outbox relay and the dead-letter path ({@code acks=all}, idempotent, bounded blocking so callers fail fast
 * when the broker is away); consumers and admin clients are created per use and closed by their user. Every
 * client connects with the security settings of {@link KafkaSettings#securityProperties()} (SASL when configured).
 */
@Singleton
public class KafkaClients {
    /** The consumer's own default of {@code fetch.max.bytes}, kept as the most. */
    private static final long FETCH_MAX_BYTES = 52_428_800;
    private final KafkaSettings settings;
    private volatile Producer<byte[], byte[]> producer;

    public KafkaClients(KafkaSettings settings) {
        this.settings = settings;
    }

    public KafkaSettings settings() {
        return settings;
    }

    /** The shared producer, created on first use. */
    public Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(),
                            new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** A new consumer without auto-commit; the caller subscribes, commits and closes it. */
    public Consumer<byte[], byte[]> newConsumer(String groupId, int maxPollRecords) {
        return newConsumer(groupId, maxPollRecords, null);
    }

    /**
     * A new consumer without auto-commit whose {@code max.poll.interval.ms} is {@code maxPollInterval} (the
     * client's default when null); the caller subscribes, commits and closes it.
     */
    public Consumer<byte[], byte[]> newConsumer(String groupId, int maxPollRecords, Duration maxPollInterval) {
        return new KafkaConsumer<>(consumerConfig(groupId, maxPollRecords, maxPollInterval),
                BoundedBytesDeserializer.keys(RecordLimits.MAX_KEY_BYTES),
                BoundedBytesDeserializer.values(RecordLimits.MAX_RECORD_BYTES));
    }

    /**
     * The configuration of {@link #newConsumer}. Memory per poll is bounded in bytes, not only in records: fetch
     * sizes count compressed bytes, so they cannot bound what a poll holds once decompressed. Instead every key
     * and value is at most {@link RecordLimits} (larger ones are dropped by {@link BoundedBytesDeserializer}) and
     * {@code max.poll.records} is capped so that that many of the largest records fit in {@code maxPollBytes}.
     * The compressed fetch buffer is bounded separately by {@code fetch.max.bytes}.
     */
    Map<String, Object> consumerConfig(String groupId, int maxPollRecords, Duration maxPollInterval) {
        Map<String, Object> c = new HashMap<>(settings.securityProperties());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RecordLimits.recordsWithin(settings.maxPollBytes(),
                maxPollRecords));
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, (int) Math.min(FETCH_MAX_BYTES,
                Math.max(RecordLimits.MAX_RECORD_BYTES, settings.maxPollBytes() / 4)));
        if (maxPollInterval != null) {
            c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                    maxPollInterval.toMillis()));
        }
        // Topics are created with their intended partition count by TopicSetup, never implicitly by a subscription.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-processor-" + groupId);
        return c;
    }

    /** A new admin client with bounded request times; the caller closes it. */
    public Admin newAdmin() {
        Map<String, Object> c = new HashMap<>(settings.securityProperties());
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(c);
    }

    private Map<String, Object> producerConfig() {
        long delivery = settings.producerDeliveryTimeout().toMillis();
        long linger = 5;
        Map<String, Object> c = new HashMap<>(settings.securityProperties());
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.producerMaxBlock().toMillis());
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms.
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, delivery - linger - 100));
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        c.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // An article may be up to 1 MB of text before JSON escaping.
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        return c;
    }

    @PreDestroy
    void close() {
        Producer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
