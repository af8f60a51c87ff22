package cn.newsevents.query.web;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.query.support.GoldenArticles;
import cn.newsevents.query.support.RunningService.Response;
import cn.newsevents.query.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages for people over the seed article (traditional) and a simplified article, both as really extracted. */
class PagesTest {
    private static RunningService service;
    private static Article seed;
    private static Article suzhou;
    private static ExtractionResult suzhouEvents;

    @BeforeAll
    static void start() throws Exception {
        GoldenArticles.Extracted seedGolden = GoldenArticles.read(GoldenArticles.SEED);
        GoldenArticles.Extracted suzhouGolden = GoldenArticles.read(GoldenArticles.SIMPLIFIED);
        seed = seedGolden.article();
        suzhou = suzhouGolden.article();
        ExtractionResult seedEvents = seedGolden.result();
        suzhouEvents = suzhouGolden.result();
        service = RunningService.start(store -> {
            Instant at = Instant.parse("2024-06-13T09:00:00Z");
            for (ExtractionResult r : new ExtractionResult[] {seedEvents, suzhouEvents}) {
                Article a = r == seedEvents ? seed : suzhou;
                store.analyzed(a, r, at);
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theFrontPageListsTheLatestSeminarsNewestFirstAsHtml() {
        Response r = service.get("/", "text/html");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String html = r.body();
        int suzhouAt = html.indexOf("民营企业座谈会");
        int changzhouAt = html.indexOf("陳金虎");
        assertTrue(suzhouAt > 0 && changzhouAt > suzhouAt, "the June seminar comes before the May ones");
        assertTrue(html.contains("<th scope=\"row\">崔根良</th>"), "participants as a table");
        assertFalse(html.contains("\\u"), "no escaped characters");
        assertFalse(html.contains("rel=\"next\""), "five seminars fit a page of five");
    }

    @Test
    void pagesFollowTheApiCursors() {
        String first = service.get("/?limit=2", "text/html").body();
        Matcher next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertTrue(next.find(), first);
        String cursor = java.net.URLDecoder.decode(next.group(1).replaceAll(".*cursor=", ""), StandardCharsets.UTF_8);
        String apiNext = service.get("/seminars?limit=2").json().get("next").asText();
        assertEquals(apiNext, cursor, "the page's next link carries the API's cursor");
        String second = service.get(next.group(1).replace("&amp;", "&"), "text/html").body();
        assertTrue(first.contains("民营企业座谈会") && !second.contains("民营企业座谈会"));
        assertTrue(second.contains("回到第一页"));
    }

    @Test
    void aTraditionalTermFindsTheSimplifiedSeminarAndStaysInTheLinks() {
        String html = service.get("/?q=" + enc("先進製造業"), "text/html").body();
        assertTrue(html.contains("民营企业座谈会"), html);
        assertFalse(html.contains("陳金虎"), "the Changzhou seminars do not mention it");
        assertTrue(html.contains("value=\"先進製造業\""), "the term is kept in the form");
    }

    @Test
    void theArticlePageMarksEvidenceAtItsOffsetsInTheUnchangedText() {
        String html = service.get("/article/" + suzhou.id(), "text/html").body();
        Matcher div = Pattern.compile("<div id=\"article-text\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
        assertTrue(div.find(), html);
        String marked = div.group(1);
        assertEquals(suzhou.text(), plain(marked), "the text reads as stored, marks aside");
        CompanyEvent attendance = suzhouEvents.companyEvents().stream()
                .filter(c -> "崔根良".equals(c.person())).findFirst().orElseThrow();
        int anchor = marked.indexOf("id=\"m-" + attendance.id() + "\"");
        assertTrue(anchor > 0, "an anchor at the evidence");
        String before = marked.substring(0, marked.lastIndexOf('<', anchor));
        assertEquals(attendance.evidence().start(), plain(before).length(), "the mark starts at the evidence start");
        assertTrue(suzhou.text().substring(attendance.evidence().start(), attendance.evidence().end()).contains("崔根良"));
        assertTrue(html.contains("874亿元"), "the revenue formatted for people");
    }

    @Test
    void aSeminarPageShowsTheSeminarAndItsArticle() {
        SeminarEvent s = suzhouEvents.seminars().get(0);
        String html = service.get("/seminar/" + s.id(), "text/html").body();
        assertTrue(html.contains("<h1>民营企业座谈会</h1>"), html);
        assertTrue(html.contains("id=\"article-text\""));
    }

    @Test
    void companyEventsAreOneTablePerCompany() {
        String html = service.get("/companies?metric=revenue", "text/html").body();
        assertTrue(html.contains("<caption>亨通集团</caption>"), html);
        assertTrue(html.contains("同比增长12.5%"), html);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Response r = service.get("/?from=2024-13-40", "text/html");
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("from", r.json().get("field").asText());
        assertEquals("metric", service.get("/companies?metric=weather", "text/html").json().get("field").asText());
        assertEquals(404, service.get("/article/a-none", "text/html").status());
    }

    @Test
    void thePageWeighsUnder100KilobytesBeforeData() {
        int shell = service.get("/?q=" + enc("不存在的词语"), "text/html").body().getBytes(StandardCharsets.UTF_8).length;
        int css = service.get("/assets/page.css", "text/css").body().getBytes(StandardCharsets.UTF_8).length;
        int js = service.get("/assets/page.js", "*/*").body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(css > 1000 && js > 1000, "the assets are served");
        assertTrue(shell + css + js < 100 * 1024, "shell " + shell + " + css " + css + " + js " + js + " bytes");
    }

    /** The text of some HTML: tags dropped, the four entities the page writes decoded. */
    private static String plain(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
