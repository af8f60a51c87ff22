package cn.newsevents.ingest.pipeline;

import cn.newsevents.extraction.model.Article;
import cn.newsevents.extraction.model.ExtractionResult;

/** Finds the events of one article; the processor's seam to the extractor. Implementations are thread-safe. */
@FunctionalInterface
public interface ArticleAnalyzer {
    ExtractionResult analyze(Article article);
}
