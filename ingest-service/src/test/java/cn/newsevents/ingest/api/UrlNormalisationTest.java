package cn.newsevents.ingest.api;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spellings of one url make one article; the rules of {@link UrlNormaliser}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrlNormalisationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String norm(String url) {
        return UrlNormaliser.normalise(URI.create(url));
    }

    @Test
    void rulesLowerCaseSchemeAndHostDropDefaultPortFragmentAndTrailingSlashKeepTheRest() {
        assertEquals("https://news.example/a/B", norm("HTTPS://News.Example:443/a/B/#top"));
        assertEquals("http://news.example/a", norm("http://news.example:80/a//"));
        assertEquals("http://news.example:8080/a", norm("http://news.example:8080/a"));
        assertEquals("https://news.example:80/a", norm("https://news.example:80/a"));
        assertEquals("https://news.example/", norm("https://news.example"));
        assertEquals("https://news.example/", norm("https://news.example/"));
        assertEquals("https://news.example/a?B=1&a=%E4%B8%AD", norm("https://news.example/a/?B=1&a=%E4%B8%AD#x"));
        assertEquals("https://news.example/a?", norm("https://news.example/a?"));
        assertEquals("https://user@news.example/%7Ea", norm("https://user@NEWS.example/%7Ea"));
        for (String u : List.of("HTTPS://News.Example:443/a/B/#top", "https://news.example/a/?q=1#f")) {
            assertEquals(norm(u), norm(norm(u)), "normalising twice changes " + u);
        }
    }

    @Test
    void urlVariantsPostedBecomeOneArticleStoredUnderTheNormalisedUrl() throws Exception {
        String path = "/news/" + UUID.randomUUID();
        List<String> variants = List.of("https://news.example" + path, "HTTPS://NEWS.example" + path + "/",
                "https://News.Example:443" + path + "#comments", "hTTps://news.EXAMPLE" + path + "/#");
        Set<String> ids = new HashSet<>();
        for (String url : variants) {
            Map<String, Object> a = Map.of("url", url, "title", "常州召开座谈会",
                    "publishedAt", "2024-05-07T16:43:38+08:00",
                    "body", "5月6日下午，市委书记主持召开专题座谈会。", "source", "测试日报");
            HttpResponse<String> r = app.postJson(JSON.writeValueAsString(a));
            assertEquals(202, r.statusCode(), r.body());
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        // The text layout reads its url from the query parameter through the same rules.
        String seed = "常州召开座谈会\n测试日报 2024-05-07\n\n5月6日下午，市委书记主持召开专题座谈会。\n";
        HttpResponse<String> plain = app.post("/articles?url=" + "HTTPS://news.example:443" + path + "/",
                "text/plain; charset=utf-8", seed.getBytes(StandardCharsets.UTF_8), IngestApp.WRITE_KEY);
        assertEquals(202, plain.statusCode(), plain.body());
        ids.add(JSON.readTree(plain.body()).get("id").asText());

        assertEquals(1, ids.size(), "variants got ids " + ids);
        String id = ids.iterator().next();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                app.count("SELECT count(*) FROM articles WHERE url LIKE ?", "%" + path + "%") >= 1);
        assertEquals(1, app.count("SELECT count(*) FROM articles WHERE url LIKE ?", "%" + path + "%"));
        assertEquals(1, app.count("SELECT count(*) FROM articles WHERE id = ? AND url = ?", id,
                "https://news.example" + path));
    }
}
