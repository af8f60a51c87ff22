package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;

/** Finds the events of one article; the processor's seam to the extractor. Implementations are thread-safe. */
@FunctionalInterface
public interface ArticleAnalyzer {
    ExtractionResult analyze(Article article);
}
