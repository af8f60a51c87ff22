package cn.newsevents.ingest.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Writes articles, their events and the matching outbox rows, one batch per transaction: the rows and revision
 * checks of {@link ArticleWriter} in a transaction of the service's data source.
 */
@Singleton
public class ArticleStore {
    private final TransactionOperations<Connection> tx;

    public ArticleStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Writes {@code batch} in one transaction; {@code now} is the processing time. */
    public BatchResult write(List<AnalyzedArticle> batch, Instant now) {
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        return Transactions.write(tx, status -> ArticleWriter.write(status.getConnection(), batch, now));
    }

    /** Answers whether the database takes queries (used before resuming after an outage). */
    public boolean reachable() {
        try {
            return Transactions.read(tx, status -> {
                try (Statement s = status.getConnection().createStatement()) {
                    return s.execute("SELECT 1");
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }
}
