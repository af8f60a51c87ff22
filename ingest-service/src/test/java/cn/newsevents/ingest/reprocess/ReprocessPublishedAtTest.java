package cn.newsevents.ingest.reprocess;

import cn.newsevents.ingest.store.ReprocessJob;
import cn.newsevents.ingest.store.ReprocessStore;
import cn.newsevents.ingest.store.StoredArticle;
import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reprocessing reads an article's publication time with the offset it was given with, so relative dates resolve
 * against the same local date as at first processing (not a day later in Asia/Shanghai).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReprocessPublishedAtTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("test.analyzer", "synthetic"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void reprocessingKeepsTheOffsetThePublicationTimeWasGivenWith() throws Exception {
        HttpResponse<String> r = app.postJson(JSON.writeValueAsString(Map.of(
                "url", "https://news.example/" + UUID.randomUUID(), "title", "纽约晚间",
                "publishedAt", "2024-05-07T23:30:00-05:00", "body", "SEMINAR|2024-05-06|常州|时区|张三/甲公司/董事长")));
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1);

        ReprocessJob job = app.context().getBean(Reprocessor.class).startOrResume(true, 100);
        StoredArticle stored = app.context().getBean(ReprocessStore.class).nextBatch(job).stream()
                .filter(s -> s.article().id().equals(id)).findFirst().orElseThrow();
        assertEquals(OffsetDateTime.parse("2024-05-07T23:30:00-05:00"), stored.article().publishedAt());
    }
}
