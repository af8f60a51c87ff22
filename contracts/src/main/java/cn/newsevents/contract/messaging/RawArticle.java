package cn.newsevents.contract.messaging;

import cn.newsevents.contract.event.Article;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The value of a {@link Topics#ARTICLES_RAW} record: an accepted article, already validated and reduced to
 * text. {@code text} is the full text the extractor reads (headline first), {@code bodyOffset} where the body
 * starts in it; {@code receivedAt} is when the API accepted it. Schema: {@code schemas/raw-article.schema.json}.
 */
public record RawArticle(String id, String url, String title, String source, OffsetDateTime publishedAt,
                         String language, String text, int bodyOffset, Instant receivedAt) {
    /** Longest headline, source, url (characters, and UTF-8 bytes: the url index's entry limit) and id. */
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_URL = 2_048;
    public static final int MAX_URL_BYTES = 2_000;
    public static final int MAX_ID = 200;
    /** Longest text: a body of the API's largest request plus its headline (bytes are never fewer than chars). */
    public static final int MAX_TEXT = 1_048_576 + MAX_TITLE + 2;

    /**
     * What breaks the contract of {@link Topics#ARTICLES_RAW} in this value (a sentence naming the field), or null.
     * The API checks the same before publishing; the processor checks again, since anything with access to the
     * topic can write to it.
     */
    public String violation() {
        if (id.isEmpty() || id.length() > MAX_ID || hasControl(id, false)) {
            return "id must have 1 to " + MAX_ID + " characters and no control characters.";
        }
        if (title.isBlank() || title.length() > MAX_TITLE || hasControl(title, true)) {
            return "title must have 1 to " + MAX_TITLE + " characters and no control characters.";
        }
        if (source != null && (source.length() > MAX_SOURCE || hasControl(source, true))) {
            return "source must have at most " + MAX_SOURCE + " characters and no control characters.";
        }
        if (url != null && (url.length() > MAX_URL || utf8Length(url) > MAX_URL_BYTES || hasControl(url, false))) {
            return "url must have at most " + MAX_URL + " characters, " + MAX_URL_BYTES
                    + " bytes in UTF-8, and no control characters.";
        }
        if (text.length() > MAX_TEXT || hasControl(text, true)) {
            return "text must have at most " + MAX_TEXT + " characters and no control characters but tab and line "
                    + "breaks.";
        }
        return null;
    }

    private static boolean hasControl(String s, boolean lineBreaksAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** The length of {@code s} in UTF-8, without encoding it. */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The article as the extractor sees it. */
    public Article toArticle() {
        return new Article(id, url, title, source, publishedAt, language, text, bodyOffset);
    }

    /** The body: the text after the headline (and source line). */
    public String body() {
        return text.substring(bodyOffset);
    }
}
