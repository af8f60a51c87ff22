package cn.newsevents.extraction.normalize;

import cn.newsevents.extraction.text.SimplifiedText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Periods} tries its pattern only just before a head character (年, 月, 季…). These tests check that this finds
 * exactly what a plain search of the pattern finds, on every paragraph of the held-out-like articles and on regions
 * that start mid-sentence (where {@code ^} holds at the region's start).
 */
class PeriodSearchTest {

    private static List<String> plain(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        Matcher m = Periods.pattern().matcher(text).region(from, to).useTransparentBounds(true);
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }

    private static List<String> windowed(String text, int from, int to) {
        return Periods.spans(text, from, to).stream().map(s -> s[0] + "-" + s[1]).toList();
    }

    @Test
    void theWindowedSearchFindsWhatAPlainSearchFinds() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("heldout-like")).toURI());
        List<Path> articles;
        try (Stream<Path> files = Files.list(dir)) {
            articles = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(articles.size() > 100, "held-out-like articles: " + articles.size());
        int expressions = 0;
        for (Path article : articles) {
            String text = SimplifiedText.of(Files.readString(article, StandardCharsets.UTF_8));
            int p = 0;
            while (p < text.length()) {
                int end = text.indexOf('\n', p);
                end = end < 0 ? text.length() : end;
                List<String> expected = plain(text, p, end);
                assertEquals(expected, windowed(text, p, end), article.getFileName() + " at " + p);
                expressions += expected.size();
                // Regions that open mid-paragraph, as the search of a comparison's base does.
                for (int from = p + 5; from < end; from += 11) {
                    assertEquals(plain(text, from, end), windowed(text, from, end), article.getFileName() + " from " + from);
                }
                p = end + 1;
            }
        }
        assertTrue(expressions > 1000, "period expressions compared: " + expressions);
    }

    @Test
    void theFarthestHeadIsFound() {
        for (String s : List.of("2024 财政年度营收", "截至2024年12月31日止十二个月", "于4月公布", "近十二个年来", "最近两年间",
                "2024年10—12月", "首十一个月", "报告期内", "上个月", "目前")) {
            String text = "某公司" + s + "，";
            assertEquals(plain(text, 0, text.length()), windowed(text, 0, text.length()), s);
            assertEquals(1, windowed(text, 0, text.length()).size(), s);
        }
    }
}
