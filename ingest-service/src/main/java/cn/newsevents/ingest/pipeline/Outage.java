package cn.newsevents.ingest.pipeline;

/**
 * A dependency of the processor (the database, or the broker for dead letters and commits) is unavailable: the
 * batch in hand must be read and handled again later, nothing of it being lost or skipped. Each dependency's
 * adapter decides what counts as an outage ({@link cn.newsevents.ingest.store.DatabaseFailures} for the database,
 * {@link DeadLetters} for dead-letter acknowledgements); every other failure is a record's own.
 */
final class Outage extends Exception {
    Outage(Throwable cause) {
        super(cause);
    }
}
