package cn.newsevents.ingest.api;

import cn.newsevents.ingest.support.IngestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random and mangled submissions never make the server fail: every answer is 202 or a 4xx problem. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"application/json", "text/plain", "text/plain; charset=utf-8",
            "application/json; charset=UTF-8", "text/html", "application/octet-stream", "multipart/form-data",
            "application/x-www-form-urlencoded"};
    private static final String[] DATES = {"2024-05-07", "2024-05-07T16:43:38+08:00", "2024-05-07 16:43",
            "2024-13-01", "0000-00-00", "2024-02-29", "2023-02-29", "-1", "", "2024-05-07T16:43:38Z",
            "99999-01-01", "2024-05-07T16:43:38+25:00", "１２３"};
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("ingest.processor.enabled", false));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void twoThousandRandomSubmissionsNeverCauseAServerError() throws Exception {
        Random random = new Random(20240507);
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            byte[] body = switch (random.nextInt(5)) {
                case 0 -> randomBytes(random);
                case 1 -> randomText(random).getBytes(StandardCharsets.UTF_8);
                case 2 -> mangle(random, article(random).getBytes(StandardCharsets.UTF_8));
                case 3 -> plainArticle(random).getBytes(StandardCharsets.UTF_8);
                default -> cleanArticle(random).getBytes(StandardCharsets.UTF_8);
            };
            boolean clean = body.length > 0 && new String(body, StandardCharsets.UTF_8).startsWith("{\"title\":\"标题");
            HttpResponse<String> r = app.post(clean ? "application/json" : type, body);
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " for " + type + ": " + new String(body, StandardCharsets.UTF_8)
                        .substring(0, Math.min(200, body.length)) + " -> " + r.body());
            } else if (r.statusCode() == 202) {
                accepted++;
            } else {
                assertEquals("application/problem+json",
                        r.headers().firstValue("content-type").orElse("").split(";")[0], r.body());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(accepted > 10, "too few valid submissions to exercise the happy path: " + accepted);
    }

    private static String article(Random random) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            m.put("url", random.nextInt(4) == 0 ? randomText(random) : "https://news.example/" + random.nextInt(1000));
        }
        m.put("title", random.nextInt(8) == 0 ? (Object) random.nextInt() : randomText(random));
        if (random.nextBoolean()) {
            m.put("source", randomText(random));
        }
        m.put("publishedAt", DATES[random.nextInt(DATES.length)]);
        m.put("body", random.nextInt(6) == 0 ? List.of(1, 2) : randomText(random) + "座谈会<p>" + randomText(random));
        if (random.nextInt(4) == 0) {
            m.put("language", random.nextBoolean() ? "zh-Hant" : randomText(random));
        }
        return JSON.writeValueAsString(m);
    }

    /** A well-formed article with random (printable) content: the happy path under random text. */
    private static String cleanArticle(Random random) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "标题" + printable(random));
        m.put("publishedAt", DATES[random.nextInt(3)]);
        m.put("body", "正文" + printable(random) + "<p>" + printable(random) + "</p>");
        return JSON.writeValueAsString(m);
    }

    private static String printable(Random random) {
        return randomText(random).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String plainArticle(Random random) {
        return randomText(random) + "\n" + randomText(random) + " " + DATES[random.nextInt(DATES.length)] + "\n"
                + randomText(random);
    }

    private static String randomText(Random random) {
        int n = random.nextInt(40);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                sb.append((char) ('\u4e00' + random.nextInt(0x5000)));
            } else if (kind < 7) {
                sb.append((char) (' ' + random.nextInt(95)));
            } else if (kind == 7) {
                sb.append((char) random.nextInt(0x20));
            } else if (kind == 8) {
                sb.append(random.nextBoolean() ? "<b>" : "&amp;");
            } else {
                sb.appendCodePoint(0x1F600 + random.nextInt(50));
            }
        }
        return sb.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mangle(Random random, byte[] body) {
        byte[] out = body.clone();
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(out, random.nextInt(out.length + 1)) : out;
    }
}
