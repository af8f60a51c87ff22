package cn.newsevents.ingest.security;

import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

import java.security.Principal;
import java.util.Optional;

/**
 * Guards writes to {@code /articles}: {@code Authorization: Bearer KEY} with a known key (401 otherwise), the
 * {@link Permission#WRITE} permission (403) and the key's rate limit (429 with Retry-After). Every request under
 * {@code /admin} needs the {@link Permission#ADMIN} permission instead, whatever its method; {@code /prometheus}
 * needs any known key. {@code /health} answers everyone with its status, and with its details (database, disk,
 * processor) only a caller with a known key. Active on every role: a processor-only instance serves
 * {@code /admin} too. Reads of {@code /articles}, {@code /ping} and the API documentation stay open.
 */
// One regular expression rather than several Ant patterns: Micronaut matches filter patterns on every request, and
// an Ant pattern tokenises both the pattern and the path each time.
@ServerFilter(value = "/(articles|admin|prometheus|health)(/.*)?", patternStyle = FilterPatternStyle.REGEX)
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
        String path = request.getPath();
        if (path.startsWith("/health")) {
            // The status stays open for probes; a known key makes the caller authenticated, which shows details.
            key(request).ifPresent(k -> request.setAttribute(HttpAttributes.PRINCIPAL, (Principal) k::digest));
            return null;
        }
        boolean metrics = path.startsWith("/prometheus");
        boolean admin = path.startsWith("/admin");
        if (!admin && !metrics
                && (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)) {
            return null;
        }
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(path, "Send the API key as 'Authorization: Bearer KEY'.");
        }
        Optional<ApiKeys.ApiKey> key = keys.find(header.get().substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            return unauthorized(path, "The API key is not known: check the key you were given.");
        }
        if (metrics) {
            return null;
        }
        if (admin && !key.get().may(Permission.ADMIN)) {
            return Problem.of(ProblemType.FORBIDDEN,
                    "This API key may not run maintenance: /admin needs a key with the admin permission.")
                    .withInstance(path).toResponse();
        }
        if (!admin && !key.get().may(Permission.WRITE)) {
            return Problem.of(ProblemType.FORBIDDEN,
                    "This API key may only read: submitting articles needs a key with the write permission.")
                    .withInstance(path).toResponse();
        }
        long wait = limiter.tryTake(key.get().digest());
        if (wait > 0) {
            return Problem.of(ProblemType.RATE_LIMITED, "This API key exceeded its rate limit; retry after "
                    + wait + " seconds.").withInstance(path).toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        }
        return null;
    }

    private Optional<ApiKeys.ApiKey> key(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return keys.find(header.get().substring(BEARER.length()).strip());
    }

    private static MutableHttpResponse<Problem> unauthorized(String path, String detail) {
        return Problem.of(ProblemType.UNAUTHORIZED, detail).withInstance(path).toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
