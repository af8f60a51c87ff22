package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.messaging.KafkaClients;
import cn.newsevents.ingest.store.OutboxRow;
import cn.newsevents.ingest.store.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes pending outbox rows to their topics as CloudEvents (binary mode: {@code ce_*} headers, JSON value,
 * key = article id) and deletes them once the broker acknowledged them. Runs on its own thread: right after each
 * processed batch ({@link #trigger()}) and every {@code ingest.processor.relay-interval}, which also covers rows
 * left behind by a crash between the database commit and the publication. A failure leaves the rows pending for
 * the next run, except a record the broker or the producer refuses for its own content (too large, invalid): that
 * row is set aside (kept, marked, counted in {@code ingest.outbox.set.aside}, listed on {@code GET /admin/outbox})
 * and the rows after it flow.
 */
@Singleton
@Requires(property = "ingest.processor.enabled", notEquals = "false")
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore outbox;
    private final KafkaClients kafka;
    private final ProcessorSettings settings;
    private final Counter published;
    private final Counter setAside;
    private final java.time.Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    public OutboxRelay(OutboxStore outbox, KafkaClients kafka, ProcessorSettings settings,
                       MeterRegistry meters, java.time.Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.kafka = kafka;
        this.settings = settings;
        this.published = Counter.builder("ingest.outbox.published").description("Events published from the outbox.")
                .register(meters);
        this.setAside = Counter.builder("ingest.outbox.set.aside")
                .description("Outbox rows set aside because the broker refused their content.").register(meters);
    }

    /** Starts the periodic runs. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            long every = settings.relayInterval().toMillis();
            thread.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for a run as soon as possible; requests made while one is queued are merged. */
    public void trigger() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    /** Publishes until no pending row is left or a run fails; returns how many were published. */
    int drain() {
        int total = 0;
        try {
            OutboxStore.Relayed run;
            do {
                run = outbox.relay(settings.relayBatch(), this::publish, clock.instant().atOffset(ZoneOffset.UTC));
                total += run.published();
                if (run.setAside() > 0) {
                    setAside.increment(run.setAside());
                }
            } while (run.read() > 0);
        } catch (RuntimeException e) {
            LOG.warn("The outbox relay could not publish pending events ({}); it retries in {}.", e.toString(),
                    settings.relayInterval());
        }
        if (total > 0) {
            published.increment(total);
        }
        return total;
    }

    private Map<Long, String> publish(List<OutboxRow> rows) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(row.topic(), utf8(row.key()),
                    utf8(row.payload()));
            record.headers()
                    .add(Topics.CE_SPECVERSION, utf8(Topics.CE_SPEC_VERSION))
                    .add(Topics.CE_ID, utf8(row.eventId()))
                    .add(Topics.CE_TYPE, utf8(row.ceType()))
                    .add(Topics.CE_SOURCE, utf8(Topics.EVENT_SOURCE))
                    .add(Topics.CE_TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(row.ceTime().toInstant())))
                    .add(Topics.CE_SUBJECT, utf8(row.key()))
                    .add(Topics.CE_GENERATION, utf8(Integer.toString(row.generation())))
                    .add(Topics.CONTENT_TYPE, utf8(Topics.JSON));
            sent.add(kafka.producer().send(record));
        }
        long wait = kafka.settings().producerMaxBlock().plus(kafka.settings().producerDeliveryTimeout()).toMillis();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!refusedForContent(e.getCause())) {
                    throw e;
                }
                OutboxRow row = rows.get(i);
                refused.put(row.id(), e.getCause().toString());
                LOG.error("The broker refused event {} for {} ({} characters of payload): {}. The outbox row {} is set "
                        + "aside (GET /admin/outbox) and the relay goes on.", row.eventId(), row.topic(),
                        row.payload().length(), e.getCause().toString(), row.id());
            }
        }
        return refused;
    }

    /** Whether a send failed because of the record itself, so sending it again can never succeed. */
    static boolean refusedForContent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    /** Runs a last time and stops; called after the consumer stopped. */
    @PreDestroy
    public void stop() {
        if (thread.isShutdown()) {
            return;
        }
        try {
            thread.submit(this::drain).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The last outbox run did not finish ({}); pending events go out at the next start.", e.toString());
        }
        thread.shutdownNow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
