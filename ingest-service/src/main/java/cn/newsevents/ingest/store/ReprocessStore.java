package cn.newsevents.ingest.store;

import cn.newsevents.contract.messaging.RawArticle;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of reprocessing: the jobs ({@code reprocess_jobs}), the keyset walk over stored articles and the
 * atomic replacement of a batch's events.
 *
 * <p>{@link #replace} runs in one transaction: it locks the job row and checks that its cursor is still the one
 * the batch was read after (two runners of one job never apply the same batch twice), locks the batch's
 * articles, leaves alone every article whose content changed since it was read (the processor stored it with
 * the current extractor meanwhile), deletes the others' events, inserts the new events with their outbox rows,
 * records the extractor version and advances the cursor. Hand-written JDBC: the job and article locks
 * ({@code FOR UPDATE}) and the batched event writes of {@link ArticleWriter} share that one transaction.
 */
@Singleton
public class ReprocessStore {
    /** Stored publication times are instants; the extractor reads local dates in the newsroom's zone. */
    private static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = """
            id, extractor_version, include_current, batch_size, status, total, last_article_id, scanned, replaced,
            skipped, failed, error, created_at, updated_at, finished_at""";

    private final TransactionOperations<Connection> tx;

    public ReprocessStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /**
     * The unfinished (running, interrupted or failed) job for {@code version} and {@code includeCurrent}, so an
     * interrupted run is continued, or a new one.
     */
    public ReprocessJob createOrResume(String version, boolean includeCurrent, int batchSize, Instant now) {
        return Transactions.write(tx, status -> {
            Connection c = status.getConnection();
            // Serialises concurrent starts, so two callers get the same job.
            try (PreparedStatement ps = c.prepareStatement("LOCK TABLE reprocess_jobs IN SHARE ROW EXCLUSIVE MODE")) {
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + """
                     FROM reprocess_jobs WHERE status <> 'finished' AND extractor_version = ? AND include_current = ?
                    ORDER BY created_at LIMIT 1""")) {
                ps.setString(1, version);
                ps.setBoolean(2, includeCurrent);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String unfinished = rs.getString(1);
                        try (PreparedStatement resume = c.prepareStatement(
                                "UPDATE reprocess_jobs SET status = 'running', error = NULL WHERE id = ?")) {
                            resume.setString(1, unfinished);
                            resume.executeUpdate();
                        }
                        return find(c, unfinished).orElseThrow();
                    }
                }
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles"
                    + (includeCurrent ? "" : " WHERE extractor_version IS DISTINCT FROM ?"))) {
                if (!includeCurrent) {
                    ps.setString(1, version);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reprocess_jobs (id, extractor_version, include_current, batch_size, status, total,
                                                created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'running', ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, version);
                ps.setBoolean(3, includeCurrent);
                ps.setInt(4, batchSize);
                ps.setLong(5, total);
                ps.setObject(6, utc(now));
                ps.setObject(7, utc(now));
                ps.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    public Optional<ReprocessJob> find(String id) {
        return Transactions.read(tx, status -> find(status.getConnection(), id));
    }

    /** The next {@code job.batchSize()} articles after the job's cursor that the job should look at. */
    /** Characters of article text read per reprocessing batch (besides the batch size); at least one article. */
    static final long MAX_BATCH_CHARS = 32L * 1024 * 1024;

    public List<StoredArticle> nextBatch(ReprocessJob job) {
        return Transactions.read(tx, status -> {
            List<StoredArticle> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("""
                    SELECT id, url, title, source, published_at, language, text, body_offset, ingested_at, content_hash,
                           published_offset
                      FROM articles WHERE id > ? AND (? OR extractor_version IS DISTINCT FROM ?)
                     ORDER BY id LIMIT ?""")) {
                ps.setString(1, job.lastArticleId() == null ? "" : job.lastArticleId());
                ps.setBoolean(2, job.includeCurrent());
                ps.setString(3, job.extractorVersion());
                ps.setInt(4, job.batchSize());
                // Fetched in groups and cut at MAX_BATCH_CHARS: a batch of many long articles stays bounded in
                // memory; the job's cursor continues after the last article read.
                ps.setFetchSize(64);
                long chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (chars < MAX_BATCH_CHARS && rs.next()) {
                        // The offset the article was published with, so its local date (and the relative dates
                        // resolved against it) stays what the author saw.
                        Integer offset = (Integer) rs.getObject(11);
                        OffsetDateTime stored = rs.getObject(5, OffsetDateTime.class);
                        OffsetDateTime published = offset == null
                                ? stored.atZoneSameInstant(NEWSROOM_ZONE).toOffsetDateTime()
                                : stored.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offset));
                        RawArticle a = new RawArticle(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), published, rs.getString(6), rs.getString(7), rs.getInt(8),
                                rs.getObject(9, OffsetDateTime.class).toInstant());
                        out.add(new StoredArticle(a, rs.getString(10)));
                        chars += a.text().length();
                    }
                }
            }
            return out;
        });
    }

    /** What {@link #replace} did. */
    public record Applied(boolean applied, int replaced, int skipped, int events) {
    }

    /**
     * Replaces the events of {@code analyzed} (read after {@code cursor}) and advances the job to {@code next}
     * in one transaction. {@code hashes} are the content hashes the articles had when read; {@code failed} counts
     * articles whose extraction failed. Answers {@code applied=false}, writing nothing, when the job moved on
     * meanwhile or is no longer running.
     */
    public Applied replace(ReprocessJob job, String cursor, String next, List<AnalyzedArticle> analyzed,
                           Map<String, String> hashes, int scanned, int failed, Instant now) {
        return Transactions.write(tx, status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_article_id, status FROM reprocess_jobs WHERE id = ? FOR UPDATE")) {
                ps.setString(1, job.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !"running".equals(rs.getString(2))
                            || !java.util.Objects.equals(rs.getString(1), cursor)) {
                        return new Applied(false, 0, 0, 0);
                    }
                }
            }
            Map<String, String[]> current = lock(c, analyzed.stream().map(a -> a.article().id()).toList());
            List<AnalyzedArticle> eligible = new ArrayList<>();
            for (AnalyzedArticle a : analyzed) {
                String[] row = current.get(a.article().id());
                boolean unchanged = row != null && row[0].equals(hashes.get(a.article().id()));
                boolean due = job.includeCurrent() || !job.extractorVersion().equals(row == null ? null : row[1]);
                if (unchanged && due) {
                    eligible.add(a);
                }
            }
            int events = 0;
            if (!eligible.isEmpty()) {
                List<String> ids = eligible.stream().map(a -> a.article().id()).toList();
                ArticleWriter.deleteEvents(c, ids);
                Map<String, Integer> generations = new java.util.HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE articles SET extractor_version = ?, processed_at = ?, generation = generation + 1
                         WHERE id = ANY (?) RETURNING id, generation""")) {
                    ps.setString(1, job.extractorVersion());
                    ps.setObject(2, utc(now));
                    ps.setArray(3, c.createArrayOf("text", ids.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            generations.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
                events = ArticleWriter.insertEvents(c, eligible, generations, now);
            }
            int skipped = analyzed.size() - eligible.size();
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE reprocess_jobs SET last_article_id = ?, scanned = scanned + ?, replaced = replaced + ?,
                           skipped = skipped + ?, failed = failed + ?, updated_at = ? WHERE id = ?""")) {
                ps.setString(1, next);
                ps.setInt(2, scanned);
                ps.setInt(3, eligible.size());
                ps.setInt(4, skipped);
                ps.setInt(5, failed);
                ps.setObject(6, utc(now));
                ps.setString(7, job.id());
                ps.executeUpdate();
            }
            return new Applied(true, eligible.size(), skipped, events);
        });
    }

    /** Ends a job as finished, or failed with {@code error}. */
    public void finish(String id, ReprocessJob.Status status, String error, Instant now) {
        Transactions.write(tx, s -> {
            try (PreparedStatement ps = s.getConnection().prepareStatement("""
                    UPDATE reprocess_jobs SET status = ?, error = ?, updated_at = ?, finished_at = ?
                     WHERE id = ? AND status = 'running'""")) {
                ps.setString(1, status.code());
                ps.setString(2, error);
                ps.setObject(3, utc(now));
                ps.setObject(4, utc(now));
                ps.setString(5, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Content hash and extractor version of each of {@code ids}, locked until the transaction ends. */
    private static Map<String, String[]> lock(Connection c, List<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, content_hash, extractor_version FROM articles WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    private static Optional<ReprocessJob> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reprocess_jobs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    private static ReprocessJob job(ResultSet rs) throws SQLException {
        return new ReprocessJob(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                ReprocessJob.Status.of(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12), instant(rs, 13), instant(rs, 14),
                instant(rs, 15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
