package cn.newsevents.query;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Paging limits of every list endpoint: {@code defaultPageSize} when no {@code limit} is given, and
 * {@code maxPageSize} (env {@code QUERY_MAX_PAGE_SIZE}) as the cap a larger {@code limit} is lowered to.
 */
@ConfigurationProperties("query")
public record QueryConfig(@Bindable(defaultValue = "100") int maxPageSize,
                          @Bindable(defaultValue = "20") int defaultPageSize) {
}
