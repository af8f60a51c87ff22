package cn.newsevents.ingest.support;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads and writes topics of the shared test broker directly, without consumer groups. */
public final class KafkaProbe {
    private KafkaProbe() {
    }

    /** Every record of {@code topic} matching {@code filter}, read from the beginning until {@code done} holds. */
    public static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
                                                                 Predicate<ConsumerRecord<byte[], byte[]>> filter,
                                                                 Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                                 Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (!done.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every record of {@code topic} matching {@code filter}, from the beginning to the end offsets of the moment of
     * the call: what the topic holds now, neither waiting for more nor stopping early.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic,
                                                                 Predicate<ConsumerRecord<byte[], byte[]>> filter) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> tps = partitions(c, topic);
            if (tps.isEmpty()) {
                return found;
            }
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(tps));
            c.assign(tps);
            c.seekToBeginning(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end offsets " + end + ".");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /**
     * How many event records both event topics hold now with one of {@code keys} (article ids) as key; the records
     * opening a new event set ({@link Topics#ARTICLE_EVENTS_REPLACED_TYPE}) are not counted.
     */
    public static int eventsPublishedFor(Collection<String> keys) {
        int n = 0;
        for (String topic : List.of(Topics.EVENTS_SEMINAR, Topics.EVENTS_COMPANY)) {
            n += readToEnd(topic, r -> keys.contains(key(r)) && isEvent(r)).size();
        }
        return n;
    }

    /** Whether {@code r} is an event, not a record opening a new event set. */
    public static boolean isEvent(ConsumerRecord<byte[], byte[]> r) {
        return !Topics.ARTICLE_EVENTS_REPLACED_TYPE.equals(header(r, Topics.CE_TYPE));
    }

    /** How many records both event topics hold now for article {@code id}. */
    public static int eventsPublishedFor(String id) {
        return eventsPublishedFor(Set.of(id));
    }

    /** The sum of the end offsets of {@code topic}'s partitions: grows with every record written. */
    public static long endOffsetSum(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            return c.endOffsets(partitions(c, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The sum of the offsets consumer group {@code groupId} has committed on {@code topic}'s partitions. */
    public static long committedOffsetSum(String groupId, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.shared().bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /**
     * Commits the current end of {@code topic} for consumer group {@code groupId}, so a processor started with
     * that group sees only records written from now on, not those of earlier tests on the shared broker.
     */
    public static void startGroupAtEnd(String groupId, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> tps = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new HashMap<>();
            c.endOffsets(tps).forEach((tp, end) -> offsets.put(tp,
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(end)));
            c.commitSync(offsets);
        }
    }

    /** Writes one record and waits for the acknowledgement. */
    public static void send(String topic, byte[] key, byte[] value) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic + ".", e);
        }
    }

    /** The UTF-8 value of header {@code name}, or null. */
    public static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<byte[], byte[]> r) {
        return r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    }

    /** The partitions of {@code topic}, or none when it does not exist. */
    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Creates {@code topic} with {@code partitions} partitions, or adds partitions up to that many. */
    public static void ensurePartitions(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.shared().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all().get();
                return;
            }
            int current = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            if (current < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
            }
        }
    }
}
