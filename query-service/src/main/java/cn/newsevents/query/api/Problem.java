package cn.newsevents.query.api;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code field} names the request
 * parameter that caused a 400 and is null otherwise.
 */
public record Problem(String type, String title, int status, String detail, String instance, String field) {
    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
