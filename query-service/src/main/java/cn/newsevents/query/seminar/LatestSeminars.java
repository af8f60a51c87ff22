package cn.newsevents.query.seminar;

import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages of the latest seminars as response bytes. A first page is kept for {@link QueryConfig#latestCacheTtl()}:
 * the most requested page then costs neither a database round trip nor encoding, and a newly stored seminar shows
 * up at most one TTL later. Only first pages are kept (one per page size, so at most {@code maxPageSize} entries);
 * pages after a cursor are always read.
 */
@Singleton
public class LatestSeminars {
    private final SeminarRepository seminars;
    private final ObjectMapper json;
    private final long ttlNanos;
    private final Map<Integer, Cached> firstPages = new ConcurrentHashMap<>();

    public LatestSeminars(SeminarRepository seminars, ObjectMapper json, QueryConfig config) {
        this.seminars = seminars;
        this.json = json;
        this.ttlNanos = config.latestCacheTtl().toNanos();
    }

    /** The first page of {@code limit} seminars if one was read less than a TTL ago. */
    public Optional<byte[]> cached(int limit) {
        Cached c = firstPages.get(limit);
        // nanoTime, not a wall clock: an expiry must not move when the system clock is set.
        return c != null && System.nanoTime() - c.readAt() < ttlNanos ? Optional.of(c.body()) : Optional.empty();
    }

    /** Reads the page of {@code limit} seminars after {@code after} (null: the first page, then kept for the TTL). */
    public byte[] read(SeminarKey after, int limit) {
        long readAt = System.nanoTime();
        byte[] body = render(seminars.find(SeminarFilter.NONE, after, limit));
        if (after == null && ttlNanos > 0) {
            firstPages.put(limit, new Cached(body, readAt));
        }
        return body;
    }

    private byte[] render(Page<RawJson> page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of stored documents could not be written.", e);
        }
    }

    private record Cached(byte[] body, long readAt) {
    }
}
