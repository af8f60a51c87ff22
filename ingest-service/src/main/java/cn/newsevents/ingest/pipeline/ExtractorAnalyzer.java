package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.extraction.Extractor;
import jakarta.inject.Singleton;

/** The production analyzer: the extractor library. */
@Singleton
public class ExtractorAnalyzer implements ArticleAnalyzer {
    private final Extractor extractor = new Extractor();

    @Override
    public ExtractionResult analyze(Article article) {
        return extractor.extract(article);
    }
}
