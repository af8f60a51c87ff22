package cn.newsevents.query.article;

import java.util.List;

/**
 * A page of article headers, newest stored first. {@code total} counts all stored articles: exactly when
 * {@code totalIsEstimate} is false, else PostgreSQL's estimate of the table's size (large tables are not counted
 * per page). The total may be a few seconds old.
 */
public record ArticlePage(List<ArticleHeader> items, String next, long total, boolean totalIsEstimate) {
}
