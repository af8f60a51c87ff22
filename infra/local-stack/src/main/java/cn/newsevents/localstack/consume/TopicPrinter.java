package cn.newsevents.localstack.consume;

import cn.newsevents.contract.messaging.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code consume} command: prints the records of one topic from its beginning, with partition, offset, key,
 * timestamp and headers, for looking at what the pipeline publishes without a Kafka installation. It uses a fresh
 * consumer group each time, so it never moves anybody else's offsets.
 *
 * @param topic            the topic to read
 * @param bootstrapServers the broker
 * @param maxRecords       stop after this many records (0: no limit)
 * @param idleTimeout      stop when no record came for this long (null: run until interrupted)
 */
public record TopicPrinter(String topic, String bootstrapServers, long maxRecords, Duration idleTimeout) {

    /** Parses {@code TOPIC [--bootstrap-server HOST:PORT] [--max-records N] [--idle-timeout-seconds S]}. */
    public static TopicPrinter parse(List<String> args) {
        String topic = null;
        String bootstrap = "127.0.0.1:9092";
        long max = 0;
        Duration idle = null;
        Iterator<String> it = args.iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--bootstrap-server" -> bootstrap = value(arg, it);
                case "--max-records" -> max = number(arg, value(arg, it));
                case "--idle-timeout-seconds" -> idle = Duration.ofSeconds(number(arg, value(arg, it)));
                default -> {
                    if (arg.startsWith("--") || topic != null) {
                        throw new IllegalArgumentException("Unknown argument '" + arg + "' of the consume command.");
                    }
                    topic = arg;
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("The consume command needs a topic, e.g. 'consume " + Topics.EVENTS_SEMINAR + "'.");
        }
        return new TopicPrinter(topic, bootstrap, max, idle);
    }

    /** Prints records to {@code out} until a limit is reached or the thread is interrupted; returns the count. */
    public long run(PrintStream out) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-consume-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Thread reader = Thread.currentThread();
            Thread stop = new Thread(consumer::wakeup, "consume-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            consumer.subscribe(List.of(topic));
            Instant lastRecord = Instant.now();
            try {
                while (!reader.isInterrupted() && (maxRecords == 0 || count < maxRecords)) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, String> r : records) {
                        print(r, out);
                        lastRecord = Instant.now();
                        if (++count == maxRecords) {
                            break;
                        }
                    }
                    if (idleTimeout != null && Duration.between(lastRecord, Instant.now()).compareTo(idleTimeout) > 0) {
                        break;
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C: fall through and close the consumer
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down
                }
            }
        }
        return count;
    }

    private static void print(ConsumerRecord<String, String> r, PrintStream out) {
        out.println(r.topic() + "-" + r.partition() + "@" + r.offset() + "  key=" + r.key() + "  timestamp="
                + Instant.ofEpochMilli(r.timestamp()));
        for (Header h : r.headers()) {
            String value = h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8);
            out.println("  " + h.key() + ": " + value);
        }
        out.println("  " + r.value());
        out.flush();
    }

    private static String value(String flag, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException("The option " + flag + " needs a value.");
        }
        return it.next();
    }

    private static long number(String flag, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The option " + flag + " takes a whole number, not '" + value + "'.");
    }
}
