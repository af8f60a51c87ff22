package cn.newsevents.ingest.pipeline;

import cn.newsevents.extraction.model.ExtractionResult;
import cn.newsevents.ingest.messaging.Json;
import cn.newsevents.ingest.messaging.KafkaClients;
import cn.newsevents.ingest.messaging.RawArticle;
import cn.newsevents.ingest.messaging.Topics;
import cn.newsevents.ingest.store.AnalyzedArticle;
import cn.newsevents.ingest.store.ArticleStore;
import cn.newsevents.ingest.store.BatchResult;
import cn.newsevents.ingest.store.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes {@link Topics#ARTICLES_RAW} on one managed thread, extracts the records of each poll in parallel and
 * writes them in poll order.
 *
 * <p>Per poll: every record is decoded and run through the {@link ArticleAnalyzer} on a pool of
 * {@code extract-threads} threads (a failing record is retried {@code max-attempts} times with backoff; an
 * extraction still running after {@code article-deadline} is given up on and its record dead-lettered). The
 * consumer thread takes the results in poll order and writes them with {@link ArticleStore}, one transaction per
 * chunk of at most {@code write-chunk} articles, a chunk being closed early whenever the next result is not
 * ready yet; so each partition's articles are written in offset order and an article is stored (and its events
 * relayed) without waiting for the rest of its poll. Records that could not be handled go to
 * {@link Topics#ARTICLES_RAW_DLT}; then, and only then, the offsets are committed. When a chunk's transaction
 * fails because of one record's data, the chunk is written record by record so only that record is given up on.
 *
 * <p>When the database (or the broker, for dead letters) is unavailable, the consumer seeks back to the first
 * uncommitted offset of every partition of the poll, pauses, probes with exponential backoff and resumes:
 * nothing is lost and nothing is skipped. Delivery into the database is at least once; unique ids and content
 * hashes make repeats no-ops.
 */
@Singleton
@Requires(property = "ingest.processor.enabled", notEquals = "false")
public class ArticleProcessor implements GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

    private final KafkaClients kafka;
    private final ArticleAnalyzer analyzer;
    private final ArticleStore store;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final EventBounds bounds;
    private final ProcessorSettings settings;
    private final java.time.Clock clock;
    private final Backoff outageBackoff;
    private final AtomicInteger paused = new AtomicInteger();
    private final AtomicInteger assigned = new AtomicInteger();
    private final Counter stored;
    private final Counter revised;
    private final Counter unchanged;
    private final Counter deadLettered;
    private final Counter outages;
    private final Timer batchTimer;
    private final Counter overDeadline;
    private final ThreadPoolExecutor extractors;
    /** Extractions given up on at their deadline that still occupy a thread; the pool grows by as many. */
    private int abandoned;

    private volatile boolean running;
    private volatile boolean held;
    private volatile Thread thread;
    private Instant resumeAt;

    public ArticleProcessor(KafkaClients kafka, ArticleAnalyzer analyzer, ArticleStore store, DeadLetters deadLetters,
                            OutboxRelay relay, EventBounds bounds, ProcessorSettings settings,
                            java.time.Clock clock, MeterRegistry meters) {
        this.bounds = bounds;
        this.kafka = kafka;
        this.analyzer = analyzer;
        this.store = store;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.outageBackoff = new Backoff(settings.outageBackoff(), settings.maxOutageBackoff());
        this.stored = counter(meters, "ingest.processor.articles.stored", "Articles stored for the first time.");
        this.revised = counter(meters, "ingest.processor.articles.revised", "Articles whose content changed.");
        this.unchanged = counter(meters, "ingest.processor.articles.unchanged", "Re-posted articles with no change.");
        this.deadLettered = counter(meters, "ingest.processor.dead.lettered", "Records sent to the dead-letter topic.");
        this.outages = counter(meters, "ingest.processor.outages", "Batches rolled back because a dependency was down.");
        this.batchTimer = Timer.builder("ingest.processor.batch").description("Time to process one poll.")
                .register(meters);
        this.overDeadline = counter(meters, "ingest.processor.deadline.exceeded",
                "Articles sent to the dead-letter topic because their extraction outran the deadline.");
        int threads = settings.extractPoolSize();
        this.extractors = new ThreadPoolExecutor(threads, threads, 30, java.util.concurrent.TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "article-extractor-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        Gauge.builder("ingest.processor.paused", paused, AtomicInteger::get)
                .description("1 while consumption is paused because of an outage.").register(meters);
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
        return paused.get() == 1;
    }

    /**
     * Holds consumption (an operator's pause: for database maintenance, or to let a backlog build up): the
     * batch in hand is finished and committed, then no record is read until {@link #release()}. The consumer
     * stays in its group meanwhile, so its partitions do not move to another instance.
     */
    public void hold() {
        if (!held) {
            held = true;
            LOG.info("Consumption of {} held by an operator.", Topics.ARTICLES_RAW);
        }
    }

    /** Ends a {@link #hold()}; consumption resumes at the next poll unless a dependency is down. */
    public void release() {
        if (held) {
            held = false;
            LOG.info("Consumption of {} released by an operator.", Topics.ARTICLES_RAW);
        }
    }

    /** Whether an operator holds consumption. */
    public boolean held() {
        return held;
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
            consumer.subscribe(List.of(Topics.ARTICLES_RAW), new PauseNewPartitions(consumer));
            boolean holding = false;
            while (running) {
                holding = followHold(consumer, holding);
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (KafkaException e) {
                    LOG.warn("Polling {} failed ({}); retrying.", Topics.ARTICLES_RAW, e.toString());
                    sleep(outageBackoff.next());
                    continue;
                }
                // A hold that came during the poll applies to what it returned: read again after the release.
                holding = followHold(consumer, holding);
                if (paused() || holding) {
                    // Paused partitions return nothing; should a record slip through, read it again later.
                    rewind(consumer, records);
                    if (paused()) {
                        probe(consumer);
                    }
                } else if (!records.isEmpty()) {
                    handle(consumer, records);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The article processor stopped unexpectedly; uncommitted records will be consumed again "
                    + "after a restart.", e);
        } finally {
            extractors.shutdownNow();
        }
        LOG.info("The article processor stopped.");
    }

    private void handle(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        long start = System.nanoTime();
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        // Every record of the poll is extracted in parallel; the poll bounds how many articles are held at once.
        List<Extraction> outcomes = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Extraction extraction = new Extraction(record);
            extraction.future = extractors.submit(extraction);
            outcomes.add(extraction);
        }
        try {
            BatchResult result = BatchResult.EMPTY;
            List<Analyzed> chunk = new ArrayList<>();
            for (Extraction next : outcomes) {
                // Write what is ready while later articles are still being extracted, in poll order, so each
                // partition's articles reach the database in offset order.
                if (!chunk.isEmpty() && (chunk.size() >= settings.writeChunk() || !next.future.isDone())) {
                    result = result.plus(writeChunk(chunk, rejected));
                    chunk = new ArrayList<>();
                }
                Outcome outcome = outcome(next);
                if (outcome instanceof Analyzed a) {
                    chunk.add(a);
                } else if (outcome instanceof Failed f) {
                    rejected.add(new DeadLetters.Rejected(f.record(), f.cause()));
                }
            }
            result = result.plus(writeChunk(chunk, rejected));
            if (!rejected.isEmpty()) {
                deadLetters.send(rejected);
                rejected.forEach(r -> LOG.warn("Record {}-{}@{} went to {}: {}", r.record().topic(),
                        r.record().partition(), r.record().offset(), Topics.ARTICLES_RAW_DLT, r.cause().toString()));
            }
            commit(consumer, records);
            stored.increment(result.inserted());
            revised.increment(result.revised());
            unchanged.increment(result.unchanged());
            deadLettered.increment(rejected.size());
            outageBackoff.reset();
        } catch (Outage e) {
            pauseAndRewind(consumer, records, e.getCause());
        } catch (ExecutionException | TimeoutException e) {
            pauseAndRewind(consumer, records, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pauseAndRewind(consumer, records, e);
        } catch (KafkaException e) {
            pauseAndRewind(consumer, records, e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while handling a batch; it will be handled again.", e);
            pauseAndRewind(consumer, records, e);
        } finally {
            // After a failure the batch is read again: extractions still queued for it are wasted work.
            outcomes.forEach(f -> f.future.cancel(false));
            batchTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Writes one chunk in one transaction and lets the relay publish its events right away. */
    private BatchResult writeChunk(List<Analyzed> chunk, List<DeadLetters.Rejected> rejected) throws Outage {
        if (chunk.isEmpty()) {
            return BatchResult.EMPTY;
        }
        BatchResult result = write(chunk, rejected, clock.instant());
        // A revision without events still queued the records that tell subscribers to drop the old ones.
        if (result.events() > 0 || result.revised() > 0) {
            relay.trigger();
        }
        return result;
    }

    /** Decodes and extracts one record, on an extraction thread. */
    private Outcome analyze(ConsumerRecord<byte[], byte[]> record) {
        RawArticle raw;
        try {
            raw = decode(record);
        } catch (IOException | RuntimeException e) {
            // A record that is not a raw article stays one however often it is read again.
            return new Failed(record, e);
        }
        try {
            return new Analyzed(record, new AnalyzedArticle(raw, bounds.apply(analyzeWithRetries(raw))));
        } catch (RuntimeException | StackOverflowError e) {
            // A pathological text must not stop the partition: it goes to the dead-letter topic like any failure.
            return new Failed(record, e);
        }
    }

    /**
     * The outcome of {@code extraction}, waiting for it at most until its deadline (counted from the moment an
     * extraction thread took it up). Past the deadline the record fails with {@link DeadlineExceeded}; the
     * extraction thread is interrupted and, since the extractor need not heed that, the pool gets one more thread
     * until the abandoned extraction has returned.
     */
    private Outcome outcome(Extraction extraction) throws InterruptedException {
        long deadline = settings.articleDeadline().toNanos();
        while (true) {
            long started = extraction.started;
            long wait = started == 0 ? deadline : started + deadline - System.nanoTime();
            try {
                if (wait > 0) {
                    return extraction.future.get(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
                if (extraction.future.isDone()) {
                    return extraction.future.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("The extraction of a record failed unexpectedly.", e.getCause());
            } catch (TimeoutException e) {
                continue;
            }
            if (started == 0) {
                continue;
            }
            abandon(extraction);
            overDeadline.increment();
            return new Failed(extraction.record, new DeadlineExceeded("The extraction of the record ran longer than "
                    + "the deadline of " + settings.articleDeadline() + " (ingest.processor.article-deadline) and "
                    + "was given up on."));
        }
    }

    private void abandon(Extraction extraction) {
        synchronized (extractors) {
            if (extraction.finished) {
                return;
            }
            extraction.abandoned = true;
            abandoned++;
            int size = settings.extractPoolSize() + abandoned;
            extractors.setMaximumPoolSize(size);
            extractors.setCorePoolSize(size);
        }
        extraction.future.cancel(true);
    }

    /** One record's extraction: knows when a thread took it up, and whether it was given up on. */
    private final class Extraction implements java.util.concurrent.Callable<Outcome> {
        final ConsumerRecord<byte[], byte[]> record;
        volatile long started;
        Future<Outcome> future;
        /** Guarded by {@link #extractors}. */
        boolean abandoned;
        boolean finished;

        Extraction(ConsumerRecord<byte[], byte[]> record) {
            this.record = record;
        }

        @Override
        public Outcome call() {
            started = System.nanoTime();
            try {
                return analyze(record);
            } finally {
                synchronized (extractors) {
                    finished = true;
                    if (abandoned) {
                        ArticleProcessor.this.abandoned--;
                        int size = settings.extractPoolSize() + ArticleProcessor.this.abandoned;
                        extractors.setCorePoolSize(size);
                        extractors.setMaximumPoolSize(size);
                    }
                }
            }
        }
    }

    /** The extraction of one article outran {@code ingest.processor.article-deadline}. */
    public static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** What became of one record of a poll. */
    private sealed interface Outcome permits Analyzed, Failed {
    }

    private record Analyzed(ConsumerRecord<byte[], byte[]> record, AnalyzedArticle article) implements Outcome {
    }

    private record Failed(ConsumerRecord<byte[], byte[]> record, Throwable cause) implements Outcome {
    }

    /** A dependency is down: the batch must be handled again later. */
    private static final class Outage extends Exception {
        Outage(Throwable cause) {
            super(cause);
        }
    }

    private BatchResult write(List<Analyzed> analyzed, List<DeadLetters.Rejected> rejected, Instant now)
            throws Outage {
        try {
            return store.write(analyzed.stream().map(Analyzed::article).toList(), now);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw new Outage(e);
            }
            LOG.warn("A batch of {} articles was refused by the database ({}); writing them one by one.",
                    analyzed.size(), e.toString());
        }
        BatchResult total = BatchResult.EMPTY;
        for (Analyzed a : analyzed) {
            for (int attempt = 1; ; attempt++) {
                try {
                    total = total.plus(store.write(List.of(a.article()), now));
                    break;
                } catch (RuntimeException e) {
                    if (DatabaseFailures.isOutage(e)) {
                        throw new Outage(e);
                    }
                    if (attempt >= settings.maxAttempts()) {
                        rejected.add(new DeadLetters.Rejected(a.record(), e));
                        break;
                    }
                    sleep(Backoff.forAttempt(settings.retryBackoff(), attempt));
                }
            }
        }
        return total;
    }

    private ExtractionResult analyzeWithRetries(RawArticle raw) {
        for (int attempt = 1; ; attempt++) {
            try {
                return analyzer.analyze(raw.toArticle());
            } catch (RuntimeException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw e;
                }
                LOG.warn("Extraction of article {} failed (try {} of {}): {}", raw.id(), attempt,
                        settings.maxAttempts(), e.toString());
                sleep(Backoff.forAttempt(settings.retryBackoff(), attempt));
            }
        }
    }

    private static RawArticle decode(ConsumerRecord<byte[], byte[]> record) throws IOException {
        if (record.value() == null) {
            throw new IOException("The record has no value; a raw article JSON object was expected.");
        }
        RawArticle raw = Json.read(record.value(), RawArticle.class);
        if (raw == null || raw.id() == null || raw.title() == null || raw.text() == null
                || raw.publishedAt() == null) {
            throw new IOException("The raw article lacks one of id, title, text and publishedAt.");
        }
        if (raw.bodyOffset() < 0 || raw.bodyOffset() > raw.text().length()) {
            throw new IOException("The raw article's bodyOffset " + raw.bodyOffset() + " lies outside its text.");
        }
        String violation = raw.violation();
        if (violation != null) {
            throw new IOException("The raw article breaks the contract of " + Topics.ARTICLES_RAW + ": " + violation);
        }
        if (raw.receivedAt() == null) {
            return new RawArticle(raw.id(), raw.url(), raw.title(), raw.source(), raw.publishedAt(), raw.language(),
                    raw.text(), raw.bodyOffset(), Instant.ofEpochMilli(record.timestamp()));
        }
        return raw;
    }

    private static void commit(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
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
        }
    }

    /**
     * Applies a change of {@link #held} since {@code holding} and returns the hold now in force: pauses every
     * assigned partition while held; resumes them on release unless an outage keeps them paused.
     */
    private boolean followHold(Consumer<byte[], byte[]> consumer, boolean holding) {
        boolean hold = held;
        if (hold == holding) {
            return holding;
        }
        if (hold) {
            consumer.pause(consumer.assignment());
        } else if (!paused()) {
            consumer.resume(consumer.paused());
        }
        return hold;
    }

    private static void rewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    private void pauseAndRewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records,
                                Throwable cause) {
        rewind(consumer, records);
        consumer.pause(consumer.assignment());
        paused.set(1);
        outages.increment();
        Duration wait = outageBackoff.next();
        resumeAt = clock.instant().plus(wait);
        LOG.warn("Could not store a batch of {} records ({}); consumption paused, next try in {} ms.",
                records.count(), String.valueOf(cause), wait.toMillis());
    }

    private void probe(Consumer<byte[], byte[]> consumer) {
        if (clock.instant().isBefore(resumeAt)) {
            return;
        }
        if (store.reachable()) {
            if (!held) {
                consumer.resume(consumer.paused());
            }
            paused.set(0);
            LOG.info("The database answers again; consumption resumed.");
        } else {
            Duration wait = outageBackoff.next();
            resumeAt = clock.instant().plus(wait);
            LOG.warn("The database is still unavailable; next try in {} ms.", wait.toMillis());
        }
    }

    /** Keeps partitions assigned during an outage paused, so no record is read before the database is back. */
    private final class PauseNewPartitions implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> consumer;

        PauseNewPartitions(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.set(consumer.assignment().size());
            if (paused() || held) {
                consumer.pause(partitions);
            }
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

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
