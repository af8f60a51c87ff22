package cn.newsevents.ingest.api;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.ingest.support.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What POST /articles accepts and how it refuses the rest (API role only, real broker). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IngestApp app;

    @BeforeAll
    void start() {
        app = IngestApp.start(Map.of("ingest.processor.enabled", false));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String json(Map<String, ?> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }

    private static Map<String, Object> valid() {
        return new java.util.HashMap<>(Map.of("url", "https://news.example/" + UUID.randomUUID(),
                "title", "常州召开座谈会", "publishedAt", "2024-05-07T16:43:38+08:00",
                "body", "5月6日下午，市委书记主持召开专题座谈会。", "source", "测试日报"));
    }

    private JsonNode problem(HttpResponse<String> r, int status, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse("").split(";")[0]);
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("urn:newsevents:problem:"), r.body());
        assertFalse(p.get("title").asText().isBlank());
        assertFalse(p.get("detail").asText().isBlank());
        assertEquals(r.uri().getPath(), p.get("instance").asText(), r.body());
        if (field != null) {
            assertEquals(field, p.get("field").asText(), r.body());
            assertEquals(field, p.get("errors").get(0).get("field").asText());
        }
        return p;
    }

    private void refusedWithoutPublishing(int status, String field, String contentType, byte[] body) throws Exception {
        long before = KafkaProbe.endOffsetSum(Topics.ARTICLES_RAW);
        problem(app.post(contentType, body), status, field);
        assertEquals(before, KafkaProbe.endOffsetSum(Topics.ARTICLES_RAW), "a refused article was published");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validJsonArticleIsPublishedKeyedByItsIdWithHtmlReducedToText() throws Exception {
        Map<String, Object> a = valid();
        a.put("body", "<p>第一段<b>加粗</b></p><script>alert(1)</script><p>第二段 &amp; 更多</p>");
        HttpResponse<String> r = app.postJson(json(a));
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        assertTrue(id.startsWith("a-"));
        List<ConsumerRecord<byte[], byte[]>> raw = KafkaProbe.readUntil(Topics.ARTICLES_RAW,
                rec -> id.equals(KafkaProbe.key(rec)), l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertEquals(1, raw.size());
        JsonNode msg = JSON.readTree(KafkaProbe.value(raw.get(0)));
        assertEquals(id, msg.get("id").asText());
        String text = msg.get("text").asText();
        assertTrue(text.startsWith("常州召开座谈会\n\n第一段加粗\n第二段 & 更多"), text);
        assertFalse(text.contains("<") || text.contains("alert"), text);
        assertEquals("2024-05-07T16:43:38+08:00", msg.get("publishedAt").asText());
    }

    @Test
    void publishedAtWithoutZoneIsReadAsShanghaiTime() throws Exception {
        Map<String, Object> a = valid();
        a.put("publishedAt", "2024-05-07 16:43");
        HttpResponse<String> r = app.postJson(json(a));
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        JsonNode msg = JSON.readTree(KafkaProbe.value(KafkaProbe.readUntil(Topics.ARTICLES_RAW,
                rec -> id.equals(KafkaProbe.key(rec)), l -> !l.isEmpty(), Duration.ofSeconds(20)).get(0)));
        assertEquals("2024-05-07T16:43:00+08:00", msg.get("publishedAt").asText());
    }

    @Test
    void impossibleDateIsRefused() throws Exception {
        Map<String, Object> a = valid();
        a.put("publishedAt", "2024-02-30");
        refusedWithoutPublishing(400, "publishedAt", "application/json", utf8(json(a)));
        a.put("publishedAt", "2024-05-07T25:61:00");
        refusedWithoutPublishing(400, "publishedAt", "application/json", utf8(json(a)));
        a.put("publishedAt", "yesterday");
        refusedWithoutPublishing(400, "publishedAt", "application/json", utf8(json(a)));
        a.put("publishedAt", "2999-01-01");
        refusedWithoutPublishing(400, "publishedAt", "application/json", utf8(json(a)));
    }

    @Test
    void missingOrBlankTitleAndBodyAreRefusedNamingTheField() throws Exception {
        for (String field : List.of("title", "body", "publishedAt")) {
            Map<String, Object> a = valid();
            a.remove(field);
            refusedWithoutPublishing(400, field, "application/json", utf8(json(a)));
            a.put(field, "   ");
            refusedWithoutPublishing(400, field, "application/json", utf8(json(a)));
        }
        Map<String, Object> a = valid();
        a.put("body", "<p> </p><br>");
        refusedWithoutPublishing(400, "body", "application/json", utf8(json(a)));
        a = valid();
        a.put("title", 42);
        refusedWithoutPublishing(400, "title", "application/json", utf8(json(a)));
        a = valid();
        a.put("url", "ftp://files.example/a");
        refusedWithoutPublishing(400, "url", "application/json", utf8(json(a)));
    }

    @Test
    void controlCharactersAreRefused() throws Exception {
        Map<String, Object> a = valid();
        a.put("body", "正文\u0007响铃");
        refusedWithoutPublishing(400, "body", "application/json", utf8(json(a)));
        a = valid();
        a.put("title", "标题\u0000");
        refusedWithoutPublishing(400, "title", "application/json", utf8(json(a)));
        refusedWithoutPublishing(400, "text", "text/plain", utf8("标题\n来源 2024-05-07\n正文\u001b[31m"));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] body = utf8("{\"title\":\"x\",\"publishedAt\":\"2024-05-07\",\"body\":\"AB\"}");
        byte[] broken = Arrays.copyOf(body, body.length);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("AB");
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        JsonNode p = problem(app.post("application/json", broken), 400, null);
        assertEquals("urn:newsevents:problem:invalid-encoding", p.get("type").asText());
        refusedWithoutPublishing(400, null, "text/plain", new byte[]{'t', '\n', (byte) 0xFF, (byte) 0xFE});
    }

    @Test
    void aRealReplacementCharacterIsNotMistakenForBrokenUtf8() throws Exception {
        // U+FFFD written as its own well-formed bytes (EF BF BD) is text, not a decoding error.
        String text = "标题 " + UUID.randomUUID() + "\n来源 2024-05-07\n正文里有一个\uFFFD替换字符。\n";
        assertEquals(202, app.postText(text).statusCode());
        // The same text with one malformed byte besides it is refused.
        byte[] broken = utf8(text + "X");
        broken[broken.length - 1] = (byte) 0xC3;
        JsonNode p = problem(app.post("text/plain", broken), 400, null);
        assertEquals("urn:newsevents:problem:invalid-encoding", p.get("type").asText());
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        for (String body : List.of("{\"title\": \"x\",", "[1,2]", "\"text\"", "{\"title\":\"a\",\"title\":\"b\"}",
                "{} trailing", "null")) {
            refusedWithoutPublishing(400, null, "application/json", utf8(body));
        }
    }

    @Test
    void bodyOverOneMegabyteIsRefusedWith413() throws Exception {
        String big = "标题\n来源 2024-05-07\n" + "字".repeat(400_000);
        assertTrue(utf8(big).length > 1_048_576);
        refusedWithoutPublishing(413, null, "text/plain", utf8(big));
    }

    @Test
    void unsupportedOrMissingContentTypeIsRefusedWith415() throws Exception {
        byte[] body = utf8(json(valid()));
        refusedWithoutPublishing(415, null, "application/xml", body);
        refusedWithoutPublishing(415, null, "application/json; charset=iso-8859-1", body);
        refusedWithoutPublishing(415, null, null, body);
    }

    @Test
    void plainTextInTheSeedLayoutIsAccepted() throws Exception {
        String text = "常州召开座谈会 " + UUID.randomUUID() + "\n\n测试日报 2024-05-07 16:43:38\n\n5月6日下午，召开专题座谈会。\n";
        HttpResponse<String> r = app.postText(text);
        assertEquals(202, r.statusCode(), r.body());
        refusedWithoutPublishing(400, "publishedAt", "text/plain", utf8("标题\n没有日期的一行\n正文"));
        refusedWithoutPublishing(400, "body", "text/plain", utf8("标题\n来源 2024-05-07\n   \n"));
    }

    @Test
    void unknownPathsAnswerProblemJson() throws Exception {
        problem(app.get("/no-such-thing"), 404, null);
    }

    @Test
    void pingAndHealthAreOpenMetricsNeedAKey() throws Exception {
        HttpResponse<String> ping = app.get("/ping");
        assertEquals(200, ping.statusCode());
        assertEquals(true, JSON.readTree(ping.body()).get("ok").asBoolean());
        assertEquals(200, app.get("/health").statusCode());
        assertEquals(401, app.get("/prometheus").statusCode());
        HttpResponse<String> metrics = app.get("/prometheus", IngestApp.READ_KEY);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ingest_api_accepted_total"), metrics.body());
        assertEquals(200, app.get("/swagger-ui/index.html").statusCode());
    }

    @Test
    void aUrlOverTheIndexLimitInBytesIsRefusedNamingTheUrl() throws Exception {
        // 1,500 CJK characters: within the character limit, 4,500 bytes, over what the url index takes.
        Map<String, Object> a = valid();
        a.put("url", "https://news.example/" + "新".repeat(1_500));
        refusedWithoutPublishing(400, "url", "application/json", utf8(json(a)));
        a.put("url", "https://news.example/" + "新".repeat(600));
        assertEquals(202, app.postJson(json(a)).statusCode());
    }

    @Test
    void aHeadlineOrSourceLineOfManyThousandSpacesIsRefusedNamingTheField() throws Exception {
        String spaces = " ".repeat(40_000);
        refusedWithoutPublishing(400, "title", "text/plain; charset=utf-8",
                utf8("标" + spaces + "题\n新华社 2024-05-07\n正文。"));
        refusedWithoutPublishing(400, "source", "text/plain; charset=utf-8",
                utf8("标题\n新华社" + spaces + "x 2024-05-07\n正文。"));
        Map<String, Object> a = valid();
        a.put("title", "标" + spaces + "题");
        refusedWithoutPublishing(400, "title", "application/json", utf8(json(a)));
    }
}
