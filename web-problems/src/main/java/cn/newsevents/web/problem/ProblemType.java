package cn.newsevents.web.problem;

import io.micronaut.http.HttpStatus;

/**
 * Every kind of failure the HTTP services report, each with its type URI ({@code urn:newsevents:problem:SLUG}),
 * title and status. Clients may rely on the URIs: a kind is added, never renamed.
 */
public enum ProblemType {
    INVALID_FIELD("invalid-field", "A field of the article is invalid.", HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER("invalid-parameter", "A parameter of the request is invalid.", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "The request body is not a JSON object.", HttpStatus.BAD_REQUEST),
    INVALID_ENCODING("invalid-encoding", "The request body is not valid UTF-8.", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("bad-request", "The request is invalid.", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The content type is not supported.",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large.", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNAUTHORIZED("unauthorized", "An API key is required.", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "The API key may not do this.", HttpStatus.FORBIDDEN),
    RATE_LIMITED("rate-limited", "Too many requests.", HttpStatus.TOO_MANY_REQUESTS),
    BROKER_UNAVAILABLE("broker-unavailable", "The message broker is unavailable.", HttpStatus.SERVICE_UNAVAILABLE),
    NOT_FOUND("not-found", "No such resource.", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed here.", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "The requested representation is not available.", HttpStatus.NOT_ACCEPTABLE),
    INTERNAL("internal", "The server failed to handle the request.", HttpStatus.INTERNAL_SERVER_ERROR);

    /** The scheme every problem type URI starts with. */
    public static final String PREFIX = "urn:newsevents:problem:";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type reported for a framework error of this status (an unknown route, a refused method...). */
    public static ProblemType forStatus(int code) {
        for (ProblemType t : values()) {
            if (t.status.getCode() == code && t.generic()) {
                return t;
            }
        }
        return code >= 500 ? INTERNAL : BAD_REQUEST;
    }

    /** Whether this type may stand for any error of its status, not only a failure the services detect. */
    private boolean generic() {
        return this != INVALID_FIELD && this != INVALID_PARAMETER && this != MALFORMED_JSON
                && this != INVALID_ENCODING;
    }
}
