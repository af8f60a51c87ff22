package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;

/**
 * The largest {@link Topics#ARTICLES_RAW} record that can keep the topic's contract, in bytes: what a consumer
 * must be ready to hold per record. A raw article's text has at most {@link RawArticle#MAX_TEXT} characters, each
 * at most 3 bytes in UTF-8 or in its JSON escape (tab and line breaks take 2; other control characters break the
 * contract); the short fields are counted at 6 bytes a character (a {@code \}{@code uXXXX} escape), plus room for
 * names, dates and numbers. A record over it cannot be a valid raw article.
 */
public final class RecordLimits {
    /** Largest raw article record value: 3,170,830 bytes (about 3 MiB). */
    public static final int MAX_RECORD_BYTES = 3 * RawArticle.MAX_TEXT
            + 6 * (RawArticle.MAX_ID + RawArticle.MAX_TITLE + RawArticle.MAX_SOURCE + RawArticle.MAX_URL + 64)
            + 1_024;
    /** Largest record key (an article id of at most {@link RawArticle#MAX_ID} characters). */
    public static final int MAX_KEY_BYTES = 6 * RawArticle.MAX_ID;

    private RecordLimits() {
    }

    /** Records per poll so that their keys and values stay within {@code maxPollBytes}: at least 1. */
    public static int recordsWithin(long maxPollBytes, int maxPollRecords) {
        long fit = maxPollBytes / (MAX_RECORD_BYTES + MAX_KEY_BYTES);
        return (int) Math.max(1, Math.min(maxPollRecords, fit));
    }
}
