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

    /**
     * Random texts over the characters periods are written with (digits, numerals, unit words, dashes, words of the
     * period table) and a few others: the cheap test of where an expression may open (digits, then a year's or
     * month's word; a word of the table) passes over no position the pattern matches at.
     */
    @Test
    void theWindowedSearchFindsWhatAPlainSearchFindsInRandomTexts() {
        String[] pieces = {"0", "1", "2", "3", "9", "20", "2024", "12", "19", "一", "二", "三", "十", "两", "〇", "年", "月",
                "季", "度", "日", "底", "财", "会计", "财年", "年度", " ", "-", "—", "至", "到", "~", "目前", "目标", "现在",
                "今年", "去年", "去年同期", "明年", "年均", "年初", "上", "下", "半", "前", "首", "第", "近", "全", "期", "内",
                "报告", "截至", "本", "当", "单", "该", "中期", "业绩", "营收", "亿元", "的", "，", "。", "\n", "在"};
        java.util.Random random = new java.util.Random(20240611L);
        for (int n = 0; n < 40_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            assertEquals(plain(text, 0, text.length()), windowed(text, 0, text.length()), text);
            if (text.length() > 2) {
                assertEquals(plain(text, 1, text.length() - 1), windowed(text, 1, text.length() - 1), text);
            }
        }
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
