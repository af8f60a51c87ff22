package cn.newsevents.ingest.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Processor settings ({@code ingest.processor.*}).
 *
 * @param enabled           whether this instance consumes {@code articles.raw}
 * @param groupId           consumer group
 * @param maxPollRecords    records per poll; bounds the articles held in memory at once
 * @param extractThreads    threads extracting the records of a poll in parallel; 0 or less means one per
 *                          available processor
 * @param writeChunk        most articles per database transaction; a smaller transaction is written as soon as
 *                          the next article's extraction is still running, so an article never waits for its
 *                          whole poll
 * @param pollTimeout       longest a poll waits; also bounds how long shutdown waits for the loop
 * @param maxAttempts       tries per record before it goes to the dead-letter topic
 * @param retryBackoff      first pause between tries of a record (doubles each time)
 * @param outageBackoff     first pause after a database or broker outage (doubles up to {@code maxOutageBackoff})
 * @param maxOutageBackoff  longest pause between outage probes
 * @param relayInterval     how often the outbox relay looks for unpublished rows besides after each batch
 * @param relayBatch        outbox rows published per relay transaction
 * @param articleDeadline   longest the extraction of one article may take (its tries included); past it the
 *                          record goes to the dead-letter topic
 */
@ConfigurationProperties("ingest.processor")
public record ProcessorSettings(boolean enabled, String groupId, int maxPollRecords, int extractThreads,
                                int writeChunk, Duration pollTimeout,
                                int maxAttempts, Duration retryBackoff, Duration outageBackoff,
                                Duration maxOutageBackoff, Duration relayInterval, int relayBatch,
                                Duration articleDeadline) {

    /** Room in a poll's budget for writing, committing and dead-lettering besides extraction. */
    private static final Duration POLL_MARGIN = Duration.ofMinutes(2);
    /** The consumer's own default, kept as the least. */
    private static final Duration MIN_POLL_INTERVAL = Duration.ofMinutes(5);

    /** The extraction pool size: {@code extractThreads}, or the available processors when it is not positive. */
    public int extractPoolSize() {
        return extractThreads > 0 ? extractThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The consumer's {@code max.poll.interval.ms}: the longest the handling of one poll may take before the broker
     * gives the partitions to another member. Derived, not guessed: when every article of a full poll runs into
     * {@code articleDeadline}, the extraction threads need {@code ceil(maxPollRecords / extractPoolSize)} deadlines
     * one after the other, plus a margin for the writes; never less than Kafka's default of 5 minutes. A member
     * that dies is still noticed within the session timeout (its heartbeats stop), not this interval.
     */
    public Duration maxPollInterval() {
        long rounds = (maxPollRecords + extractPoolSize() - 1) / extractPoolSize();
        Duration needed = articleDeadline.multipliedBy(rounds).plus(POLL_MARGIN);
        return needed.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : needed;
    }
}
