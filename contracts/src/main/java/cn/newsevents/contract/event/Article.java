package cn.newsevents.contract.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An article as the extractor sees it. {@code text} is the full original text the evidence offsets index;
 * {@code bodyOffset} is where the body starts inside it. {@code publishedAt} anchors relative dates.
 */
public record Article(String id, String url, String title, String source, OffsetDateTime publishedAt,
                      String language, String text, int bodyOffset) {
    /** The zone of publication times given without an offset, and of the dates shown for stored articles. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
}
