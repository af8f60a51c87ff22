package cn.newsevents.extraction;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.extraction.text.SimplifiedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the extractor on the articles of {@code heldout-like/} (written in the styles of real news, with gold
 * files in the evaluation layout) the way the evaluation scorer does: seminar F1 on (date, city), participant F1
 * on (name, organization) pairs, metric F1 on (company, metric, period, value) tuples; overall is their mean.
 */
class HeldOutLikeScoreTest {

    private static final double OVERALL_FLOOR = 0.94;
    private static final double PART_FLOOR = 0.80;
    private static final ObjectMapper MAPPER = Json.mapper();

    /** Matched, system and gold counts of one measure. */
    private static final class Counts {
        int tp;
        int sys;
        int gold;

        void add(int tp, int sys, int gold) {
            this.tp += tp;
            this.sys += sys;
            this.gold += gold;
        }

        double f1() {
            double p = sys == 0 ? 1.0 : (double) tp / sys;
            double r = gold == 0 ? 1.0 : (double) tp / gold;
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return tp + "/" + sys + "/" + gold;
        }
    }

    @Test
    void extractorScoresAboveTheFloorOnArticlesInTheStylesOfRealNews() throws Exception {
        Path dir = Paths.get(resource("heldout-like"));
        List<Path> articles;
        try (Stream<Path> files = Files.list(dir)) {
            articles = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(articles.size() >= 12, "The held-out-like set should hold at least 12 articles.");
        Extractor extractor = new Extractor();
        Counts sem = new Counts();
        Counts part = new Counts();
        Counts metric = new Counts();
        for (Path path : articles) {
            String raw = Files.readString(path, StandardCharsets.UTF_8);
            JsonNode out = MAPPER.valueToTree(extractor.extract(ArticleText.parse(raw, null)));
            String goldName = path.getFileName().toString().replaceFirst("\\.txt$", ".gold.json");
            JsonNode gold = MAPPER.readTree(dir.resolve(goldName).toFile());
            Counts[] c = score(out, gold);
            sem.add(c[0].tp, c[0].sys, c[0].gold);
            part.add(c[1].tp, c[1].sys, c[1].gold);
            metric.add(c[2].tp, c[2].sys, c[2].gold);
            System.out.printf("%s: sem %s  part %s  metric %s%n", path.getFileName(), c[0], c[1], c[2]);
        }
        double overall = (sem.f1() + part.f1() + metric.f1()) / 3;
        System.out.printf("sem F1 %.3f  part F1 %.3f  metric F1 %.3f  overall F1 %.3f%n",
                sem.f1(), part.f1(), metric.f1(), overall);
        assertTrue(part.f1() >= PART_FLOOR, "Participant F1 " + part.f1() + " is below " + PART_FLOOR + ".");
        assertTrue(overall >= OVERALL_FLOOR, "Overall F1 " + overall + " is below " + OVERALL_FLOOR + ".");
    }

    private static java.net.URI resource(String name) throws URISyntaxException {
        return Objects.requireNonNull(HeldOutLikeScoreTest.class.getClassLoader().getResource(name),
                "The test resource folder " + name + " is missing.").toURI();
    }

    /** Seminar, participant and metric counts of one article, as the evaluation scorer counts them. */
    private static Counts[] score(JsonNode out, JsonNode gold) {
        List<JsonNode> seminars = list(out.get("seminars"));
        List<JsonNode> gsem = list(gold.get("seminars"));
        Counts sem = new Counts();
        sem.add(match(seminars, gsem, (s, g) -> text(s, "date") != null && text(s, "date").equals(text(g, "date"))
                && (blank(text(s, "city")) || blank(text(g, "city")) || near(text(s, "city"), text(g, "city")))),
                seminars.size(), gsem.size());
        Map<String, JsonNode> goldByDate = new HashMap<>();
        gsem.forEach(g -> goldByDate.put(text(g, "date"), g));
        Counts part = new Counts();
        int goldParticipants = 0;
        for (JsonNode g : gsem) {
            goldParticipants += list(g.get("participants")).size();
        }
        int tp = 0;
        int ns = 0;
        for (JsonNode s : seminars) {
            JsonNode g = goldByDate.get(text(s, "date"));
            List<JsonNode> gp = g == null ? List.of() : list(g.get("participants"));
            Set<String> extra = new HashSet<>();
            if (g != null) {
                list(g.get("alsoPresent")).forEach(n -> extra.add(norm(n.asText())));
            }
            List<JsonNode> ps = new ArrayList<>();
            for (JsonNode p : list(s.get("participants"))) {
                if (!extra.contains(norm(text(p, "name")))) {
                    ps.add(p);
                }
            }
            tp += match(ps, gp, (a, b) -> Objects.equals(norm(text(a, "name")), norm(text(b, "name")))
                    && near(text(a, "organization"), text(b, "organization")));
            ns += ps.size();
        }
        part.add(tp, ns, goldParticipants);
        List<JsonNode> metrics = new ArrayList<>();
        for (JsonNode e : list(out.get("companyEvents"))) {
            String q = text(e, "qualifier");
            if (!blank(text(e, "metric")) && !"forecast".equals(q) && !"target".equals(q)) {
                metrics.add(e);
            }
        }
        List<JsonNode> gm = list(gold.get("companyMetrics"));
        Counts metric = new Counts();
        metric.add(match(metrics, gm, HeldOutLikeScoreTest::sameMetric), metrics.size(), gm.size());
        return new Counts[]{sem, part, metric};
    }

    private static boolean sameMetric(JsonNode s, JsonNode g) {
        JsonNode v = s.get("value");
        if (v == null || !v.isNumber()) {
            return false;
        }
        double gv = g.get("value").asDouble();
        JsonNode gp = g.get("period");
        boolean period = gp == null || gp.isNull() || gp.asText().equals(text(s, "period"));
        if (gp != null && gp.isArray()) {
            period = false;
            for (JsonNode p : gp) {
                period |= p.asText().equals(text(s, "period"));
            }
        }
        return near(text(s, "company"), text(g, "company")) && Objects.equals(text(s, "metric"), text(g, "metric"))
                && period && Math.abs(v.asDouble() - gv) <= 0.005 * Math.abs(gv);
    }

    private static int match(List<JsonNode> sys, List<JsonNode> gold, BiPredicate<JsonNode, JsonNode> same) {
        Set<Integer> used = new HashSet<>();
        int pairs = 0;
        for (JsonNode g : gold) {
            for (int i = 0; i < sys.size(); i++) {
                if (!used.contains(i) && same.test(sys.get(i), g)) {
                    used.add(i);
                    pairs++;
                    break;
                }
            }
        }
        return pairs;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        String folded = SimplifiedText.of(s);
        StringBuilder b = new StringBuilder();
        String from = "（）：，、；０１２３４５６７８９";
        String to = "():,,;0123456789";
        for (char c : folded.toCharArray()) {
            int i = from.indexOf(c);
            char d = i >= 0 ? to.charAt(i) : c;
            if (!Character.isWhitespace(d)) {
                b.append(Character.toLowerCase(d));
            }
        }
        return b.toString();
    }

    private static boolean near(String a, String b) {
        String x = norm(a);
        String y = norm(b);
        return !blank(x) && !blank(y) && (x.equals(y) || x.contains(y) || y.contains(x));
    }
}
