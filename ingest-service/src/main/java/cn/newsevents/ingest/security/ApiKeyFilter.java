package cn.newsevents.ingest.security;

import cn.newsevents.ingest.api.Problem;
import cn.newsevents.ingest.api.ProblemType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

import java.util.Optional;

/**
 * Guards writes to {@code /articles}: {@code Authorization: Bearer KEY} with a known key (401 otherwise), the
 * {@link Permission#WRITE} permission (403) and the key's rate limit (429 with Retry-After). Reads, health,
 * metrics and the API documentation stay open. Every request under {@code /admin} needs the
 * {@link Permission#ADMIN} permission instead, whatever its method.
 */
// One regular expression rather than three Ant patterns: Micronaut matches filter patterns on every request, and
// an Ant pattern tokenises both the pattern and the path each time.
@ServerFilter(value = "/(articles|admin)(/.*)?", patternStyle = FilterPatternStyle.REGEX)
@Requires(property = "ingest.api.enabled", notEquals = "false")
public class ApiKeyFilter {
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final RateLimiter limiter;

    public ApiKeyFilter(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean admin = request.getPath().startsWith("/admin");
        if (!admin && (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)) {
            return null;
        }
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Send the API key as 'Authorization: Bearer KEY'.");
        }
        Optional<ApiKeys.ApiKey> key = keys.find(header.get().substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            return unauthorized("The API key is not known: check the key you were given.");
        }
        if (admin && !key.get().may(Permission.ADMIN)) {
            return Problem.of(ProblemType.FORBIDDEN,
                    "This API key may not run maintenance: /admin needs a key with the admin permission.")
                    .toResponse();
        }
        if (!admin && !key.get().may(Permission.WRITE)) {
            return Problem.of(ProblemType.FORBIDDEN,
                    "This API key may only read: submitting articles needs a key with the write permission.")
                    .toResponse();
        }
        long wait = limiter.tryTake(key.get().digest());
        if (wait > 0) {
            return Problem.of(ProblemType.RATE_LIMITED, "This API key exceeded its rate limit; retry after "
                    + wait + " seconds.").toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        }
        return null;
    }

    private static MutableHttpResponse<Problem> unauthorized(String detail) {
        return Problem.of(ProblemType.UNAUTHORIZED, detail).toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
