package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * Decides when the consumer may read: not while an operator holds consumption ({@link #hold()}), and not during an
 * outage, which pauses every partition until a probe of the database, taken with exponential backoff, succeeds.
 * Paused partitions stay assigned, so they do not move to another member of the group.
 *
 * <p>{@link #hold()}, {@link #release()} and the queries may be called from any thread; the methods taking the
 * consumer only from the consumer's thread.
 */
final class FlowControl {
    private static final Logger LOG = LoggerFactory.getLogger(FlowControl.class);

    private final Clock clock;
    private final BooleanSupplier databaseReachable;
    private final ProcessorMetrics metrics;
    private final Backoff outageBackoff;
    private volatile boolean held;
    private volatile boolean paused;
    /** The hold applied to the consumer's partitions; consumer thread only. */
    private boolean holding;
    /** When the next probe is due during an outage; consumer thread only. */
    private Instant probeAt;

    FlowControl(ProcessorSettings settings, Clock clock, BooleanSupplier databaseReachable,
                ProcessorMetrics metrics) {
        this.clock = clock;
        this.databaseReachable = databaseReachable;
        this.metrics = metrics;
        this.outageBackoff = new Backoff(settings.outageBackoff(), settings.maxOutageBackoff());
        metrics.watchPaused(this);
    }

    /**
     * Holds consumption (an operator's pause: for database maintenance, or to let a backlog build up): the batch
     * in hand is finished and committed, then no record is read until {@link #release()}.
     */
    void hold() {
        if (!held) {
            held = true;
            LOG.info("Consumption of {} held by an operator.", Topics.ARTICLES_RAW);
        }
    }

    /** Ends a {@link #hold()}; consumption resumes at the next poll unless a dependency is down. */
    void release() {
        if (held) {
            held = false;
            LOG.info("Consumption of {} released by an operator.", Topics.ARTICLES_RAW);
        }
    }

    boolean held() {
        return held;
    }

    /** Whether consumption is paused because a dependency is down. */
    boolean paused() {
        return paused;
    }

    /**
     * Applies a change of the hold to the consumer's partitions (pauses every assigned partition while held;
     * resumes them on release unless an outage keeps them paused) and answers whether what a poll returns may be
     * handled now. When not, the caller reads it again later.
     */
    boolean mayHandle(Consumer<byte[], byte[]> consumer) {
        boolean hold = held;
        if (hold != holding) {
            if (hold) {
                consumer.pause(consumer.assignment());
            } else if (!paused) {
                consumer.resume(consumer.paused());
            }
            holding = hold;
        }
        return !paused && !holding;
    }

    /** Pauses every assigned partition after an outage; the next probe is due after the backoff. */
    void outage(Consumer<byte[], byte[]> consumer, int records, Throwable cause) {
        consumer.pause(consumer.assignment());
        paused = true;
        metrics.outage();
        Duration wait = outageBackoff.next();
        probeAt = clock.instant().plus(wait);
        LOG.warn("Could not store a batch of {} records ({}); consumption paused, next try in {} ms.",
                records, String.valueOf(cause), wait.toMillis());
    }

    /** During an outage, when a probe is due: resumes consumption if the database answers, else waits longer. */
    void probe(Consumer<byte[], byte[]> consumer) {
        if (!paused || clock.instant().isBefore(probeAt)) {
            return;
        }
        if (databaseReachable.getAsBoolean()) {
            if (!held) {
                consumer.resume(consumer.paused());
            }
            paused = false;
            LOG.info("The database answers again; consumption resumed.");
        } else {
            Duration wait = outageBackoff.next();
            probeAt = clock.instant().plus(wait);
            LOG.warn("The database is still unavailable; next try in {} ms.", wait.toMillis());
        }
    }

    /** A batch went through: the next outage starts again with the shortest backoff. */
    void succeeded() {
        outageBackoff.reset();
    }

    /** The pause before the next poll after the poll itself failed. */
    Duration pollFailed() {
        return outageBackoff.next();
    }

    /** Keeps partitions assigned during an outage or a hold paused, so no record is read before it ends. */
    void assigned(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
        if (paused || held) {
            consumer.pause(partitions);
        }
    }
}
