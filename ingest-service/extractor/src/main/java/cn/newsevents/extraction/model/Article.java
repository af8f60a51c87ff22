package cn.newsevents.extraction.model;

import java.time.OffsetDateTime;

/**
 * An article as the extractor sees it. {@code text} is the full original text the evidence offsets index;
 * {@code bodyOffset} is where the body starts inside it. {@code publishedAt} anchors relative dates.
 */
public record Article(String id, String url, String title, String source, OffsetDateTime publishedAt,
                      String language, String text, int bodyOffset) {
}
