package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire format of every topic, held to golden files: the seed article posted, then revised (a second
 * generation with its "events replaced" records), and every record the service wrote for it (key, headers in order,
 * value byte for byte) compared with {@code src/test/resources/wire/}. Only the times the clock gives are masked,
 * after checking their form. {@code -Dwire.golden.write=true} rewrites the files; do that only for an intended
 * change of the contract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String URL = "https://news.example/wire-format/changzhou-seminars";
    private static final Path GOLDEN = Path.of("src", "test", "resources", "wire");
    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");
    private IngestApp app;
    private String id;

    @BeforeAll
    void start() throws Exception {
        app = IngestApp.start(Map.of());
        String seed = Files.readString(Path.of("..", "seeds", "changzhou-seminars.txt"), StandardCharsets.UTF_8);
        id = post(seed);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1);
        // A revision: the same url with one more line, so a second generation of the event set is published.
        assertEquals(id, post(seed.stripTrailing() + "\n（完）\n"));
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM articles WHERE id = ? AND revision = 2",
                id) == 1);
        await().atMost(WAIT).until(() -> app.count("SELECT count(*) FROM outbox") == 0);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void rawArticleRecordsAreUnchanged() throws IOException {
        check(Topics.ARTICLES_RAW, 2);
    }

    @Test
    void seminarEventRecordsAreUnchanged() throws IOException {
        check(Topics.EVENTS_SEMINAR, 0);
    }

    @Test
    void companyEventRecordsAreUnchanged() throws IOException {
        check(Topics.EVENTS_COMPANY, 0);
    }

    private String post(String text) throws IOException {
        HttpResponse<String> r = app.post("/articles?url=" + URL, "text/plain; charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8), IngestApp.WRITE_KEY);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Compares the records of {@code topic} keyed by the article with the golden file; at least {@code min} of them. */
    private void check(String topic, int min) throws IOException {
        List<ConsumerRecord<byte[], byte[]>> records = KafkaProbe.readToEnd(topic, r -> id.equals(KafkaProbe.key(r)));
        assertTrue(records.size() >= Math.max(min, 1), "records on " + topic + ": " + records.size());
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            text.append("key ").append(KafkaProbe.key(r)).append('\n');
            for (Header h : r.headers()) {
                String value = new String(h.value(), StandardCharsets.UTF_8);
                if (h.key().equals(Topics.CE_TIME)) {
                    Instant.parse(value);
                    value = "<time>";
                }
                text.append("header ").append(h.key()).append(' ').append(value).append('\n');
            }
            text.append("value ").append(masked(KafkaProbe.value(r))).append('\n');
        }
        Path golden = GOLDEN.resolve(topic + ".txt");
        String actual = text.toString();
        if (Boolean.getBoolean("wire.golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "records on " + topic);
    }

    /** The value with the API's reception time replaced by a mark, once its form is checked. */
    private static String masked(String value) {
        Matcher m = RECEIVED_AT.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Instant.parse(m.group(1));
            m.appendReplacement(sb, "\"receivedAt\":\"<time>\"");
        }
        return m.appendTail(sb).toString();
    }
}
