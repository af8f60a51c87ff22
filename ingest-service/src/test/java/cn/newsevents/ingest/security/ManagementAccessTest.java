package cn.newsevents.ingest.security;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a processor-only instance (no API role, as the compose file's processor): /admin needs an admin key, metrics
 * need a key, /health shows its details only to a caller with a key, and the API document lists no /admin route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic", "ingest.api.enabled", false));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void adminRoutesNeedTheAdminPermissionOnAProcessorOnlyInstance() throws Exception {
        assertEquals(401, app.postEmpty("/admin/processor/hold", null).statusCode());
        assertEquals(401, app.get("/admin/processor").statusCode());
        assertEquals(401, app.get("/admin/outbox").statusCode());
        assertEquals(403, app.postEmpty("/admin/processor/hold", IngestApp.WRITE_KEY).statusCode());
        assertEquals(403, app.get("/admin/processor", IngestApp.READ_KEY).statusCode());
        HttpResponse<String> state = app.get("/admin/processor", IngestApp.ADMIN_KEY);
        assertEquals(200, state.statusCode(), state.body());
        assertFalse(JSON.readTree(state.body()).get("held").asBoolean());
    }

    @Test
    void healthDetailsOnlyForACallerWithAKey() throws Exception {
        HttpResponse<String> open = app.get("/health");
        assertEquals(200, open.statusCode(), open.body());
        JsonNode status = JSON.readTree(open.body());
        assertEquals("UP", status.get("status").asText());
        assertNull(status.get("details"), open.body());
        assertFalse(open.body().contains("jdbc:"), open.body());

        HttpResponse<String> detailed = app.get("/health", IngestApp.READ_KEY);
        assertEquals(200, detailed.statusCode(), detailed.body());
        assertNotNull(JSON.readTree(detailed.body()).get("details"), detailed.body());
        assertNull(JSON.readTree(app.get("/health", "not-a-key").body()).get("details"));
    }

    @Test
    void metricsNeedAKey() {
        assertEquals(401, app.get("/prometheus").statusCode());
        assertEquals(401, app.get("/prometheus", "not-a-key").statusCode());
        HttpResponse<String> metrics = app.get("/prometheus", IngestApp.READ_KEY);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ingest_outbox_published_total"), metrics.body());
    }

    @Test
    void theApiDocumentListsNoAdminRoute() {
        HttpResponse<String> spec = app.get("/swagger/newsevents-ingest-service-1.0.yml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("/articles"), spec.body());
        assertFalse(spec.body().contains("/admin"), spec.body());
    }
}
