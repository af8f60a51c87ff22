package cn.newsevents.ingest.store;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;

/**
 * Runs transactions so that every failure reaches the caller as an unchecked exception. The transaction manager
 * rethrows a callback's checked exception (an {@link java.sql.SQLException} from a statement, an exception of an
 * outbox publisher) as it is, undeclared; callers catching {@link RuntimeException} would miss it and their thread
 * would die. Here it is wrapped in a {@link StoreException}, its cause kept for {@link DatabaseFailures}.
 */
final class Transactions {
    private Transactions() {
    }

    static <R> R write(TransactionOperations<Connection> tx, TransactionCallback<Connection, R> work) {
        try {
            return tx.executeWrite(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(e);
        }
    }

    static <R> R read(TransactionOperations<Connection> tx, TransactionCallback<Connection, R> work) {
        try {
            return tx.executeRead(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(e);
        }
    }
}
