package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.extraction.normalize.Tsv;
import cn.newsevents.extraction.text.SimplifiedText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every corpus of the company rules: each example of {@code rules/company/*.examples.tsv} must give exactly
 * its metrics, each line of {@code rules/company/*.negative.txt} none. A failure names the text that broke.
 */
class CompanyRuleCorpusTest {
    private static final String[] CORPORA = {"rules/company/metric"};
    private static final CompanyExtractor EXTRACTOR = new CompanyExtractor();

    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (String corpus : CORPORA) {
            for (String[] row : Tsv.read(corpus + ".examples.tsv")) {
                out.add(Arguments.of(corpus, row[0], row.length > 1 ? row[1] : ""));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> negatives() {
        List<Arguments> out = new ArrayList<>();
        for (String corpus : CORPORA) {
            for (String[] row : Tsv.read(corpus + ".negative.txt")) {
                out.add(Arguments.of(corpus, row[0]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void exampleGivesExactlyItsMetrics(String corpus, String text, String expected) {
        List<CompanyEvent> events = metrics(text);
        Set<String> want = new TreeSet<>();
        Set<String> got = new TreeSet<>();
        for (String e : expected.split(";")) {
            if (e.isBlank()) {
                continue;
            }
            String[] f = e.split("\\|", -1);
            want.add(key(f[0], f[1], f[2], new BigDecimal(f[3]), f[4], f[5]));
            if (f.length > 6 && !f[6].isEmpty()) {
                BigDecimal yoy = new BigDecimal(f[6]);
                assertTrue(events.stream().anyMatch(ev -> ev.company().equals(f[0]) && ev.metric().code().equals(f[1])
                                && ev.yoyGrowth() != null && ev.yoyGrowth().compareTo(yoy) == 0),
                        "Text: " + text + "\nexpected yoyGrowth " + yoy + " on " + f[1] + ", got " + events);
            }
            if (f.length > 7 && !f[7].isEmpty()) {
                int rank = Integer.parseInt(f[7]);
                assertTrue(events.stream().anyMatch(ev -> ev.company().equals(f[0]) && ev.metric().code().equals(f[1])
                                && ev.rank() != null && ev.rank() == rank),
                        "Text: " + text + "\nexpected rank " + rank + " on " + f[1] + ", got " + events);
            }
        }
        for (CompanyEvent ev : events) {
            got.add(key(ev.company(), ev.metric().code(), ev.period() == null ? null : ev.period().text(), ev.value(),
                    ev.unit() == null ? null : ev.unit().code(),
                    ev.qualifier() == null ? "" : ev.qualifier().code()));
        }
        assertEquals(String.join("\n", want), String.join("\n", got), "Text: " + text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("negatives")
    void negativeTextGivesNoMetric(String corpus, String text) {
        assertEquals(List.of(), metrics(text), "Text: " + text);
    }

    private static List<CompanyEvent> metrics(String paragraph) {
        // "@2025-01-10 …": a paragraph published on another day than the corpus's.
        String published = "2024-12-20";
        if (paragraph.startsWith("@")) {
            published = paragraph.substring(1, 11);
            paragraph = paragraph.substring(12);
        }
        // "某某前三季度净利润增长18%^^…": a headline of its own before the body.
        String headline = "标题";
        int split = paragraph.indexOf("^^");
        if (split >= 0) {
            headline = paragraph.substring(0, split);
            paragraph = paragraph.substring(split + 2);
        }
        String raw = headline + "\n测试来源 " + published + "\n" + paragraph.replace("\\n", "\n") + "\n";
        Article article = ArticleText.parse(raw, null);
        String simplified = SimplifiedText.of(article.text());
        List<CompanyEvent> events = EXTRACTOR.extract(article, simplified, List.of());
        for (CompanyEvent ev : events) {
            assertEquals(ev.evidence().text(),
                    article.text().substring(ev.evidence().start(), ev.evidence().end()),
                    "Evidence must index the original text: " + paragraph);
        }
        return events.stream().filter(e -> e.kind() == CompanyEventKind.METRIC).toList();
    }

    private static String key(String company, String metric, String period, BigDecimal value, String unit,
                              String qualifier) {
        return SimplifiedText.of(company) + "|" + metric + "|" + (period == null ? "" : period) + "|"
                + value.stripTrailingZeros().toPlainString() + "|" + unit + "|" + qualifier;
    }
}
