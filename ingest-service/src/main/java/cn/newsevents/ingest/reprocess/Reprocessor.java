package cn.newsevents.ingest.reprocess;

import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.extraction.Extractor;
import cn.newsevents.ingest.pipeline.ArticleAnalyzer;
import cn.newsevents.ingest.pipeline.EventBounds;
import cn.newsevents.ingest.store.AnalyzedArticle;
import cn.newsevents.ingest.store.ReprocessJob;
import cn.newsevents.ingest.store.ReprocessStore;
import cn.newsevents.ingest.store.StoredArticle;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-runs the current {@link Extractor} over stored articles, replacing each article's events (and queueing
 * them in the outbox for publication) in one transaction per batch, and records {@link ExtractorVersion#CURRENT} on the
 * article. Idempotent: without {@code includeCurrent} only articles at another version are looked at. Resumable:
 * the job walks articles in id order and its cursor advances in the same transaction as the batch, so a run
 * started again for the same parameters continues where the previous one stopped.
 */
@Singleton
public class Reprocessor {
    private static final Logger LOG = LoggerFactory.getLogger(Reprocessor.class);

    private final ReprocessStore store;
    private final ArticleAnalyzer analyzer;
    private final EventBounds bounds;
    private final Clock clock;

    public Reprocessor(ReprocessStore store, ArticleAnalyzer analyzer, EventBounds bounds, Clock clock) {
        this.bounds = bounds;
        this.store = store;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** The unfinished job for these parameters, or a new one; nothing runs until {@link #run}. */
    public ReprocessJob startOrResume(boolean includeCurrent, int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("The reprocessing batch size must lie between 1 and 10000; got "
                    + batchSize + ".");
        }
        return store.createOrResume(ExtractorVersion.CURRENT, includeCurrent, batchSize, clock.instant());
    }

    public Optional<ReprocessJob> find(String id) {
        return store.find(id);
    }

    /**
     * Runs job {@code id} to its end, handing the job to {@code progress} after every batch; returns the job as it
     * ended. A failure marks the job failed and is rethrown; starting the job again continues it.
     */
    public ReprocessJob run(String id, Consumer<ReprocessJob> progress) {
        try {
            while (true) {
                ReprocessJob job = store.find(id).orElseThrow(() -> new IllegalArgumentException(
                        "There is no reprocessing job " + id + "."));
                if (job.status() != ReprocessJob.Status.RUNNING) {
                    return job;
                }
                List<StoredArticle> batch = store.nextBatch(job);
                if (batch.isEmpty()) {
                    store.finish(id, ReprocessJob.Status.FINISHED, null, clock.instant());
                    ReprocessJob done = store.find(id).orElseThrow();
                    progress.accept(done);
                    return done;
                }
                List<AnalyzedArticle> analyzed = new ArrayList<>(batch.size());
                Map<String, String> hashes = new HashMap<>();
                int failed = 0;
                for (StoredArticle s : batch) {
                    try {
                        analyzed.add(new AnalyzedArticle(s.article(),
                                bounds.apply(analyzer.analyze(s.article().toArticle()))));
                        hashes.put(s.article().id(), s.contentHash());
                    } catch (RuntimeException | StackOverflowError e) {
                        // The article keeps the events it has; the run goes on.
                        failed++;
                        LOG.warn("Reprocessing article {} failed; its previous events are kept: {}",
                                s.article().id(), e.toString());
                    }
                }
                String next = batch.get(batch.size() - 1).article().id();
                ReprocessStore.Applied applied = store.replace(job, job.lastArticleId(), next, analyzed, hashes,
                        batch.size(), failed, clock.instant());
                if (applied.applied()) {
                    progress.accept(store.find(id).orElseThrow());
                }
                // Not applied: another runner advanced the job; the next round reads from its cursor.
            }
        } catch (RuntimeException e) {
            try {
                store.finish(id, ReprocessJob.Status.FAILED, e.toString(), clock.instant());
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
    }
}
