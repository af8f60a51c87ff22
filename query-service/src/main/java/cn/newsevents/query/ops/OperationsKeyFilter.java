package cn.newsevents.query.ops;

import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemType;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Guards the operational endpoints: {@code /prometheus} needs {@code Authorization: Bearer KEY} with one of the keys
 * in {@code query.operations-keys} (comma-separated; env {@code QUERY_OPERATIONS_KEYS}; none configured: nobody
 * reads metrics), and {@code /health} shows its details (database, disk) only to such a caller while its status
 * stays open for probes. The query API itself needs no key.
 */
@ServerFilter(value = "/(prometheus|health)(/.*)?", patternStyle = FilterPatternStyle.REGEX)
public class OperationsKeyFilter {
    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    public OperationsKeyFilter(@Value("${query.operations-keys:}") String keys) {
        this.keys = Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        boolean known = presented(request).map(this::known).orElse(false);
        if (request.getPath().startsWith("/health")) {
            if (known) {
                request.setAttribute(HttpAttributes.PRINCIPAL, (Principal) () -> "operations");
            }
            return null;
        }
        if (known) {
            return null;
        }
        return Problem.of(ProblemType.UNAUTHORIZED, "Metrics need 'Authorization: Bearer KEY' with one of the"
                        + " operations keys (QUERY_OPERATIONS_KEYS).").withInstance(request.getPath()).toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static Optional<String> presented(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).strip());
    }

    private boolean known(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, bytes);
        }
        return found;
    }
}
