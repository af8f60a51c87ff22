package cn.newsevents.query.article;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.query.support.EventStore;
import cn.newsevents.query.support.GoldenArticles;
import cn.newsevents.query.support.RunningService.Response;
import cn.newsevents.query.support.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed article as the real extractor read it, stored as the processor stores it, and read back. */
class SeedArticleTest {
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
    void storedSeedArticleIsServedWithEveryExtractedEvent() {
        Response r = service.get("/articles/" + article.id());
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(article.title(), body.get("title").asText());
        assertEquals("traditional", body.get("script").asText());
        List<String> expectedSeminars = result.seminars().stream()
                .sorted(Comparator.comparingInt(s -> s.evidence() == null ? Integer.MAX_VALUE : s.evidence().start()))
                .map(SeminarEvent::id).toList();
        List<String> seminars = new ArrayList<>();
        body.get("seminars").forEach(s -> seminars.add(s.get("id").asText()));
        assertEquals(new HashSet<>(expectedSeminars), new HashSet<>(seminars));
        Set<String> companyEvents = new HashSet<>();
        body.get("companyEvents").forEach(c -> companyEvents.add(c.get("id").asText()));
        assertEquals(result.companyEvents().stream().map(CompanyEvent::id).collect(java.util.stream.Collectors.toSet()),
                companyEvents);
        assertEquals(1, service.get("/articles").json().get("total").asInt());
    }

    @Test
    void everyExtractedSeminarIsServedByIdAsPublished() throws Exception {
        for (SeminarEvent s : result.seminars()) {
            Response r = service.get("/seminars/" + s.id());
            assertEquals(200, r.status(), r.body());
            assertEquals(EventStore.JSON.readTree(EventStore.json(s)), r.json());
        }
    }

    @Test
    void extractedParticipantsAreFoundByTheirNameInEitherScript() {
        for (SeminarEvent s : result.seminars()) {
            if (s.participants() == null) {
                continue;
            }
            s.participants().forEach(p -> {
                String simplified = cn.newsevents.contract.text.SimplifiedFolding.fold(p.name());
                for (String name : List.of(p.name(), simplified)) {
                    JsonNode page = service.get("/seminars?limit=10&participant=" + enc(name)).json();
                    List<String> ids = new ArrayList<>();
                    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
                    assertTrue(ids.contains(s.id()), name + " should find " + s.id());
                }
            });
        }
    }
}
