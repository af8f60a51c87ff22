package cn.newsevents.query;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Paging limits of every list endpoint: {@code defaultPageSize} when no {@code limit} is given, and
 * {@code maxPageSize} (env {@code QUERY_MAX_PAGE_SIZE}) as the cap a larger {@code limit} is lowered to.
 * {@code latestCacheTtl} (env {@code QUERY_LATEST_CACHE_TTL}) is how long a first page of
 * {@code /seminars/latest} is reused; zero reads the database on every request. The {@code total} of
 * {@code /articles} is an exact count while the planner estimates fewer than {@code exactTotalBelow} articles
 * (env {@code QUERY_EXACT_TOTAL_BELOW}), the planner's estimate above, and is reused for {@code totalCacheTtl}
 * (env {@code QUERY_TOTAL_CACHE_TTL}).
 */
@ConfigurationProperties("query")
public record QueryConfig(@Bindable(defaultValue = "100") int maxPageSize,
                          @Bindable(defaultValue = "20") int defaultPageSize,
                          @Bindable(defaultValue = "1s") Duration latestCacheTtl,
                          @Bindable(defaultValue = "10000") long exactTotalBelow,
                          @Bindable(defaultValue = "5s") Duration totalCacheTtl) {
}
