package cn.newsevents.ingest.store;

/** A transaction failed with a checked exception (kept as the cause); the transaction was rolled back. */
public final class StoreException extends RuntimeException {
    StoreException(Exception cause) {
        super("The transaction was rolled back: " + cause.getMessage(), cause);
    }
}
