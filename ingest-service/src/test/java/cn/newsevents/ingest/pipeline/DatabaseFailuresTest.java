package cn.newsevents.ingest.pipeline;

import cn.newsevents.ingest.store.DatabaseFailures;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {
    @Test
    void connectionLossAndPoolTimeoutAreOutages() {
        assertTrue(DatabaseFailures.isOutage(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(DatabaseFailures.isOutage(new SQLTransientConnectionException("pool timeout")));
        // The pool's timeout carries the server's refusal: a database not accepting connections.
        assertTrue(DatabaseFailures.isOutage(new RuntimeException(
                new SQLTransientConnectionException("pool timeout", "55000"))));
        assertTrue(DatabaseFailures.isOutage(new SQLException("shutting down", "57P01")));
        assertTrue(DatabaseFailures.isOutage(new SQLException("too many connections", "53300")));
        assertTrue(DatabaseFailures.isOutage(new SQLException("could not serialize", "40001")));
        assertTrue(DatabaseFailures.isOutage(new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void aClosedConnectionReportedByTheDataLayerIsAnOutage() {
        assertTrue(DatabaseFailures.isOutage(new io.micronaut.data.connection.exceptions.ConnectionException(
                "Could not set JDBC Connection read-only: Connection is closed")));
        assertTrue(DatabaseFailures.isOutage(new RuntimeException("batch",
                new io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))));
    }

    @Test
    void otherRefusalsAreTheRecordsFault() {
        // An index entry over the b-tree's limit (a very long url), a statement timeout, a syntax error.
        assertFalse(DatabaseFailures.isOutage(new RuntimeException(new SQLException("index row size", "54000"))));
        assertFalse(DatabaseFailures.isOutage(new SQLException("canceling statement", "57014")));
        assertFalse(DatabaseFailures.isOutage(new SQLException("syntax", "42601")));
        assertFalse(DatabaseFailures.isOutage(new SQLException("no state")));
    }

    @Test
    void dataAndConstraintErrorsAreTheRecordsFault() {
        assertFalse(DatabaseFailures.isOutage(new RuntimeException(new SQLException("bad byte", "22021"))));
        assertFalse(DatabaseFailures.isOutage(new SQLException("duplicate", "23505")));
        assertFalse(DatabaseFailures.isOutage(new IllegalStateException("no SQL involved")));
    }

    @Test
    void batchFailureIsJudgedByTheStatementErrorInsideIt() {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("entry 4 aborted", null, new int[0],
                new SQLException("invalid byte sequence", "22021"));
        assertFalse(DatabaseFailures.isOutage(new RuntimeException(batch)));
        SQLException chained = new SQLException("entry 4 aborted");
        chained.setNextException(new SQLException("duplicate", "23505"));
        assertFalse(DatabaseFailures.isOutage(chained));
    }
}
