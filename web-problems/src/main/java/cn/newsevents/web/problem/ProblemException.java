package cn.newsevents.web.problem;

import java.util.Map;

/**
 * Ends a request with {@link #problem()} (its {@code instance} filled with the request path);
 * {@link #headers()} are added to the response (e.g. Retry-After).
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
