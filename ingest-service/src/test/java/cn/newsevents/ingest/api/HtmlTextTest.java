package cn.newsevents.ingest.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {
    @Test
    void paragraphsAndBreaksBecomeLinesAndEntitiesAreDecoded() {
        assertEquals("第一段\n第二段 & 更多\n第三行",
                HtmlText.toText("<div><p>第一段</p><p>第二段 &amp; 更多<br>第三行</p></div>"));
    }

    @Test
    void scriptAndStyleContentDisappears() {
        assertEquals("正文", HtmlText.toText("<style>p{}</style><p>正文</p><script>alert(1)</script>"));
    }

    @Test
    void textWithoutTagsIsKeptAsWritten() {
        String prose = "营收 < 10亿 & 利润 > 1亿\n\n第二段";
        assertEquals(prose, HtmlText.toText(prose));
    }
}
