package cn.newsevents.ingest.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox. {@link #relay} hands pending rows, oldest first, to a publisher and deletes them in
 * the same transaction once it returned (every row in the table is pending); a PostgreSQL advisory lock lets only
 * one relay of all instances work at a time, so events leave in id order.
 */
@Singleton
public class OutboxStore {
    /** Advisory lock key of the relay ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /** Publishes rows; returns only when every row was acknowledged, else throws. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<OutboxRow> rows) throws Exception;
    }

    private final TransactionOperations<Connection> tx;

    public OutboxStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /**
     * Publishes up to {@code limit} pending rows and deletes them; returns how many, or 0 when another relay holds
     * the lock. When {@code publisher} throws, nothing is deleted and the exception propagates.
     */
    public int relay(int limit, Publisher publisher) {
        return Sql.write(tx, status -> {
            Connection c = status.getConnection();
            if (!tryLock(c)) {
                return 0;
            }
            List<OutboxRow> rows = pending(c, limit);
            if (rows.isEmpty()) {
                return 0;
            }
            publisher.publish(rows);
            delete(c, rows);
            return rows.size();
        });
    }

    /** Rows not yet published. */
    public long pendingCount() {
        return Sql.read(tx, status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static List<OutboxRow> pending(Connection c, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, event_id, topic, msg_key, ce_type, ce_time, payload
                  FROM outbox ORDER BY id LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    private static void delete(Connection c, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            ps.executeUpdate();
        }
    }
}
