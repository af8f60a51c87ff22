package cn.newsevents.query.article;

import cn.newsevents.query.support.EventStore;
import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleEndpointsTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = HandBuiltEvents.service();
    }

    @Test
    void articlesAreListedNewestStoredFirstWithTheTotal() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response r = service.get("/articles?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            JsonNode page = r.json();
            assertEquals(3, page.get("total").asLong());
            assertFalse(page.get("totalIsEstimate").asBoolean(), "a small table is counted exactly");
            page.get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.get("next").textValue();
        } while (cursor != null && seen.size() < 10);
        assertEquals(List.of(HandBuiltEvents.EMPTY.id(), HandBuiltEvents.SIMPLIFIED.id(),
                HandBuiltEvents.TRADITIONAL.id()), seen);
    }

    @Test
    void articleListItemsAreHeadersWithoutText() {
        JsonNode first = service.get("/articles?limit=1").json().get("items").get(0);
        assertEquals(HandBuiltEvents.EMPTY.title(), first.get("title").asText());
        assertEquals("2024-03-01T08:00:00+08:00", first.get("publishedAt").asText());
        assertFalse(first.has("text"));
    }

    @Test
    void articleByIdCarriesItsSeminarsAndCompanyEvents() throws Exception {
        String id = HandBuiltEvents.TRADITIONAL.id();
        Response r = service.get("/articles/" + id);
        assertEquals(200, r.status(), r.body());
        JsonNode article = r.json();
        assertEquals(id, article.get("id").asText());
        assertEquals("traditional", article.get("script").asText());
        assertEquals(HandBuiltEvents.TRADITIONAL.title(), article.get("title").asText());
        List<String> expectedSeminars = HandBuiltEvents.SEMINARS.stream()
                .filter(s -> s.event().articleId().equals(id)).map(HandBuiltEvents.Stored::id).toList();
        List<String> seminars = new ArrayList<>();
        article.get("seminars").forEach(s -> seminars.add(s.get("id").asText()));
        assertEquals(expectedSeminars, seminars, "in text order (evidence start)");
        JsonNode firstCompanyEvent = article.get("companyEvents").get(0);
        assertEquals(EventStore.JSON.readTree(EventStore.json(HandBuiltEvents.COMPANY_EVENTS.get(0).event())),
                firstCompanyEvent);
        assertEquals(3, article.get("companyEvents").size());
    }

    @Test
    void articleWithoutEventsHasEmptyArrays() {
        JsonNode article = service.get("/articles/" + HandBuiltEvents.EMPTY.id()).json();
        assertEquals(0, article.get("seminars").size());
        assertEquals(0, article.get("companyEvents").size());
    }

    @Test
    void unknownArticleIsANotFoundProblem() {
        Response r = service.get("/articles/a-missing");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals("/articles/a-missing", r.json().get("instance").asText());
        assertEquals("urn:newsevents:problem:not-found", r.json().get("type").asText());
        assertEquals("No article has the id 'a-missing'.", r.json().get("detail").asText());
    }

    @Test
    void badArticleParametersAreBadRequests() {
        assertEquals("limit", service.get("/articles?limit=x").json().get("field").asText());
        Response r = service.get("/articles?cursor=AAAA");
        assertEquals(400, r.status());
        assertEquals("cursor", r.json().get("field").asText());
    }
}
