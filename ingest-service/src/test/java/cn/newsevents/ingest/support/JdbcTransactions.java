package cn.newsevents.ingest.support;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Transactions on a plain JDBC url, one new connection each, for testing the ingest store without an application
 * context (and so without the broker the context would reach for). Like the framework's transaction manager it
 * commits when the callback returns, rolls back when it throws, and lets a checked exception through undeclared.
 */
public final class JdbcTransactions implements TransactionOperations<Connection> {
    private final String url;
    private final String user;
    private final String password;

    public JdbcTransactions(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() {
        throw new IllegalStateException("Outside a transaction there is no connection; use execute.");
    }

    @Override
    public boolean hasConnection() {
        return false;
    }

    @Override
    public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            c.setReadOnly(definition.isReadOnly().orElse(false));
            Status status = new Status(c, definition);
            try {
                R result = callback.call(status);
                if (status.rollbackOnly) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (Exception e) {
            return sneakyThrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception, R> R sneakyThrow(Exception e) throws E {
        throw (E) e;
    }

    private static final class Status implements TransactionStatus<Connection>, ConnectionStatus<Connection> {
        private final Connection connection;
        private final TransactionDefinition definition;
        private boolean rollbackOnly;

        Status(Connection connection, TransactionDefinition definition) {
            this.connection = connection;
            this.definition = definition;
        }

        @Override
        public Object getTransaction() {
            return connection;
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public ConnectionDefinition getDefinition() {
            return definition.getConnectionDefinition();
        }

        @Override
        public void registerSynchronization(ConnectionSynchronization synchronization) {
            throw new UnsupportedOperationException("No synchronizations in plain JDBC transactions.");
        }

        @Override
        public boolean isNew() {
            return true;
        }

        @Override
        public ConnectionStatus<Connection> getConnectionStatus() {
            return this;
        }

        @Override
        public boolean isNewTransaction() {
            return true;
        }

        @Override
        public void setRollbackOnly() {
            rollbackOnly = true;
        }

        @Override
        public boolean isRollbackOnly() {
            return rollbackOnly;
        }

        @Override
        public boolean isCompleted() {
            return false;
        }

        @Override
        public TransactionDefinition getTransactionDefinition() {
            return definition;
        }
    }
}
