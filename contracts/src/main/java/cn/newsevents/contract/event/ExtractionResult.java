package cn.newsevents.contract.event;

import java.util.List;

/** Everything extracted from one article: the object the CLI prints, the topics carry and the query service serves. */
public record ExtractionResult(ArticleInfo article, List<SeminarEvent> seminars, List<CompanyEvent> companyEvents) {
}
