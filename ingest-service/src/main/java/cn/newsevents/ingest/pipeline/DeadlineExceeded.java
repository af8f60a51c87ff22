package cn.newsevents.ingest.pipeline;

/**
 * The extraction of one article outran {@code ingest.processor.article-deadline}; its record goes to the
 * dead-letter topic with this exception's name and message.
 */
public final class DeadlineExceeded extends RuntimeException {
    DeadlineExceeded(String message) {
        super(message);
    }
}
