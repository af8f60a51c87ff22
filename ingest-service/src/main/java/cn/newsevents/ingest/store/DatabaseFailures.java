package cn.newsevents.ingest.store;

import java.sql.SQLException;

/**
 * Tells a database outage (retry the whole batch later, losing nothing) from a failure caused by one
 * record's data (give up on that record). SQLSTATE classes 22 (data exception) and 23 (integrity constraint
 * violation) anywhere in the failure's chain, and failures without any {@link SQLException}, are the record's
 * fault; every other SQL failure
 * (connection lost, server shutting down, pool timeout, lock or serialization failure) is an outage.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** Whether {@code failure} means the database is unavailable rather than the data being wrong. */
    public static boolean isOutage(Throwable failure) {
        boolean sql = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                // A batch failure carries the statement's own error as its cause or next exception.
                for (SQLException s = e; s != null; s = s.getNextException() == s ? null : s.getNextException()) {
                    sql = true;
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return false;
                    }
                }
            }
        }
        return sql;
    }
}
