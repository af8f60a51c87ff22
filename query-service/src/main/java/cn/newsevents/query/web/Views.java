package cn.newsevents.query.web;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.query.article.ArticleHeader;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTML of the pages for people: a shared frame, seminar cards, the article text with every event's evidence
 * marked, and company figures as one table per company. Plain server-side HTML with one small stylesheet and one
 * small script (the live panel and the event shown next to a focused or hovered mark); the page works without
 * the script, minus those two.
 */
final class Views {
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Views() {
    }

    static void open(Html h, String title) {
        h.raw("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · newsevents</title>")
                .raw("<link rel=\"stylesheet\" href=\"/assets/page.css\"></head><body>")
                .raw("<a class=\"skip\" href=\"#main\">跳到正文</a>")
                .raw("<header class=\"top\"><a class=\"brand\" href=\"/\">newsevents</a>")
                .raw("<nav aria-label=\"主导航\"><a href=\"/\">研讨会</a><a href=\"/companies\">企业数据</a></nav></header>")
                .raw("<main id=\"main\">");
    }

    static String close(Html h) {
        return h.raw("</main><script src=\"/assets/page.js\" defer></script></body></html>\n").toString();
    }

    /** A seminar with its facts and participants; {@code heading} is the heading level (2 or 3). */
    static void seminar(Html h, SeminarEvent s, int heading, boolean linkToPage) {
        h.raw("<article class=\"seminar\"").attr("id", "ev-" + s.id()).attr("data-id", s.id()).raw(">");
        h.raw("<h" + heading + ">");
        if (linkToPage) {
            h.raw("<a").attr("href", "/seminar/" + s.id()).raw(">").text(title(s)).raw("</a>");
        } else {
            h.text(title(s));
        }
        h.raw("</h" + heading + "><dl class=\"facts\">");
        fact(h, "日期", s.date() == null ? null : s.date().toString());
        fact(h, "时段", Formats.timeOfDay(s.timeOfDay()));
        fact(h, "城市", s.city());
        fact(h, "系列", s.series());
        fact(h, "场次", Formats.sequence(s.sequence()));
        fact(h, "主持", Formats.person(s.host()));
        fact(h, "聚焦", s.focus());
        h.raw("</dl>");
        if (!s.participants().isEmpty()) {
            h.raw("<div class=\"scroll\"><table class=\"participants\"><caption>参会人（")
                    .text(Integer.toString(s.participants().size()))
                    .raw("）</caption><thead><tr><th scope=\"col\">姓名</th><th scope=\"col\">单位</th>")
                    .raw("<th scope=\"col\">职务</th></tr></thead><tbody>");
            for (Participant p : s.participants()) {
                h.raw("<tr><th scope=\"row\">").text(p.name()).raw("</th><td>").text(p.organization())
                        .raw("</td><td>").text(p.title()).raw("</td></tr>");
            }
            h.raw("</tbody></table></div>");
        }
        h.raw("<p class=\"more\"><a").attr("href", "/article/" + s.articleId() + "#m-" + s.id())
                .raw(">原文与证据</a></p></article>");
    }

    static String title(SeminarEvent s) {
        if (s.name() != null) {
            return s.name();
        }
        return s.focus() != null ? s.focus() + "座谈会" : "座谈会";
    }

    /** The article's header line and its text with the evidence of {@code seminars} and {@code companies} marked. */
    static void article(Html h, ArticleHeader a, String text, List<SeminarEvent> seminars,
                        List<CompanyEvent> companies) {
        h.raw("<p class=\"meta\">").text(a.source()).raw(" · <time").attr("datetime", a.publishedAt().toString())
                .raw(">").text(PUBLISHED.format(a.publishedAt())).raw("</time>");
        if (a.url() != null) {
            h.raw(" · <a").attr("href", a.url()).attr("rel", "noopener").raw(">来源链接</a>");
        }
        h.raw("</p><div class=\"reader\"><section class=\"text\" aria-labelledby=\"text-h\"><h2 id=\"text-h\">原文</h2>")
                .raw("<p class=\"hint\">高亮部分是事件的证据；把鼠标移到高亮上或用 Tab 键聚焦，右侧显示该事件。</p>")
                .raw("<div id=\"article-text\" class=\"article-text\"")
                .attr("lang", "traditional".equals(a.script()) ? "zh-Hant" : "zh-Hans").raw(">");
        List<Span> spans = new ArrayList<>();
        for (SeminarEvent s : seminars) {
            spans.add(new Span(s.id(), "seminar", s.evidence(), title(s)));
        }
        for (CompanyEvent c : companies) {
            spans.add(new Span(c.id(), "company", c.evidence(), (c.company() == null ? "" : c.company() + " ")
                    + Formats.summary(c)));
        }
        marked(h, text, spans);
        h.raw("</div></section><aside class=\"events\" aria-label=\"事件\">")
                .raw("<div id=\"detail\" class=\"detail\" role=\"status\" aria-live=\"polite\"></div>");
        if (!seminars.isEmpty()) {
            h.raw("<h2>研讨会</h2>");
            for (SeminarEvent s : seminars) {
                seminar(h, s, 3, true);
            }
        }
        if (!companies.isEmpty()) {
            h.raw("<h2>企业数据</h2>");
            companyTables(h, companies, false);
        }
        h.raw("</aside></div>");
    }

    /** One table per company, in the order the companies first appear. */
    static void companyTables(Html h, List<CompanyEvent> events, boolean linkToArticle) {
        Map<String, List<CompanyEvent>> byCompany = new LinkedHashMap<>();
        for (CompanyEvent e : events) {
            byCompany.computeIfAbsent(e.company() == null ? "（未署名企业）" : e.company(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<CompanyEvent>> c : byCompany.entrySet()) {
            h.raw("<div class=\"scroll\"><table class=\"company\"><caption>").text(c.getKey())
                    .raw("</caption><thead><tr><th scope=\"col\">指标</th><th scope=\"col\">期间</th>")
                    .raw("<th scope=\"col\" class=\"num\">数值</th><th scope=\"col\">限定</th>")
                    .raw("<th scope=\"col\">同比</th><th scope=\"col\">证据</th></tr></thead><tbody>");
            for (CompanyEvent e : c.getValue()) {
                h.raw("<tr").attr("id", "ev-" + e.id()).raw("><th scope=\"row\">")
                        .text(e.metric() == null ? "出席座谈会" : Formats.metric(e.metric()))
                        .raw("</th><td>").text(Formats.period(e.period()))
                        .raw("</td><td class=\"num\">").text(e.metric() == null ? e.person() : Formats.value(e.value(), e.unit()))
                        .raw("</td><td>").text(Formats.qualifier(e.qualifier()))
                        .raw("</td><td>").text(Formats.growth(e.yoyGrowth()))
                        .raw("</td><td><a").attr("href", (linkToArticle ? "/article/" + e.articleId() : "")
                                + "#m-" + e.id())
                        .attr("title", e.evidence() == null ? null : e.evidence().text()).raw(">");
                h.text(e.evidence() == null ? "原文" : shorten(e.evidence().text(), 24)).raw("</a></td></tr>");
            }
            h.raw("</tbody></table></div>");
        }
    }

    private record Span(String id, String kind, Evidence evidence, String label) {
    }

    /**
     * Writes {@code text} with marks: the text is cut at every evidence start and end, and each piece covered by
     * some evidence becomes one focusable {@code mark} listing the events that cover it ({@code data-ev}), so
     * overlapping evidence needs no nesting. An empty anchor {@code m-<event id>} precedes each evidence's start.
     */
    static void marked(Html h, String text, List<Span> spans) {
        List<Span> valid = spans.stream().filter(s -> s.evidence() != null && s.evidence().start() >= 0
                && s.evidence().start() < s.evidence().end() && s.evidence().end() <= text.length()).toList();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Span s : valid) {
            cuts.add(s.evidence().start());
            cuts.add(s.evidence().end());
        }
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            StringBuilder ids = new StringBuilder();
            StringBuilder labels = new StringBuilder();
            String kind = null;
            for (Span s : valid) {
                if (s.evidence().start() == from) {
                    h.raw("<span class=\"anchor\"").attr("id", "m-" + s.id()).raw("></span>");
                }
                if (s.evidence().start() <= from && to <= s.evidence().end()) {
                    ids.append(ids.isEmpty() ? "" : " ").append(s.id());
                    labels.append(labels.isEmpty() ? "" : "；").append(s.label());
                    kind = kind == null || kind.equals(s.kind()) ? s.kind() : "both";
                }
            }
            if (ids.isEmpty()) {
                h.text(text, from, to);
            } else {
                h.raw("<mark tabindex=\"0\"").attr("class", "ev ev-" + kind).attr("data-ev", ids.toString())
                        .attr("title", labels.toString()).raw(">").text(text, from, to).raw("</mark>");
            }
        }
    }

    private static void fact(Html h, String label, String value) {
        if (value != null && !value.isBlank()) {
            h.raw("<div><dt>").text(label).raw("</dt><dd>").text(value).raw("</dd></div>");
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
