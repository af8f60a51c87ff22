package cn.newsevents.extraction;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ArticleInfo;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.company.CompanyExtractor;
import cn.newsevents.extraction.seminar.SeminarExtractor;
import cn.newsevents.extraction.text.SimplifiedText;

import java.util.List;

/**
 * Extracts seminar and company events from one article. Thread-safe; construct once and share.
 * Every event's evidence indexes {@link Article#text()} exactly: analysis runs on a simplified view of the
 * same length.
 */
public final class Extractor {
    private final SeminarExtractor seminars = new SeminarExtractor();
    private final CompanyExtractor companies = new CompanyExtractor();

    public ExtractionResult extract(Article article) {
        String text = article.text();
        String simplified = SimplifiedText.of(text);
        List<SeminarEvent> found = seminars.extract(article, simplified);
        List<CompanyEvent> companyEvents = companies.extract(article, simplified, found);
        String script = simplified.equals(text) ? "simplified" : "traditional";
        ArticleInfo info = new ArticleInfo(article.id(), article.url(), article.title(), article.source(),
                article.publishedAt(), script, text.length());
        return new ExtractionResult(info, found, companyEvents);
    }
}
