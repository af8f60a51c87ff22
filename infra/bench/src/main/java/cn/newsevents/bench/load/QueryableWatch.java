package cn.newsevents.bench.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells when articles become queryable: every {@code interval} one query asks the database the query service
 * reads which of the awaited ids are stored ({@code GET /articles/{id}} reads the same row, uncached), and
 * completes their futures. One query per interval, whatever the number of articles in flight, keeps the watch
 * from loading the system it measures (polling each article over HTTP took more CPU than the pipeline did).
 */
final class QueryableWatch implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement stored;
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "queryable-watch");
        t.setDaemon(true);
        return t;
    });

    private record Awaited(CompletableFuture<Boolean> done, long giveUpAt) {
    }

    QueryableWatch(String jdbcUrl, String user, String password, Duration interval) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.stored = connection.prepareStatement("SELECT id FROM articles WHERE id = ANY (?)");
        long every = interval.toNanos();
        thread.scheduleWithFixedDelay(this::check, every, every, TimeUnit.NANOSECONDS);
    }

    /** Completes true once article {@code id} is stored, false after {@code giveUp}. */
    CompletableFuture<Boolean> when(String id, Duration giveUp) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        awaited.put(id, new Awaited(done, System.nanoTime() + giveUp.toNanos()));
        return done;
    }

    private void check() {
        if (awaited.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(awaited.keySet());
        try {
            Array array = connection.createArrayOf("text", ids.toArray());
            stored.setArray(1, array);
            try (ResultSet rs = stored.executeQuery()) {
                while (rs.next()) {
                    Awaited a = awaited.remove(rs.getString(1));
                    if (a != null) {
                        a.done().complete(true);
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("queryable watch: " + e.getMessage());
        }
        long now = System.nanoTime();
        awaited.entrySet().removeIf(e -> {
            if (now - e.getValue().giveUpAt() > 0) {
                e.getValue().done().complete(false);
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() throws SQLException {
        thread.shutdownNow();
        awaited.values().forEach(a -> a.done().complete(false));
        connection.close();
    }
}
