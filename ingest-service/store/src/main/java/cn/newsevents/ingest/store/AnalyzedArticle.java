package cn.newsevents.ingest.store;

import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.messaging.RawArticle;

/** An article with what the extractor found in it: the unit the store writes. */
public record AnalyzedArticle(RawArticle article, ExtractionResult result) {

    /**
     * A digest of everything that makes the article's content: re-posting the same content is a no-op,
     * different content under the same id is a revision.
     */
    public String contentHash() {
        return Ids.sha256(String.join("\u0000", nz(article.title()), nz(article.source()),
                article.publishedAt().toInstant().toString(), nz(article.language()), article.text()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
