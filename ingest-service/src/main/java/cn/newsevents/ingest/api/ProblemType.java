package cn.newsevents.ingest.api;

import io.micronaut.http.HttpStatus;

/** The kinds of failure the HTTP API reports, each with its RFC 9457 type URI, title and status. */
public enum ProblemType {
    INVALID_FIELD("invalid-field", "A field of the article is invalid.", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "The request body is not a JSON object.", HttpStatus.BAD_REQUEST),
    INVALID_ENCODING("invalid-encoding", "The request body is not valid UTF-8.", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("bad-request", "The request is invalid.", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The content type is not supported.",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large.", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNAUTHORIZED("unauthorized", "An API key is required.", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "The API key may not do this.", HttpStatus.FORBIDDEN),
    RATE_LIMITED("rate-limited", "Too many requests for this API key.", HttpStatus.TOO_MANY_REQUESTS),
    BROKER_UNAVAILABLE("broker-unavailable", "The message broker is unavailable.", HttpStatus.SERVICE_UNAVAILABLE),
    NOT_FOUND("not-found", "No such resource.", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed here.", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "The requested representation is not available.", HttpStatus.NOT_ACCEPTABLE),
    INTERNAL("internal", "The server failed to handle the request.", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String PREFIX = "urn:newsevents:problem:";

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

    /** The type reported for a framework error of this status. */
    public static ProblemType forStatus(int code) {
        for (ProblemType t : values()) {
            if (t.status.getCode() == code && t != INVALID_FIELD && t != MALFORMED_JSON && t != INVALID_ENCODING) {
                return t;
            }
        }
        return code >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
