package cn.newsevents.query.seminar;

import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.RawJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Pages of the latest seminars as response bytes. A first page is kept for {@link QueryConfig#latestCacheTtl()}:
 * the most requested page then costs neither a database round trip nor encoding, and a newly stored seminar shows
 * up at most one TTL later. Only first pages are kept (one per page size, so at most {@code maxPageSize} entries);
 * pages after a cursor are always read. A kept page is also kept gzip-compressed, once, for clients that accept
 * it: the page is some 17 KB of JSON at 20 seminars, about a fifth of that compressed, and compressing it per
 * request would cost more than serving it.
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

    /** A kept first page: its JSON and the same bytes gzip-compressed. */
    public record Cached(byte[] body, byte[] gzipped, long readAt) {
    }

    /** The first page of {@code limit} seminars if one was read less than a TTL ago. */
    public Optional<Cached> cached(int limit) {
        Cached c = firstPages.get(limit);
        // nanoTime, not a wall clock: an expiry must not move when the system clock is set.
        return c != null && System.nanoTime() - c.readAt() < ttlNanos ? Optional.of(c) : Optional.empty();
    }

    /** Reads the page of {@code limit} seminars after {@code after} (null: the first page, then kept for the TTL). */
    public byte[] read(SeminarKey after, int limit) {
        long readAt = System.nanoTime();
        byte[] body = render(seminars.find(SeminarFilter.NONE, after, limit));
        if (after == null && ttlNanos > 0) {
            firstPages.put(limit, new Cached(body, gzip(body), readAt));
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

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
