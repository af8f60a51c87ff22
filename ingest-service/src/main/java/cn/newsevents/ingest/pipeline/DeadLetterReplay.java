package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.messaging.KafkaClients;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts records of {@link Topics#ARTICLES_RAW_DLT} back on {@link Topics#ARTICLES_RAW}: same key and value, the
 * original headers without the {@code dlt_*} ones, plus {@link Topics#REPLAY_OF}, {@link Topics#REPLAY_TIME} and
 * {@link Topics#REPLAY_COUNT}. It reads the records present when it starts, in its own consumer group, and
 * commits the group's offsets only after the broker acknowledged the copies, so each dead letter is replayed
 * once however often the replay runs (a crash between the two replays the last poll again). Run one replay of a
 * group at a time.
 */
@Singleton
public class DeadLetterReplay {
    /** The default consumer group of replays. */
    public static final String GROUP = "newsevents-dlt-replay";

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClients kafka;
    private final Clock clock;

    public DeadLetterReplay(KafkaClients kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Replays at most {@code max} records not yet replayed by {@code group}; returns how many it replayed. */
    public int replay(String group, long max, PrintStream progress)
            throws InterruptedException, ExecutionException, TimeoutException {
        long wait = kafka.settings().producerMaxBlock().plus(kafka.settings().producerDeliveryTimeout()).toMillis();
        int replayed = 0;
        try (Consumer<byte[], byte[]> consumer = kafka.newConsumer(group, 500)) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.ARTICLES_RAW_DLT, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                progress.printf("%s does not exist: nothing to replay.%n", Topics.ARTICLES_RAW_DLT);
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(Topics.ARTICLES_RAW_DLT, i.partition())).toList();
            // Assigned, not subscribed: no rebalance to wait for, and the group's committed offsets still apply.
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (replayed < max && !reachedEnd(consumer, end)) {
                List<ConsumerRecord<byte[], byte[]>> taken = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (replayed + taken.size() < max && r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        taken.add(r);
                    }
                }
                if (taken.isEmpty()) {
                    continue;
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>(taken.size());
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : taken) {
                    sent.add(kafka.producer().send(copy(r)));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                for (Future<RecordMetadata> f : sent) {
                    f.get(wait, TimeUnit.MILLISECONDS);
                }
                consumer.commitSync(offsets);
                // Records of this poll beyond the limit are read again by the next replay, not skipped.
                offsets.forEach((tp, o) -> consumer.seek(tp, o.offset()));
                replayed += taken.size();
                progress.printf("Replayed %d record(s) of %s to %s.%n", replayed, Topics.ARTICLES_RAW_DLT,
                        Topics.ARTICLES_RAW);
            }
        }
        return replayed;
    }

    private static boolean reachedEnd(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> r) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.ARTICLES_RAW, r.key(), r.value());
        int count = 0;
        for (Header h : r.headers()) {
            if (h.key().equals(Topics.REPLAY_COUNT)) {
                count = replayCount(h);
            } else if (!h.key().startsWith(Topics.DLT_HEADER_PREFIX)
                    && !h.key().startsWith(Topics.REPLAY_HEADER_PREFIX)) {
                out.headers().add(h);
            }
        }
        out.headers().add(Topics.REPLAY_OF, utf8(r.topic() + "/" + r.partition() + "@" + r.offset()));
        out.headers().add(Topics.REPLAY_TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(clock.instant())));
        out.headers().add(Topics.REPLAY_COUNT, utf8(Integer.toString(count + 1)));
        return out;
    }

    private static int replayCount(Header h) {
        try {
            return Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
