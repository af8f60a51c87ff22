package cn.newsevents.query.article;

import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.NotFoundException;
import cn.newsevents.query.api.Params;
import cn.newsevents.query.company.CompanyEventRepository;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.seminar.SeminarRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

/** Stored articles: a paged list of headers and one article with its events. */
@Controller("/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {
    private final ArticleRepository articles;
    private final SeminarRepository seminars;
    private final CompanyEventRepository companyEvents;
    private final ArticleCount count;
    private final QueryConfig config;

    public ArticleController(ArticleRepository articles, SeminarRepository seminars,
                             CompanyEventRepository companyEvents, ArticleCount count, QueryConfig config) {
        this.articles = articles;
        this.count = count;
        this.seminars = seminars;
        this.companyEvents = companyEvents;
        this.config = config;
    }

    @Operation(summary = "Article headers, newest stored first, keyset-paged, with the total count (exact or estimated)")
    @Get
    public ArticlePage listArticles(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        int size = Params.limit(limit, config);
        TimeKey after = cursor == null || cursor.isBlank() ? null : TimeKey.decode(CursorKind.ARTICLE, cursor);
        List<ArticleHeader> found = articles.find(after, size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            ArticleHeader last = found.get(size - 1);
            next = new TimeKey(last.ingestedAt(), last.id()).encode(CursorKind.ARTICLE);
        }
        ArticleCount.Total total = count.total();
        return new ArticlePage(List.copyOf(found), next, total.value(), total.estimate());
    }

    @Operation(summary = "One article header with its seminars and company events")
    @Get("/{id}")
    public ArticleDetail articleById(@PathVariable String id) {
        Params.id("article id", id);
        ArticleHeader header = articles.byId(id).orElseThrow(() -> NotFoundException.of("article", id));
        return new ArticleDetail(header, seminars.ofArticle(id), companyEvents.ofArticle(id));
    }
}
