package cn.newsevents.query.api;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.query.support.GoldenArticles;
import cn.newsevents.query.support.RunningService.Response;
import cn.newsevents.query.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HTTP responses for the seed article, held byte for byte to {@code src/test/resources/http/seed.txt}: the
 * JSON API and the pages, stored as the processor stores the seed. {@code -Dhttp.golden.write=true} rewrites the
 * file; do that only for an intended change of the responses.
 */
class SeedResponsesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "http", "seed.txt");
    private static RunningService service;
    private static Article article;
    private static ExtractionResult result;

    @BeforeAll
    static void start() throws Exception {
        GoldenArticles.Extracted seed = GoldenArticles.read(GoldenArticles.SEED);
        article = seed.article();
        result = seed.result();
        Instant at = Instant.parse("2024-05-07T09:00:00Z");
        service = RunningService.start(store -> store.analyzed(article, result, at));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void responsesForTheSeedAreUnchanged() throws IOException {
        String seminar = result.seminars().get(0).id();
        List<String> paths = List.of("/articles/" + article.id(), "/articles", "/seminars/latest?limit=10",
                "/seminars/" + seminar, "/seminars?q=" + enc("產業"), "/seminars?q=" + enc("产业"),
                "/seminars?city=" + enc("常州") + "&from=2024-04-01&to=2024-05-31",
                "/company-events?limit=10", "/company-events?metric=revenue",
                "/company-events?metric=market_share&limit=10", "/company-events?period=2024&limit=10",
                "/seminar/" + seminar, "/article/" + article.id(), "/companies");
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            Response r = service.get(path, path.startsWith("/seminar/") || path.startsWith("/article/")
                    || path.equals("/companies") ? "text/html" : "application/json");
            text.append("GET ").append(path).append('\n').append(r.status()).append(' ').append(r.contentType())
                    .append('\n').append(r.body()).append("\n\n");
        }
        String actual = text.toString();
        if (Boolean.getBoolean("http.golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
    }
}
