package cn.newsevents.localstack;

import cn.newsevents.contract.messaging.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of one scenario as published on {@code events.seminar} and {@code events.company}: which stored events
 * reached the topics and how many records repeat a {@code ce_id}. The outbox relays at least once, so a relay killed
 * between sending and marking a row sends it again; consumers recognise the repeat by its {@code ce_id}.
 */
record PublishedEvents(int stored, int published, int repeated) {
    private static final List<String> TOPICS = List.of(Topics.EVENTS_SEMINAR, Topics.EVENTS_COMPANY);
    private static final String STORED_EVENTS = """
            SELECT e.id, e.article_id FROM seminars e JOIN articles a ON a.id = e.article_id
             WHERE a.url LIKE ?
            UNION ALL
            SELECT e.id, e.article_id FROM company_events e JOIN articles a ON a.id = e.article_id
             WHERE a.url LIKE ?""";

    /** The stored events of the articles under {@code urlPrefix}: event id to article id. */
    static Map<String, String> storedEvents(Connection db, String urlPrefix) throws SQLException {
        Map<String, String> events = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(STORED_EVENTS)) {
            ps.setString(1, urlPrefix + "%");
            ps.setString(2, urlPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return events;
    }

    /**
     * Reads both topics from the beginning (assigned partitions, no consumer group) until every stored event was
     * seen or {@code timeout} passed, counting records per {@code ce_id} of the scenario's articles.
     */
    static PublishedEvents read(String bootstrapServers, Map<String, String> storedEvents, Duration timeout) {
        Set<String> articles = new HashSet<>(storedEvents.values());
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.keySet().containsAll(storedEvents.keySet()) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header ceId = r.headers().lastHeader(Topics.CE_ID);
                    if (ceId != null && articles.contains(r.key())) {
                        seen.merge(new String(ceId.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
            // Whatever is on the topics now counts: read up to the current end so late repeats show too.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline + Duration.ofSeconds(10).toNanos()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header ceId = r.headers().lastHeader(Topics.CE_ID);
                    if (ceId != null && articles.contains(r.key())) {
                        seen.merge(new String(ceId.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        int published = (int) storedEvents.keySet().stream().filter(seen::containsKey).count();
        int repeated = seen.values().stream().mapToInt(n -> n - 1).sum();
        return new PublishedEvents(storedEvents.size(), published, repeated);
    }
}
