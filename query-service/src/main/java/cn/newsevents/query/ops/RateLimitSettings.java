package cn.newsevents.query.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The per-client rate limit ({@code query.rate-limit.*}): a token bucket per client address holding {@code burst}
 * requests, refilled at {@code perSecond}; a {@code perSecond} of 0 switches the limit off.
 */
@ConfigurationProperties("query.rate-limit")
public record RateLimitSettings(@Bindable(defaultValue = "50") double perSecond,
                                @Bindable(defaultValue = "100") int burst) {
}
