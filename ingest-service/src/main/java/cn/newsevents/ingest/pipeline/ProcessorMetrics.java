package cn.newsevents.ingest.pipeline;

import cn.newsevents.ingest.store.BatchResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The article processor's meters, all under {@code ingest.processor.*}: articles stored, revised and unchanged,
 * records dead-lettered, extractions over their deadline, outages, the time per poll and whether consumption is
 * paused by an outage.
 */
final class ProcessorMetrics {
    private final MeterRegistry meters;
    private final Counter stored;
    private final Counter revised;
    private final Counter unchanged;
    private final Counter deadLettered;
    private final Counter outages;
    private final Counter overDeadline;
    private final Timer batchTimer;

    ProcessorMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.stored = counter("ingest.processor.articles.stored", "Articles stored for the first time.");
        this.revised = counter("ingest.processor.articles.revised", "Articles whose content changed.");
        this.unchanged = counter("ingest.processor.articles.unchanged", "Re-posted articles with no change.");
        this.deadLettered = counter("ingest.processor.dead.lettered", "Records sent to the dead-letter topic.");
        this.outages = counter("ingest.processor.outages", "Batches rolled back because a dependency was down.");
        this.batchTimer = Timer.builder("ingest.processor.batch").description("Time to process one poll.")
                .register(meters);
        this.overDeadline = counter("ingest.processor.deadline.exceeded",
                "Articles sent to the dead-letter topic because their extraction outran the deadline.");
    }

    /**
     * Registers {@code ingest.processor.paused}: 1 while {@code flow} is paused by an outage. The gauge holds
     * {@code flow} weakly, as every gauge holds its object; the processor keeps it.
     */
    void watchPaused(FlowControl flow) {
        Gauge.builder("ingest.processor.paused", flow, f -> f.paused() ? 1 : 0)
                .description("1 while consumption is paused because of an outage.").register(meters);
    }

    /** Counts a committed batch: what its writes did and how many of its records were dead-lettered. */
    void committed(BatchResult result, int deadLetters) {
        stored.increment(result.inserted());
        revised.increment(result.revised());
        unchanged.increment(result.unchanged());
        deadLettered.increment(deadLetters);
    }

    void outage() {
        outages.increment();
    }

    void overDeadline() {
        overDeadline.increment();
    }

    void batchTook(long nanos) {
        batchTimer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
