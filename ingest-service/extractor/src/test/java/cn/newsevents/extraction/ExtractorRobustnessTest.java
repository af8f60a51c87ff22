package cn.newsevents.extraction;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.SeminarEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any input gives a result whose evidence indexes the original text, in time linear in its length. */
class ExtractorRobustnessTest {
    private static final Extractor EXTRACTOR = new Extractor();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final List<String> PIECES = List.of(
            "5月6日下午,市委書記陳某某主持召開“鍛造新動能”第四場專題座談會,聚焦人才引育。",
            "昨天(11月25日)，苏州市民营企业家座谈会召开。",
            "座谈会上，恒力集团董事长、总裁陈某华，沙钢集团党委书记、董事长沈某等先后发言。",
            "本次座談會由沈部長率工業局楊某耕副局長參加，與會代表包含北部工業區聯誼會陳某俊會長。",
            "今(5)日於台中舉辦研討會，由次長林某某主持。",
            "17日上午在京出席民营企业座谈会。", "此前分别在4月9日、18日、26日召开专题座谈会。",
            "𠮷野家🙂𝄞", "<p>html <b>tag</b></p>", "\u0000\uFFFF\uD800", "abc 123 ,.;", "\n", "\r\n", "，", "、",
            "（）(", "乾隆與臺灣", "第四場", "座談會", "董事長", "市委书记");

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(30))
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 200)
    void everyEvidenceIndexesTheOriginalText(@ForAll("bodies") String body) {
        Article article = ArticleText.parse("标题\n来源 2024-05-07\n" + body, null);
        ExtractionResult result = EXTRACTOR.extract(article);
        for (SeminarEvent s : result.seminars()) {
            Evidence e = s.evidence();
            assertEquals(e.text(), article.text().substring(e.start(), e.end()));
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1);
        }
        result.companyEvents().forEach(c -> {
            if (c.evidence() != null) {
                assertEquals(c.evidence().text(), article.text().substring(c.evidence().start(), c.evidence().end()));
            }
        });
    }

    @Test
    void htmlMarkupAroundASeminarStillGivesIt() {
        Article article = ArticleText.parse("<h1>标题</h1>\n来源 2024-05-07\n<p>5月6日下午，市委书记张某某主持召开专题座谈会。</p>",
                null);
        assertEquals(1, EXTRACTOR.extract(article).seminars().size());
    }

    private static Article denseArticle(int size) {
        StringBuilder sb = new StringBuilder("标题\n来源 2024-05-07\n");
        Random random = new Random(7);
        while (sb.length() < size) {
            sb.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return ArticleText.parse(sb.toString(), null);
    }

    /**
     * Extraction time grows linearly with the text: for dense seminar text, time(1 MiB) / time(128 KiB) must stay at
     * most 12 (8 is linear). A ratio, not a wall-clock limit, and measured on the extracting thread's own CPU clock,
     * so time spent waiting for a core on a busy machine counts for neither size; each size is timed as the best of
     * several turns taken alternately, after a warm-up.
     */
    @Test
    void aMegabyteOfSeminarTextIsReadInLinearTime() {
        assertTrue(CPU.isCurrentThreadCpuTimeSupported(), "this JVM measures the CPU time of a thread");
        Article small = denseArticle(128 * 1024);
        Article large = denseArticle(1024 * 1024);
        EXTRACTOR.extract(small);
        assertFalse(EXTRACTOR.extract(large).seminars().isEmpty(), "dense seminar text gives seminars");
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int turn = 0; turn < 3; turn++) {
            for (int size = 0; size < 2; size++) {
                System.gc();
                long t0 = CPU.getCurrentThreadCpuTime();
                EXTRACTOR.extract(size == 0 ? small : large);
                best[size] = Math.min(best[size], CPU.getCurrentThreadCpuTime() - t0);
            }
        }
        double ratio = (double) best[1] / Math.max(1, best[0]);
        System.out.printf("scaling: dense seminar text 128 KiB %.1f ms CPU, 1 MiB %.1f ms CPU, ratio %.1f%n",
                best[0] / 1e6, best[1] / 1e6, ratio);
        assertTrue(ratio <= 12, "time(1 MiB) / time(128 KiB) = " + ratio);
    }

    @Test
    void binaryGarbageGivesNoEvents() {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder("标题\n来源 2024-05-07\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        ExtractionResult result = EXTRACTOR.extract(ArticleText.parse(sb.toString(), null));
        assertEquals(List.of(), result.seminars());
        assertEquals(List.of(), result.companyEvents());
    }

    @Test
    void anEmptyBodyGivesNoEvents() {
        ExtractionResult result = EXTRACTOR.extract(ArticleText.parse("标题\n来源 2024-05-07\n", null));
        assertEquals(List.of(), result.seminars());
    }
}
