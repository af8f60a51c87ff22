package cn.newsevents.contract.event;

import java.time.OffsetDateTime;

/** The article header echoed in an extraction result (no body). {@code script} is "simplified" or "traditional". */
public record ArticleInfo(String id, String url, String title, String source, OffsetDateTime publishedAt,
                          String script, int length) {
}
