package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.messaging.KafkaClients;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records the processor gave up on to {@link Topics#ARTICLES_RAW_DLT}: same key and value, the original
 * headers, plus headers naming the exception and the record's origin (topic, partition, offset).
 */
@Singleton
public class DeadLetters {
    /** A record given up on and why. */
    public record Rejected(ConsumerRecord<byte[], byte[]> record, Throwable cause) {
    }

    private static final int MAX_MESSAGE = 2_000;

    private final KafkaClients kafka;

    public DeadLetters(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /**
     * Sends every rejected record and waits for the acknowledgements.
     *
     * @throws Outage when any was not acknowledged (the broker is unavailable, or the wait was interrupted)
     */
    void send(List<Rejected> rejected) throws Outage {
        try {
            sendAndWait(rejected);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new Outage(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Outage(e);
        }
    }

    private void sendAndWait(List<Rejected> rejected) throws ExecutionException, TimeoutException,
            InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Rejected r : rejected) {
            ConsumerRecord<byte[], byte[]> in = r.record();
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.ARTICLES_RAW_DLT, in.key(), in.value());
            for (Header h : in.headers()) {
                out.headers().add(h);
            }
            String message = String.valueOf(r.cause().getMessage());
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            out.headers().add(Topics.DLT_EXCEPTION_CLASS, utf8(r.cause().getClass().getName()));
            out.headers().add(Topics.DLT_EXCEPTION_MESSAGE, utf8(message));
            out.headers().add(Topics.DLT_ORIGINAL_TOPIC, utf8(in.topic()));
            out.headers().add(Topics.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(in.partition())));
            out.headers().add(Topics.DLT_ORIGINAL_OFFSET, utf8(Long.toString(in.offset())));
            sent.add(kafka.producer().send(out));
        }
        long wait = kafka.settings().producerMaxBlock().plus(kafka.settings().producerDeliveryTimeout()).toMillis();
        for (Future<RecordMetadata> f : sent) {
            f.get(wait, TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
