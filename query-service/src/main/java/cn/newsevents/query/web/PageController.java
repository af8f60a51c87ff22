package cn.newsevents.query.web;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.InvalidParameterException;
import cn.newsevents.query.api.NotFoundException;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.Params;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.article.ArticleHeader;
import cn.newsevents.query.article.ArticleRepository;
import cn.newsevents.query.company.CompanyEventController;
import cn.newsevents.query.company.CompanyEventFilter;
import cn.newsevents.query.company.CompanyEventRepository;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.search.SearchTerms;
import cn.newsevents.query.seminar.SeminarFilter;
import cn.newsevents.query.seminar.SeminarKey;
import cn.newsevents.query.seminar.SeminarRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The pages for people: {@code /} (the latest seminars, filtered by the same parameters as {@code /seminars} and
 * paged with the same cursors; the filters stay in the URL so a view can be shared), {@code /seminar/{id}},
 * {@code /article/{id}} (the text with every event's evidence marked) and {@code /companies} (company figures,
 * one table per company). A bad parameter is the same 400 problem as on the JSON API.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PageController {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final SeminarRepository seminars;
    private final ArticleRepository articles;
    private final CompanyEventRepository companyEvents;
    private final Documents documents;
    private final QueryConfig config;
    private final long ttlNanos;
    private volatile CachedPage front;

    public PageController(SeminarRepository seminars, ArticleRepository articles,
                          CompanyEventRepository companyEvents, Documents documents, QueryConfig config) {
        this.seminars = seminars;
        this.articles = articles;
        this.companyEvents = companyEvents;
        this.documents = documents;
        this.config = config;
        this.ttlNanos = config.latestCacheTtl().toNanos();
    }

    /** The unfiltered first page, kept as long as the latest seminars are (see {@link QueryConfig}). */
    private record CachedPage(String html, long renderedAt) {
    }

    @Get(produces = HTML)
    public String latest(@Nullable @QueryValue String city, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String participant,
                         @Nullable @QueryValue String organization, @Nullable @QueryValue String q,
                         @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("city", Params.text("city", city));
        shown.put("from", Params.text("from", from));
        shown.put("to", Params.text("to", to));
        shown.put("participant", Params.text("participant", participant));
        shown.put("organization", Params.text("organization", organization));
        shown.put("q", Params.text("q", q));
        int size = Params.limit(limit, config);
        if (limit != null && !limit.isBlank()) {
            shown.put("limit", Integer.toString(size));
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidParameterException("from",
                    "The parameter 'from' (" + fromDate + ") must not be after 'to' (" + toDate + ").");
        }
        SeminarKey after = cursor == null || cursor.isBlank() ? null : SeminarKey.decode(cursor);
        boolean unfiltered = after == null && shown.values().stream().allMatch(v -> v == null);
        CachedPage kept = front;
        if (unfiltered && kept != null && System.nanoTime() - kept.renderedAt() < ttlNanos) {
            return kept.html();
        }
        long renderedAt = System.nanoTime();
        SeminarFilter filter = new SeminarFilter(SearchTerms.fold(shown.get("city")), fromDate, toDate,
                SearchTerms.fold(shown.get("participant")), SearchTerms.fold(shown.get("organization")),
                SearchTerms.fold(shown.get("q")));
        Page<RawJson> page = seminars.find(filter, after, size);
        String html = latestPage(shown, page, after != null);
        if (unfiltered && ttlNanos > 0) {
            front = new CachedPage(html, renderedAt);
        }
        return html;
    }

    private String latestPage(Map<String, String> shown, Page<RawJson> page, boolean later) {
        Html h = new Html();
        Views.open(h, "最新研讨会");
        h.raw("<h1>最新研讨会</h1>");
        filterForm(h, shown);
        h.raw("<section id=\"live\" class=\"live\" aria-labelledby=\"live-h\"><h2 id=\"live-h\">刚刚抽取</h2>")
                .raw("<p id=\"live-state\" class=\"hint\">新抽取的研讨会会出现在这里，无需刷新。</p>")
                .raw("<ol id=\"live-list\" aria-live=\"polite\"></ol></section>");
        h.raw("<section aria-labelledby=\"list-h\"><h2 id=\"list-h\" class=\"visually-hidden\">研讨会列表</h2>");
        if (page.items().isEmpty()) {
            h.raw("<p class=\"empty\">没有符合条件的研讨会。</p>");
        }
        h.raw("<ol id=\"seminars\" class=\"seminars\">");
        for (RawJson doc : page.items()) {
            h.raw("<li>");
            Views.seminar(h, documents.seminar(doc), 3, true);
            h.raw("</li>");
        }
        h.raw("</ol></section><nav class=\"pager\" aria-label=\"分页\">");
        if (later) {
            h.raw("<a").attr("href", "/" + query(shown, null)).raw(">回到第一页</a>");
        }
        if (page.next() != null) {
            h.raw("<a rel=\"next\"").attr("href", "/" + query(shown, page.next())).raw(">下一页</a>");
        }
        h.raw("</nav>");
        return Views.close(h);
    }

    private static void filterForm(Html h, Map<String, String> shown) {
        h.raw("<form class=\"filters\" role=\"search\" method=\"get\" action=\"/\">");
        input(h, "city", "城市", "text", shown.get("city"), "如 常州");
        input(h, "from", "起始日期", "date", shown.get("from"), null);
        input(h, "to", "截止日期", "date", shown.get("to"), null);
        input(h, "participant", "参会人", "text", shown.get("participant"), "姓名，简繁皆可");
        input(h, "organization", "单位", "text", shown.get("organization"), "单位名称的一部分");
        input(h, "q", "关键词", "search", shown.get("q"), "简体或繁体");
        if (shown.get("limit") != null) {
            h.raw("<input type=\"hidden\" name=\"limit\"").attr("value", shown.get("limit")).raw(">");
        }
        h.raw("<div class=\"actions\"><button type=\"submit\">筛选</button><a href=\"/\">清除</a></div></form>");
    }

    private static void input(Html h, String name, String label, String type, String value, String placeholder) {
        h.raw("<div class=\"field\"><label").attr("for", "f-" + name).raw(">").text(label).raw("</label><input")
                .attr("id", "f-" + name).attr("name", name).attr("type", type).attr("value", value);
        if (placeholder != null) {
            h.attr("placeholder", placeholder);
        }
        h.raw("></div>");
    }

    private static String query(Map<String, String> params, String cursor) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        if (cursor != null) {
            q.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    @Get(value = "/seminar/{id}", produces = HTML)
    public String seminar(@PathVariable String id) {
        SeminarEvent s = documents.seminar(seminars.byId(id).orElseThrow(() -> NotFoundException.of("seminar", id)));
        Html h = new Html();
        Views.open(h, Views.title(s));
        h.raw("<h1>").text(Views.title(s)).raw("</h1>");
        Views.seminar(h, s, 2, false);
        articleBody(h, s.articleId());
        return Views.close(h);
    }

    @Get(value = "/article/{id}", produces = HTML)
    public String article(@PathVariable String id) {
        ArticleHeader a = articles.byId(id).orElseThrow(() -> NotFoundException.of("article", id));
        Html h = new Html();
        Views.open(h, a.title());
        h.raw("<h1>").text(a.title()).raw("</h1>");
        articleBody(h, id);
        return Views.close(h);
    }

    private void articleBody(Html h, String articleId) {
        ArticleHeader a = articles.byId(articleId).orElseThrow(() -> NotFoundException.of("article", articleId));
        String text = articles.text(articleId).orElse("");
        List<SeminarEvent> s = seminars.ofArticle(articleId).stream().map(documents::seminar).toList();
        List<CompanyEvent> c = companyEvents.ofArticle(articleId).stream().map(documents::company).toList();
        Views.article(h, a, text, s, c);
    }

    @Get(value = "/companies", produces = HTML)
    public String companies(@Nullable @QueryValue String company, @Nullable @QueryValue String metric,
                            @Nullable @QueryValue String period, @Nullable @QueryValue String cursor) {
        String companyTerm = Params.text("company", company);
        String metricCode = Params.text("metric", metric);
        String periodTerm = Params.text("period", period);
        Metric m = CompanyEventController.metric(metricCode);
        CompanyEventController.period(periodTerm);
        TimeKey after = cursor == null || cursor.isBlank() ? null : TimeKey.decode(CursorKind.COMPANY_EVENT, cursor);
        Page<RawJson> page = companyEvents.find(new CompanyEventFilter(SearchTerms.fold(companyTerm), m, periodTerm),
                after, config.maxPageSize());
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("company", companyTerm);
        shown.put("metric", metricCode);
        shown.put("period", periodTerm);
        Html h = new Html();
        Views.open(h, "企业数据");
        h.raw("<h1>企业数据</h1><form class=\"filters\" role=\"search\" method=\"get\" action=\"/companies\">");
        input(h, "company", "企业", "text", companyTerm, "企业名称的一部分");
        h.raw("<div class=\"field\"><label for=\"f-metric\">指标</label><select id=\"f-metric\" name=\"metric\">")
                .raw("<option value=\"\">全部</option>");
        for (Metric each : Metric.values()) {
            h.raw("<option").attr("value", each.code()).raw(each == m ? " selected>" : ">")
                    .text(Formats.metric(each)).raw("</option>");
        }
        h.raw("</select></div>");
        input(h, "period", "期间", "text", periodTerm, "如 2023、2024-Q1");
        h.raw("<div class=\"actions\"><button type=\"submit\">筛选</button><a href=\"/companies\">清除</a></div></form>");
        List<CompanyEvent> events = page.items().stream().map(documents::company).toList();
        if (events.isEmpty()) {
            h.raw("<p class=\"empty\">没有符合条件的企业数据。</p>");
        }
        Views.companyTables(h, events, true);
        h.raw("<nav class=\"pager\" aria-label=\"分页\">");
        if (after != null) {
            h.raw("<a").attr("href", "/companies" + query(shown, null)).raw(">回到第一页</a>");
        }
        if (page.next() != null) {
            h.raw("<a rel=\"next\"").attr("href", "/companies" + query(shown, page.next())).raw(">下一页</a>");
        }
        h.raw("</nav>");
        return Views.close(h);
    }
}
