package cn.newsevents.contract.messaging;

/**
 * The value of a {@link Topics#ARTICLE_EVENTS_REPLACED_TYPE} record: article {@code articleId} has a new event set,
 * {@code generation}, of which {@code events} events follow on this topic. Everything held for the article from
 * an older generation is gone.
 */
public record ArticleEventsReplaced(String articleId, int generation, int events) {
}
