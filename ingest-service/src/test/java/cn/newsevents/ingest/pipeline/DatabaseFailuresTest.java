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
        assertTrue(DatabaseFailures.isOutage(new SQLException("shutting down", "57P01")));
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
