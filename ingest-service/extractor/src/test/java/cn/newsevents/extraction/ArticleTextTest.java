package cn.newsevents.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArticleTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-05-07                 | 2024-05-07T00:00+08:00",
            "2024-05-07T16:43:38        | 2024-05-07T16:43:38+08:00",
            "2024-05-07 16:43:38        | 2024-05-07T16:43:38+08:00",
            "2024-05-07 16:43           | 2024-05-07T16:43+08:00",
            "2024-05-07 9:05            | 2024-05-07T09:05+08:00",
            "2024-05-07T16:43:38.250    | 2024-05-07T16:43:38.250+08:00",
            "2024-05-07T16:43:38Z       | 2024-05-07T16:43:38Z",
            "2024-05-07T16:43:38+09:00  | 2024-05-07T16:43:38+09:00",
            "2024-05-07T16:43:38+0900   | 2024-05-07T16:43:38+09:00",
            "2024-05-07T16:43+08:00     | 2024-05-07T16:43+08:00",
            "' 2024-05-07 16:43:38 '    | 2024-05-07T16:43:38+08:00",
    })
    void publishedAtFormsWithoutAZoneAreShanghaiTime(String text, String expected) {
        assertEquals(expected, ArticleText.parsePublishedAt(text).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-02-30", "2024-05-07T25:61:00", "yesterday", "2024-05-07T", "2024-5-7",
            "2024-05-07 16", "2024-05-07T16:43:38+25:00", "2024-05-07T16:43:38 UTC", "2023-02-29"})
    void impossibleOrMalformedPublishedAtIsRefusedNamingTheField(String text) {
        ArticleText.LayoutException e = assertThrows(ArticleText.LayoutException.class,
                () -> ArticleText.parsePublishedAt(text));
        assertEquals("publishedAt", e.field());
    }

    @Test
    void theIdDerivesFromTheUrlWhenThereIsOneElseFromTheContent() {
        String text = "标题\n\n来源 2024-05-07 16:43:38\n\n正文第一段。\n";
        String edited = text.replace("第一段", "第二段");
        String url = "https://news.example/a/1";
        assertEquals(ArticleText.parse(text, url).id(), ArticleText.parse(edited, url).id());
        assertEquals(ArticleText.parse(text, null).id(), ArticleText.parse(text, " ").id());
        assertNotEquals(ArticleText.parse(text, null).id(), ArticleText.parse(edited, null).id());
        assertNotEquals(ArticleText.parse(text, null).id(), ArticleText.parse(text, url).id());
        assertEquals("\n正文第一段。\n", ArticleText.parse(text, url).text().substring(ArticleText.parse(text, url)
                .bodyOffset()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "日报 2024-05-07                | 2024-05-07T00:00+08:00",
            "日报 2024-05-07 16:43:38       | 2024-05-07T16:43:38+08:00",
            "日报 2024-05-07T16:43:38       | 2024-05-07T16:43:38+08:00",
            "日报 2024-05-07 9:05           | 2024-05-07T09:05+08:00",
            "2024-02-29 23:59               | 2024-02-29T23:59+08:00",
            "日报 1988-07-01 12:00          | 1988-07-01T12:00+09:00",
    })
    void theSourceLineGivesThePublicationTimeInShanghai(String line, String expected) {
        assertEquals(expected, ArticleText.parse("标题\n" + line + "\n正文", null).publishedAt().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"日报 2024-02-30", "日报 2023-02-29 10:00", "日报 2024-13-01", "日报 2024-05-07 24:00",
            "日报 2024-05-07 16:60", "日报 2024-05-07 16:43:61", "日报 2024-05-07 123:00", "日报 2024-5-7", "日报"})
    void anImpossibleOrMissingDateOnTheSourceLineIsRefusedNamingPublishedAt(String line) {
        ArticleText.LayoutException e = assertThrows(ArticleText.LayoutException.class,
                () -> ArticleText.parse("标题\n" + line + "\n正文", null));
        assertEquals("publishedAt", e.field());
    }
}
