package cn.newsevents.query.seminar;

import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first page of the latest seminars, reused for {@link QueryConfig#latestCacheTtl()}: the most requested page
 * then costs no database round trip, and a newly stored seminar shows up at most one TTL later. Only first pages
 * are kept (one per page size, so at most {@code maxPageSize} entries); pages after a cursor are always read.
 */
@Singleton
public class LatestSeminars {
    private final SeminarRepository seminars;
    private final long ttlNanos;
    private final Map<Integer, Cached> firstPages = new ConcurrentHashMap<>();

    public LatestSeminars(SeminarRepository seminars, QueryConfig config) {
        this.seminars = seminars;
        this.ttlNanos = config.latestCacheTtl().toNanos();
    }

    /** The first page of {@code limit} seminars if one was read less than a TTL ago. */
    public Optional<Page<RawJson>> cached(int limit) {
        Cached c = firstPages.get(limit);
        // nanoTime, not a wall clock: an expiry must not move when the system clock is set.
        return c != null && System.nanoTime() - c.readAt() < ttlNanos ? Optional.of(c.page()) : Optional.empty();
    }

    /** Reads the first page of {@code limit} seminars and keeps it for the TTL. */
    public Page<RawJson> read(int limit) {
        long readAt = System.nanoTime();
        Page<RawJson> page = seminars.find(SeminarFilter.NONE, null, limit);
        if (ttlNanos > 0) {
            firstPages.put(limit, new Cached(page, readAt));
        }
        return page;
    }

    private record Cached(Page<RawJson> page, long readAt) {
    }
}
