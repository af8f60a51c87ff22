package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.model.Article;
import cn.newsevents.extraction.model.SeminarEvent;

import java.util.List;

/** Finds the seminars (座谈会, 专题会, 研讨会...) an article reports. Thread-safe. */
public final class SeminarExtractor {

    /**
     * @param article    the article; evidence offsets index {@code article.text()}
     * @param simplified {@code article.text()} in simplified characters, same length
     */
    public List<SeminarEvent> extract(Article article, String simplified) {
        return List.of();
    }
}
