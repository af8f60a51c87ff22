package cn.newsevents.query.article;

import java.util.List;

/** A page of article headers, newest stored first; {@code total} counts all stored articles. */
public record ArticlePage(List<ArticleHeader> items, String next, long total) {
}
