package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.store.AnalyzedArticle;
import cn.newsevents.ingest.store.ArticleStore;
import cn.newsevents.ingest.store.BatchResult;
import cn.newsevents.ingest.store.DatabaseFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles the records of one poll, knowing nothing of the consumer that read them.
 *
 * <p>Every record is decoded ({@link RecordDecoder}) and run through the {@link ArticleAnalyzer} on the
 * {@link ExtractionPool} (a failing extraction is tried {@code max-attempts} times with backoff; one past
 * {@code article-deadline} is given up on). The results are taken in poll order and written with
 * {@link ArticleStore}, one transaction per chunk of at most {@code write-chunk} articles, a chunk being closed early
 * whenever the next result is not ready yet; so each partition's articles are written in offset order and an
 * article is stored (and its events relayed) without waiting for the rest of its poll. When a chunk's transaction
 * fails because of one record's data, the chunk is written record by record so only that record is given up on.
 * Records given up on go to the {@link DeadLetterSink}.
 *
 * <p>A failure of one record is that record's: it goes to the dead-letter sink. Only an {@link Outage} stops a
 * batch (any other exception escaping is a defect); the caller must then handle all of it again later.
 */
final class BatchHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchHandler.class);

    /** Where records given up on go. */
    @FunctionalInterface
    interface DeadLetterSink {
        /** Sends every record and returns once each is acknowledged; an {@link Outage} when any was not. */
        void send(List<DeadLetters.Rejected> rejected) throws Outage;
    }

    /** What one batch did: its writes, and how many of its records went to the dead-letter sink. */
    record Handled(BatchResult result, int deadLettered) {
    }

    private final ArticleAnalyzer analyzer;
    private final ArticleStore store;
    private final EventBounds bounds;
    private final ProcessorSettings settings;
    private final Clock clock;
    private final DeadLetterSink deadLetters;
    private final Runnable eventsQueued;
    private final ProcessorMetrics metrics;
    private final ExtractionPool extractors;

    /**
     * @param eventsQueued called after a chunk's transaction queued outbox rows, so they are published right away
     */
    BatchHandler(ArticleAnalyzer analyzer, ArticleStore store, EventBounds bounds, ProcessorSettings settings,
                 Clock clock, DeadLetterSink deadLetters, Runnable eventsQueued, ProcessorMetrics metrics) {
        this.analyzer = analyzer;
        this.store = store;
        this.bounds = bounds;
        this.settings = settings;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.eventsQueued = eventsQueued;
        this.metrics = metrics;
        this.extractors = new ExtractionPool(settings.extractPoolSize(), settings.articleDeadline());
    }

    /** What became of one record. */
    private sealed interface Outcome permits Analyzed, Failed {
    }

    private record Analyzed(ConsumerRecord<byte[], byte[]> record, AnalyzedArticle article) implements Outcome {
    }

    private record Failed(ConsumerRecord<byte[], byte[]> record, Throwable cause) implements Outcome {
    }

    /**
     * Stores the articles of {@code records} and dead-letters the records given up on.
     *
     * @throws Outage when the database or the dead-letter topic is unavailable (or the thread was interrupted):
     *                some of the batch may be stored, and handling all of it again stores nothing twice
     */
    Handled handle(List<ConsumerRecord<byte[], byte[]>> records) throws Outage {
        // Every record of the poll is extracted in parallel; the poll bounds how many articles are held at once.
        List<ExtractionPool.Pending<Outcome>> pending = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            pending.add(extractors.submit(() -> analyze(record)));
        }
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        try {
            BatchResult result = BatchResult.EMPTY;
            List<Analyzed> chunk = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                ExtractionPool.Pending<Outcome> next = pending.get(i);
                // Write what is ready while later articles are still being extracted, in poll order, so each
                // partition's articles reach the database in offset order.
                if (!chunk.isEmpty() && (chunk.size() >= settings.writeChunk() || !next.done())) {
                    result = result.plus(writeChunk(chunk, rejected));
                    chunk = new ArrayList<>();
                }
                Outcome outcome = outcome(records.get(i), next);
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
            return new Handled(result, rejected.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Outage(e);
        } finally {
            // After a failure the batch is read again: extractions still queued for it are wasted work.
            pending.forEach(extractors::cancel);
        }
    }

    @Override
    public void close() {
        extractors.close();
    }

    private Outcome outcome(ConsumerRecord<byte[], byte[]> record, ExtractionPool.Pending<Outcome> pending)
            throws InterruptedException {
        try {
            return extractors.await(pending);
        } catch (DeadlineExceeded e) {
            metrics.overDeadline();
            return new Failed(record, e);
        }
    }

    /** Decodes and extracts one record, on an extraction thread. */
    private Outcome analyze(ConsumerRecord<byte[], byte[]> record) {
        RecordDecoder.Decoded decoded = RecordDecoder.decode(record);
        if (decoded instanceof RecordDecoder.Invalid invalid) {
            // A record that is not a raw article stays one however often it is read again.
            return new Failed(record, invalid.reason());
        }
        RawArticle raw = ((RecordDecoder.Valid) decoded).article();
        try {
            return new Analyzed(record, new AnalyzedArticle(raw, bounds.apply(analyzeWithRetries(raw))));
        } catch (RuntimeException | StackOverflowError e) {
            // A pathological text must not stop the partition: it goes to the dead-letter topic like any failure.
            return new Failed(record, e);
        }
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

    /** Writes one chunk in one transaction and lets the relay publish its events right away. */
    private BatchResult writeChunk(List<Analyzed> chunk, List<DeadLetters.Rejected> rejected) throws Outage {
        if (chunk.isEmpty()) {
            return BatchResult.EMPTY;
        }
        BatchResult result = write(chunk, rejected, clock.instant());
        // A revision without events still queued the records that tell subscribers to drop the old ones.
        if (result.events() > 0 || result.revised() > 0) {
            eventsQueued.run();
        }
        return result;
    }

    private BatchResult write(List<Analyzed> analyzed, List<DeadLetters.Rejected> rejected, Instant now)
            throws Outage {
        try {
            return store.write(analyzed.stream().map(Analyzed::article).toList(), now);
        } catch (RuntimeException e) {
            throwIfOutage(e);
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
                    throwIfOutage(e);
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

    private static void throwIfOutage(RuntimeException e) throws Outage {
        if (DatabaseFailures.isOutage(e)) {
            throw new Outage(e);
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
