package cn.newsevents.ingest.messaging;

import cn.newsevents.extraction.model.Article;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The value of a {@link Topics#ARTICLES_RAW} record: an accepted article, already validated and reduced to
 * text. {@code text} is the full text the extractor reads (headline first), {@code bodyOffset} where the body
 * starts in it; {@code receivedAt} is when the API accepted it. Schema: {@code schemas/raw-article.schema.json}.
 */
public record RawArticle(String id, String url, String title, String source, OffsetDateTime publishedAt,
                         String language, String text, int bodyOffset, Instant receivedAt) {

    /** The article as the extractor sees it. */
    public Article toArticle() {
        return new Article(id, url, title, source, publishedAt, language, text, bodyOffset);
    }

    /** The body: the text after the headline (and source line). */
    public String body() {
        return text.substring(bodyOffset);
    }
}
