package cn.newsevents.ingest.store;

import cn.newsevents.contract.messaging.RawArticle;

/** A stored article as read back for reprocessing, with the content hash it had when read. */
public record StoredArticle(RawArticle article, String contentHash) {
}
