package cn.newsevents.query.seminar;

import cn.newsevents.query.support.EventStore;
import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.HandBuiltEvents.Stored;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeminarEndpointsTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = HandBuiltEvents.service();
    }

    @Test
    void latestListsMostRecentSeminarDatesFirst() {
        JsonNode page = ok("/seminars/latest?limit=4");
        List<String> expected = HandBuiltEvents.seminarsInListOrder().stream().limit(4).map(Stored::id).toList();
        assertEquals(expected, ids(page));
        assertEquals("2024-05-06", page.get("items").get(0).get("date").asText());
        assertNotNull(page.get("next").textValue(), "more seminars follow, so a cursor is expected");
    }

    @Test
    void latestServesEachStoredPayloadUnchanged() throws Exception {
        JsonNode page = ok("/seminars/latest?limit=" + RunningService.MAX_PAGE_SIZE);
        for (JsonNode item : page.get("items")) {
            Stored stored = HandBuiltEvents.SEMINARS.stream().filter(s -> s.id().equals(item.get("id").asText()))
                    .findFirst().orElseThrow();
            assertEquals(EventStore.JSON.readTree(EventStore.json(stored.event())), item);
        }
    }

    @Test
    void latestFirstPageComesGzippedToClientsThatAcceptItAndIdenticalOnceInflated() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = service.uri("/seminars/latest?limit=" + RunningService.MAX_PAGE_SIZE);
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // The second request finds the page kept by the first one (within the cache TTL of the test service).
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "br, gzip")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.body().length < plain.body().length, "the compressed page is smaller");
        byte[] inflated;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            inflated = in.readAllBytes();
        }
        assertEquals(EventStore.JSON.readTree(plain.body()), EventStore.JSON.readTree(inflated));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no gzip unless asked for");
        HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip;q=0")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "q=0 refuses gzip");
        assertEquals(EventStore.JSON.readTree(plain.body()), EventStore.JSON.readTree(refused.body()));
    }

    @Test
    void limitAboveTheMaximumIsLoweredToIt() {
        assertEquals(RunningService.MAX_PAGE_SIZE, ok("/seminars/latest?limit=1000").get("items").size());
        assertEquals(5, ok("/seminars/latest").get("items").size(), "the configured default page size");
    }

    @Test
    void pagingVisitsEverySeminarOnceInListOrderIncludingTiesAndUndated() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/seminars?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next").textValue();
            pages++;
        } while (cursor != null && pages < 20);
        List<String> expected = HandBuiltEvents.seminarsInListOrder().stream().map(Stored::id).toList();
        assertEquals(expected, seen);
        assertEquals(5, pages, "14 seminars in pages of 3");
    }

    @Test
    void latestPagesFollowTheirCursorsThroughEverySeminar() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok("/seminars/latest?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next").textValue();
        } while (cursor != null && seen.size() < 50);
        assertEquals(HandBuiltEvents.seminarsInListOrder().stream().map(Stored::id).toList(), seen);
    }

    @Test
    void lastFullPageHasNoNextCursor() {
        JsonNode first = ok("/seminars?city=" + enc("常州") + "&from=2024-05-01&limit=2");
        assertEquals(2, first.get("items").size());
        assertTrue(first.get("next").isNull(), "exactly two seminars match, so there is no next page");
    }

    @Test
    void filteredPagingCrossesPagesWithoutGapsOrDuplicates() {
        Predicate<Stored> inChangzhou = s -> "常州".equals(s.event().city());
        List<String> expected = HandBuiltEvents.seminarsInListOrder().stream().filter(inChangzhou)
                .map(Stored::id).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok("/seminars?city=" + enc("常州") + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next").textValue();
        } while (cursor != null && seen.size() < 50);
        assertEquals(expected, seen);
        assertEquals(9, seen.size());
    }

    @ParameterizedTest(name = "city={0}")
    @CsvSource({"苏州", "蘇州", "苏州市"})
    void cityMatchesTraditionalSimplifiedAndCityWord(String city) {
        JsonNode page = ok("/seminars?city=" + enc(city));
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(2).id()), ids(page));
    }

    @Test
    void cityStoredWithCityWordIsFoundWithoutIt() {
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(3).id()), ids(ok("/seminars?city=" + enc("南京"))));
    }

    @ParameterizedTest(name = "participant={0}")
    @CsvSource({"張偉", "张伟"})
    void participantMatchesEitherScript(String name) {
        Set<String> expected = Set.of(HandBuiltEvents.SEMINARS.get(2).id(), HandBuiltEvents.SEMINARS.get(3).id());
        assertEquals(expected, new TreeSet<>(ids(ok("/seminars?participant=" + enc(name)))));
    }

    @Test
    void participantStoredInTraditionalIsFoundInSimplified() {
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(0).id()), ids(ok("/seminars?participant=" + enc("陈志强"))));
    }

    @Test
    void organizationMatchesAPartOfTheName() {
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(0).id()),
                ids(ok("/seminars?organization=" + enc("龙城精密"))));
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(3).id()),
                ids(ok("/seminars?organization=" + enc("智能製造"))));
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource({"陳金虎", "陈金虎"})
    void textSearchFindsTheHostInEitherScript(String q) {
        List<String> expected = List.of(HandBuiltEvents.SEMINARS.get(1).id(), HandBuiltEvents.SEMINARS.get(0).id());
        assertEquals(expected, ids(ok("/seminars?q=" + enc(q))));
    }

    @Test
    void textSearchTreatsLikeWildcardsLiterally() {
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(12).id()), ids(ok("/seminars?q=" + enc("100%"))));
        assertEquals(0, ok("/seminars?q=" + enc("_")).get("items").size());
    }

    @Test
    void dateRangeIsInclusiveAndExcludesUndated() {
        List<String> expected = HandBuiltEvents.seminarsInListOrder().stream()
                .filter(s -> s.event().date() != null)
                .filter(s -> !s.event().date().isBefore(java.time.LocalDate.parse("2024-04-01"))
                        && !s.event().date().isAfter(java.time.LocalDate.parse("2024-04-28")))
                .map(Stored::id).limit(RunningService.MAX_PAGE_SIZE).toList();
        assertEquals(expected, ids(ok("/seminars?from=2024-04-01&to=2024-04-28&limit=10")));
        assertEquals(8, expected.size());
    }

    @Test
    void filtersCombine() {
        JsonNode page = ok("/seminars?city=" + enc("常州") + "&to=2024-04-30&q=" + enc("第7组"));
        assertEquals(List.of(HandBuiltEvents.SEMINARS.get(6).id()), ids(page));
    }

    @Test
    void seminarByIdIsTheStoredEvent() throws Exception {
        Stored s = HandBuiltEvents.SEMINARS.get(2);
        Response r = service.get("/seminars/" + s.id());
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(EventStore.JSON.readTree(EventStore.json(s.event())), r.json());
    }

    @Test
    void unknownSeminarIsANotFoundProblem() {
        Response r = service.get("/seminars/s-doesnotexist");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(404, r.json().get("status").asInt());
        assertTrue(r.json().get("detail").asText().contains("s-doesnotexist"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/seminars/latest?limit=0|limit",
            "/seminars/latest?limit=abc|limit",
            "/seminars?limit=-3|limit",
            "/seminars?from=2024-13-40|from",
            "/seminars?to=yesterday|to",
            "/seminars?from=2024-05-01&to=2024-04-01|from",
            "/seminars?cursor=not-a-cursor|cursor",
            "/seminars/latest?cursor=%25%25%25|cursor"})
    void badParametersAreBadRequestProblemsNamingTheField(String path, String field) {
        Response r = service.get(path);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonNode problem = r.json();
        assertEquals(field, problem.get("field").asText());
        assertEquals(400, problem.get("status").asInt());
        assertEquals("urn:newsevents:problem:invalid-parameter", problem.get("type").asText());
        assertEquals("A parameter of the request is invalid.", problem.get("title").asText());
        assertEquals(field, problem.get("errors").get(0).get("field").asText());
        assertEquals(path.substring(0, path.indexOf('?')), problem.get("instance").asText());
        assertTrue(problem.get("detail").asText().contains("'" + field + "'"), problem.toString());
    }

    @Test
    void tamperedCursorIsRejected() {
        String cursor = ok("/seminars?limit=2").get("next").asText();
        char[] chars = cursor.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        Response r = service.get("/seminars?limit=2&cursor=" + new String(chars));
        assertEquals(400, r.status());
        assertEquals("cursor", r.json().get("field").asText());
    }

    @Test
    void cursorOfAnotherListIsRejected() {
        String articleCursor = ok("/articles?limit=1").get("next").asText();
        Response r = service.get("/seminars?cursor=" + articleCursor);
        assertEquals(400, r.status());
        assertEquals("cursor", r.json().get("field").asText());
    }

    @Test
    void searchWithoutMatchesIsAnEmptyLastPage() {
        JsonNode page = ok("/seminars?participant=" + enc("无此人"));
        assertEquals(0, page.get("items").size());
        assertNull(page.get("next").textValue());
        assertTrue(page.has("next"), "next is present and null");
    }

    private static JsonNode ok(String path) {
        Response r = service.get(path);
        assertEquals(200, r.status(), path + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
