package cn.newsevents.query.article;

import cn.newsevents.query.QueryConfig;
import jakarta.inject.Singleton;

/**
 * The number of stored articles for the {@code total} of {@code /articles}, without a scan of the table per page.
 * Below {@link QueryConfig#exactTotalBelow()} rows (by the planner's estimate) the count is exact, since counting
 * a small table is cheap; above it, the planner's estimate from {@code pg_class.reltuples} is served and marked as
 * one. Either is kept for {@link QueryConfig#totalCacheTtl()}, so a burst of page requests counts once.
 */
@Singleton
public class ArticleCount {
    private final ArticleRepository articles;
    private final long exactBelow;
    private final long ttlNanos;
    private volatile Kept kept;

    public ArticleCount(ArticleRepository articles, QueryConfig config) {
        this.articles = articles;
        this.exactBelow = config.exactTotalBelow();
        this.ttlNanos = config.totalCacheTtl().toNanos();
    }

    /** A count and whether it is the planner's estimate rather than an exact count. */
    public record Total(long value, boolean estimate) {
    }

    private record Kept(Total total, long readAt) {
    }

    /** The current total, read again once the kept one is older than the TTL. */
    public Total total() {
        Kept k = kept;
        // nanoTime, not a wall clock: an expiry must not move when the system clock is set.
        if (k != null && System.nanoTime() - k.readAt() < ttlNanos) {
            return k.total();
        }
        long readAt = System.nanoTime();
        long estimate = articles.findEstimatedCount();
        Total total = estimate >= exactBelow ? new Total(estimate, true) : new Total(articles.countExactly(), false);
        kept = new Kept(total, readAt);
        return total;
    }
}
