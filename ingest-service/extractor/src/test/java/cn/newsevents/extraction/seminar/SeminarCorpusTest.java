package cn.newsevents.extraction.seminar;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.extraction.Extractor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every example of rules/seminar/examples.jsonl (text -> expected seminars) and negative.jsonl (text that
 * must give no seminar). A failure names the case and quotes the text that broke.
 */
class SeminarCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Extractor EXTRACTOR = new Extractor();

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("rules/seminar/examples.jsonl", "rules/seminar/negative.jsonl")) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                    SeminarCorpusTest.class.getClassLoader().getResourceAsStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        JsonNode c = JSON.readTree(line);
                        out.add(Arguments.of(file + ": " + c.get("case").asText(), c));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusCaseGivesTheExpectedSeminars(String name, JsonNode c) {
        String raw = c.get("headline").asText() + "\n来源 " + c.get("published").asText() + "\n" + c.get("text").asText();
        Article article = ArticleText.parse(raw, null);
        List<SeminarEvent> found = EXTRACTOR.extract(article).seminars();
        String where = "\nText: " + c.get("text").asText() + "\nFound: " + found;
        JsonNode expected = c.get("seminars");
        int count = expected == null ? 0 : expected.size();
        assertEquals(count, found.size(), "number of seminars" + where);
        for (int i = 0; i < count; i++) {
            JsonNode e = expected.get(i);
            SeminarEvent s = found.stream().filter(x -> x.date().toString().equals(e.get("date").asText()))
                    .findFirst().orElse(null);
            if (s == null) {
                fail("no seminar dated " + e.get("date").asText() + where);
            }
            check(e, "timeOfDay", s.timeOfDay(), where);
            check(e, "city", s.city(), where);
            check(e, "name", s.name(), where);
            check(e, "focus", s.focus(), where);
            check(e, "host", s.host() == null ? null : s.host().name(), where);
            check(e, "hostTitle", s.host() == null ? null : s.host().title(), where);
            if (e.has("sequence")) {
                assertEquals(e.get("sequence").isNull() ? null : e.get("sequence").asInt(), s.sequence(),
                        "sequence" + where);
            }
            if (e.has("participants")) {
                Set<String> want = new TreeSet<>();
                e.get("participants").forEach(p -> want.add(p.get(0).asText() + "|" + p.get(1).asText() + "|"
                        + p.get(2).asText()));
                Set<String> got = new TreeSet<>();
                for (Participant p : s.participants()) {
                    got.add(p.name() + "|" + p.organization() + "|" + p.title());
                }
                assertEquals(want, got, "participants" + where);
            }
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, "confidence in [0,1]" + where);
            assertEquals(article.text().substring(s.evidence().start(), s.evidence().end()), s.evidence().text(),
                    "evidence indexes the original text" + where);
        }
    }

    private static void check(JsonNode e, String field, String actual, String where) {
        if (e.has(field)) {
            assertEquals(e.get(field).isNull() ? null : e.get(field).asText(), actual, field + where);
        }
    }
}
