package cn.newsevents.query.article;

import cn.newsevents.query.api.RawJson;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** An article header with the seminar and company events extracted from it, as published. */
public record ArticleDetail(@JsonUnwrapped ArticleHeader article, List<RawJson> seminars,
                            List<RawJson> companyEvents) {
}
