package cn.newsevents.query.api;

import cn.newsevents.query.paging.CursorCodec;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.support.HandBuiltEvents;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static cn.newsevents.query.support.RunningService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A malformed path or parameter is a 400 problem naming it, never a 500 from the database: NUL and other control
 * characters, dates outside the years 1 to 9999, and cursors forged with a valid checksum.
 */
class MalformedRequestTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = HandBuiltEvents.service();
    }

    private static void badRequest(String path, String field) {
        Response r = service.get(path);
        assertEquals(400, r.status(), path + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonNode problem = r.json();
        assertEquals(field, problem.get("field").asText(), r.body());
        assertFalse(problem.get("detail").asText().contains("\u0000"), r.body());
    }

    @Test
    void aNulInAPathIdIsABadRequest() {
        badRequest("/articles/%00%27", "article id");
        badRequest("/seminars/%00", "seminar id");
        badRequest("/articles/" + "a".repeat(300), "article id");
    }

    @Test
    void aNulInAParameterIsABadRequest() {
        badRequest("/seminars?q=%00", "q");
        badRequest("/seminars?city=" + enc("常州\u0000"), "city");
        badRequest("/company-events?company=%00", "company");
    }

    @Test
    void datesOutsideTheYearsOneTo9999AreABadRequest() {
        badRequest("/seminars?from=" + enc("+999999999-01-01"), "from");
        badRequest("/seminars?to=" + enc("+10000-01-01"), "to");
        badRequest("/seminars?from=0000-01-01", "from");
        badRequest("/seminars?to=" + enc("-0001-01-01"), "to");
    }

    @Test
    void forgedCursorsWithAValidChecksumAreABadRequest() {
        String farFuture = CursorCodec.encode(CursorKind.ARTICLE, List.of("+999999999-12-31T00:00:00Z", "x"));
        badRequest("/articles?cursor=" + farFuture, "cursor");
        String nul = CursorCodec.encode(CursorKind.ARTICLE, List.of("2024-05-07T00:00:00Z", "a\u0000b"));
        badRequest("/articles?cursor=" + nul, "cursor");
        String seminar = CursorCodec.encode(CursorKind.SEMINAR,
                Arrays.asList("+99999-01-01", "2024-05-07T00:00:00Z", "x"));
        badRequest("/seminars/latest?cursor=" + seminar, "cursor");
        badRequest("/seminars?cursor=" + seminar, "cursor");
    }
}
