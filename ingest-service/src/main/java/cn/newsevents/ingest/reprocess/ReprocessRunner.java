package cn.newsevents.ingest.reprocess;

import cn.newsevents.ingest.store.ReprocessJob;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs reprocessing jobs of this instance in the background, one at a time on one thread, so a re-run never
 * competes with the processor for more than one core. A job already queued or running here is not queued again.
 */
@Singleton
public class ReprocessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ReprocessRunner.class);

    private final Reprocessor reprocessor;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reprocess-runner");
        t.setDaemon(true);
        return t;
    });

    public ReprocessRunner(Reprocessor reprocessor) {
        this.reprocessor = reprocessor;
    }

    /** Starts or resumes the job for these parameters and runs it in the background; returns it as it is now. */
    public ReprocessJob submit(boolean includeCurrent, int batchSize) {
        ReprocessJob job = reprocessor.startOrResume(includeCurrent, batchSize);
        if (active.add(job.id())) {
            thread.execute(() -> {
                try {
                    reprocessor.run(job.id(), j -> LOG.info("Reprocessing {}: {} of {} articles looked at, {} "
                                    + "replaced, {} skipped, {} failed.", j.id(), j.scanned(), j.total(), j.replaced(),
                            j.skipped(), j.failed()));
                } catch (RuntimeException e) {
                    LOG.error("Reprocessing job {} failed; submitting it again continues it.", job.id(), e);
                } finally {
                    active.remove(job.id());
                }
            });
        }
        return job;
    }

    @PreDestroy
    void stop() {
        // The job's cursor is committed with every batch: an interrupted job continues when submitted again.
        thread.shutdownNow();
    }
}
