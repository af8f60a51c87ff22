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
import java.util.Map;

/**
 * The transactional outbox. {@link #relay} hands pending rows, oldest first, to a publisher and deletes them in
 * the same transaction once it returned; rows the publisher reports as refused for their content are marked set
 * aside in that transaction instead, kept for an operator and passed over from then on. A PostgreSQL advisory lock
 * lets only one relay of all instances work at a time, so events leave in id order. Hand-written JDBC: the advisory
 * lock, the byte-bounded read and the delete must share one transaction, which a repository method cannot hold.
 */
@Singleton
public class OutboxStore {
    /** Advisory lock key of the relay ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /**
     * Payload characters read per relay transaction (besides the row limit); the first row is read whatever its
     * size. Events are at most {@code ingest.events.max-event-bytes}, so a batch holds a few of the largest.
     */
    static final long MAX_BATCH_CHARS = 8L * 1024 * 1024;

    /**
     * Publishes rows; returns the rows the broker refused for their own content (by id, with the reason) when every
     * other row was acknowledged, else throws.
     */
    @FunctionalInterface
    public interface Publisher {
        Map<Long, String> publish(List<OutboxRow> rows) throws Exception;
    }

    /** A row set aside, as shown to operators. */
    public record SetAside(long id, String eventId, String topic, String key, int payloadChars, String reason,
                           OffsetDateTime setAsideAt) {
    }

    /** What one relay transaction did. */
    public record Relayed(int read, int published, int setAside) {
        static final Relayed NONE = new Relayed(0, 0, 0);
    }

    private final TransactionOperations<Connection> tx;

    public OutboxStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /**
     * Publishes up to {@code limit} pending rows, deletes the published ones and sets aside the refused ones;
     * reads nothing when another relay holds the lock. When {@code publisher} throws, nothing changes and the
     * exception propagates.
     */
    public Relayed relay(int limit, Publisher publisher, OffsetDateTime now) {
        return Transactions.write(tx, status -> {
            Connection c = status.getConnection();
            if (!tryLock(c)) {
                return Relayed.NONE;
            }
            List<OutboxRow> rows = pending(c, limit, MAX_BATCH_CHARS);
            if (rows.isEmpty()) {
                return Relayed.NONE;
            }
            Map<Long, String> refused = publisher.publish(rows);
            List<Long> done = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                if (!refused.containsKey(row.id())) {
                    done.add(row.id());
                }
            }
            delete(c, done);
            setAside(c, refused, now);
            return new Relayed(rows.size(), done.size(), refused.size());
        });
    }

    /** Rows set aside, oldest first, at most {@code limit}. */
    public List<SetAside> setAside(int limit) {
        return Transactions.read(tx, status -> {
            List<SetAside> rows = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("""
                    SELECT id, event_id, topic, msg_key, length(payload), set_aside_reason, set_aside_at
                      FROM outbox WHERE set_aside_at IS NOT NULL ORDER BY id LIMIT ?""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new SetAside(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                }
            }
            return rows;
        });
    }

    /** Rows set aside. */
    public long setAsideCount() {
        return count("SELECT count(*) FROM outbox WHERE set_aside_at IS NOT NULL");
    }

    /** Rows not yet published, set aside ones excepted. */
    public long pendingCount() {
        return count("SELECT count(*) FROM outbox WHERE set_aside_at IS NULL");
    }

    private long count(String sql) {
        return Transactions.read(tx, status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql);
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

    /** Up to {@code limit} pending rows, oldest first, stopping once {@code maxChars} of payload are read. */
    private static List<OutboxRow> pending(Connection c, int limit, long maxChars) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        long chars = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, event_id, topic, msg_key, ce_type, ce_time, payload, generation
                  FROM outbox WHERE set_aside_at IS NULL ORDER BY id LIMIT ?""")) {
            ps.setInt(1, limit);
            // Rows are fetched in small groups (the relay runs in a transaction), so the loop below bounds memory.
            ps.setFetchSize(16);
            try (ResultSet rs = ps.executeQuery()) {
                while (chars < maxChars && rs.next()) {
                    chars += rs.getString(7).length();
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getInt(8)));
                }
            }
        }
        return rows;
    }

    private static void delete(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static void setAside(Connection c, Map<Long, String> refused, OffsetDateTime now) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET set_aside_at = ?, set_aside_reason = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : refused.entrySet()) {
                ps.setObject(1, now);
                ps.setString(2, e.getValue());
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
