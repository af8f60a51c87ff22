package cn.newsevents.extraction.company;

import cn.newsevents.extraction.model.Article;
import cn.newsevents.extraction.model.CompanyEvent;
import cn.newsevents.extraction.model.SeminarEvent;

import java.util.List;

/** Finds company metrics and seminar attendance in an article. Thread-safe. */
public final class CompanyExtractor {

    /**
     * @param article    the article; evidence offsets index {@code article.text()}
     * @param simplified {@code article.text()} in simplified characters, same length
     * @param seminars   the seminars already found, for attendance events
     */
    public List<CompanyEvent> extract(Article article, String simplified, List<SeminarEvent> seminars) {
        return List.of();
    }
}
