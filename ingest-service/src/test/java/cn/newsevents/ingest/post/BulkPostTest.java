package cn.newsevents.ingest.post;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code post} command against a running API with a tight rate limit (so it meets 429s), the processor
 * storing what it accepts in a real PostgreSQL through a real Kafka broker.
 */
class BulkPostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static IngestApp app;

    @BeforeAll
    static void start() {
        app = IngestApp.start(Map.of("ingest.security.rate-limit-burst", 10,
                "ingest.security.rate-limit-per-second", 25));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFolderOfArticlesIsPostedThrough429sAndTheSummaryMatchesWhatIsStored(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("articles/nested"));
        int generated = 150;
        for (int i = 0; i < generated; i++) {
            Files.writeString(folder.resolve(String.format("article-%04d.txt", i)), article(i), StandardCharsets.UTF_8);
        }
        Files.copy(Path.of("../seeds/changzhou-seminars.txt"), dir.resolve("articles/seed.txt"));
        // JSON Lines: one new article, the same one again (same url: a duplicate), one the API refuses.
        String good = JSON.writeValueAsString(Map.of("title", "常州召开企业座谈会", "source", "测试",
                "publishedAt", "2024-05-07T16:43:38", "body", "5月6日下午，常州召开企业座谈会。", "url", "https://example.org/jsonl/1"));
        String refused = JSON.writeValueAsString(Map.of("source", "测试", "body", "没有标题的文章"));
        Path lines = dir.resolve("more.jsonl");
        Files.writeString(lines, good + "\n\n" + good + "\n" + refused + "\n", StandardCharsets.UTF_8);
        Path refusals = dir.resolve("refused.jsonl");

        Run run = post("--url", app.uri("/").toString(), "--key", IngestApp.WRITE_KEY, "--concurrency", "8",
                "--refused", refusals.toString(), dir.resolve("articles").toString(), lines.toString());

        assertEquals(1, run.code(), "one article refused: " + run.out());
        Matcher done = Pattern.compile("Done: (\\d+) article\\(s\\) in .*: (\\d+) accepted, (\\d+) duplicate\\(s\\), "
                + "(\\d+) refused; waited and retried (\\d+) time").matcher(run.out());
        assertTrue(done.find(), run.out());
        long accepted = Long.parseLong(done.group(2));
        assertEquals(generated + 1 + 3, Long.parseLong(done.group(1)), "every file and JSON line counted");
        assertEquals(generated + 2, accepted);
        assertEquals(1, Long.parseLong(done.group(3)), "the repeated JSON line");
        assertEquals(1, Long.parseLong(done.group(4)));
        assertTrue(Long.parseLong(done.group(5)) > 0, "the rate limit answered 429 and the command waited");
        assertTrue(run.err().contains("ETA"), "progress lines: " + run.err());

        List<String> refusedLines = Files.readAllLines(refusals, StandardCharsets.UTF_8);
        assertEquals(1, refusedLines.size());
        JsonNode refusal = JSON.readTree(refusedLines.get(0));
        assertEquals(lines + ":4", refusal.path("source").asText());
        assertEquals(400, refusal.path("status").asInt());
        assertTrue(refusal.path("reason").asText().contains("title"), refusal.toString());

        await("every accepted article stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> app.count("SELECT count(*) FROM articles") == accepted);
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        Run run = post("--concurrency", "0", "x");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--concurrency needs a whole number"), run.err());
        assertEquals(2, post("--url", app.uri("/").toString(), "/no/such/folder").code());
    }

    /** A short article in the seed layout whose content differs with {@code i}. */
    static String article(int i) {
        return "常州召开第" + (i + 1) + "场企业座谈会\n\n测试日报 2024-05-07 16:43:38\n\n5月6日下午，常州市召开第" + (i + 1)
                + "场企业座谈会，江苏测试科技有限公司董事长王" + "一二三四五六七八九十".charAt(i % 10) + "等参加。编号" + i + "。\n";
    }

    private record Run(int code, String out, String err) {
    }

    private static Run post(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BulkPost.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
