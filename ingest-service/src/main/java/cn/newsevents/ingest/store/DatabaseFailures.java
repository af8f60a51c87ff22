package cn.newsevents.ingest.store;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage (retry the whole batch later, losing nothing) from a failure caused by one record's data
 * (give up on that record after its tries: it goes to the dead-letter topic). An outage is a failure the database
 * would not give for other data: SQLSTATE class 08 (connection exception), 53 (insufficient resources), 57P
 * (operator intervention: shutdown, crash, restart), 40001 (serialization failure) and 40P01 (deadlock) anywhere in
 * the failure's chain, or no connection to be had (the pool's, driver's or data layer's connection exceptions,
 * whatever state they carry).
 * Every other refusal (a value too long for an index, a constraint, invalid text, a statement timeout) is the
 * record's fault, and so is a failure without any {@link SQLException}.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** Whether {@code failure} means the database is unavailable rather than the data being wrong. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The data layer's own connection failures ("could not set the connection read-only: connection is
            // closed" after the server ended the session) may carry no SQLException at all.
            if (t instanceof ConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException e) {
                // A batch failure carries the statement's own error as its cause or next exception.
                for (SQLException s = e; s != null; s = s.getNextException() == s ? null : s.getNextException()) {
                    if (isOutage(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException e) {
        // No connection at all, whatever the server said when refusing one (a pool timeout carries the last
        // refusal's state, e.g. 55000 for a database not accepting connections, 28P01 for a rejected password).
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }
}
