package cn.newsevents.query.ops;

import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;

/**
 * Limits the requests of each client address ({@link ClientRateLimiter}); over the limit the answer is 429 with
 * {@code Retry-After} and a problem document. The address is the connection's peer, or the first address of the
 * header named by {@code micronaut.server.client-address-header} (e.g. {@code X-Forwarded-For}, behind a proxy
 * that sets it). {@code /health} stays open for probes.
 */
@ServerFilter("/**")
public class RateLimitFilter {
    private final ClientRateLimiter limiter;
    private final HttpClientAddressResolver addresses;
    private final Counter limited;

    public RateLimitFilter(ClientRateLimiter limiter, HttpClientAddressResolver addresses, MeterRegistry meters) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.limited = Counter.builder("query.rate.limited")
                .description("Requests answered 429 because their client was over the rate limit.")
                .register(meters);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getPath().startsWith("/health")) {
            return null;
        }
        String client = addresses.resolve(request);
        long wait = limiter.tryTake(client == null ? "" : client);
        if (wait == 0) {
            return null;
        }
        limited.increment();
        return Problem.of(ProblemType.RATE_LIMITED, "This client sent more requests than the rate limit allows; "
                        + "try again after " + wait + " s (Retry-After).").withInstance(request.getPath()).toResponse()
                .header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    }
}
