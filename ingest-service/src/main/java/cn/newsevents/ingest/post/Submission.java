package cn.newsevents.ingest.post;

/**
 * One article to post: where it came from ({@code file} or {@code file:line}), its media type and its body.
 * Seed-layout files go as {@code text/plain}, JSON articles as {@code application/json}, as the API takes them.
 */
public record Submission(String source, String contentType, byte[] body) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
}
