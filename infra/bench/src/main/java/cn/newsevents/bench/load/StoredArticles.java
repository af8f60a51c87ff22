package cn.newsevents.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Counts the articles stored since an instant, on one connection to the database the query service reads
 * ({@code articles_ingested_idx} bounds the count to the new rows). The throughput run polls this instead of the
 * query service's {@code total}, a full count of the table that would grow with every run and take CPU from the
 * pipeline being measured.
 */
final class StoredArticles implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement count;

    StoredArticles(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.count = connection.prepareStatement("SELECT count(*) FROM articles WHERE ingested_at >= ?");
    }

    /** Articles received by the ingest service at or after {@code since} and stored by now. */
    long since(Instant since) throws SQLException {
        count.setTimestamp(1, Timestamp.from(since));
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
