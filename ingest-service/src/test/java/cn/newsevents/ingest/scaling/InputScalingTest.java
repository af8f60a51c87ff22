package cn.newsevents.ingest.scaling;

import cn.newsevents.contract.event.Article;
import cn.newsevents.extraction.Extractor;
import cn.newsevents.ingest.api.ApiSettings;
import cn.newsevents.ingest.api.SubmissionReader;
import cn.newsevents.web.problem.ProblemException;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input path takes time linear in its input: for adversarial text (runs of spaces, no punctuation, deep
 * nesting, many titled names) the time for 1 MiB over the time for 128 KiB must stay at most 12 (8 is linear). A
 * ratio, so it holds on a busy machine; each size is timed as the best of several runs after a warm-up.
 */
class InputScalingTest {
    private static final int SMALL = 128 * 1024;
    private static final int LARGE = 1024 * 1024;
    private static final double MAX_RATIO = 12;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final SubmissionReader READER = new SubmissionReader(
            Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC), new ApiSettings(true, 8 * LARGE));
    private static final Extractor EXTRACTOR = new Extractor();

    /** One input path fed with text of about {@code n} characters. */
    record Path(String name, IntFunction<String> input, java.util.function.Consumer<String> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Path> paths() {
        return Stream.of(
                new Path("json title of spaces", n -> json("标" + " ".repeat(n) + "题", "正文。"), InputScalingTest::post),
                new Path("json source of spaces", n -> "{\"title\":\"标题\",\"source\":\"新" + " ".repeat(n)
                        + "华社\",\"publishedAt\":\"2024-05-07\",\"body\":\"正文。\"}", InputScalingTest::post),
                new Path("json body of spaces and line breaks", n -> json("标题", " \r".repeat(n / 2) + "x"),
                        InputScalingTest::post),
                new Path("plain title line of spaces", n -> "标" + " ".repeat(n) + "题\n新华社 2024-05-07\n正文。",
                        InputScalingTest::postPlain),
                new Path("plain source line of spaces", n -> "标题\n新华社" + " ".repeat(n) + "x 2024-05-07\n正文。",
                        InputScalingTest::postPlain),
                new Path("html nested divs", n -> json("标题", "<div>".repeat(n / 11) + "正文" + "</div>".repeat(n / 11)),
                        InputScalingTest::post),
                new Path("html unclosed tags", n -> json("标题", "<b a ".repeat(n / 5)), InputScalingTest::post),
                new Path("extraction: figures without punctuation",
                        n -> repeat("甲公司营业收入100亿元同比增长百分之十排名第一", n), InputScalingTest::extract),
                new Path("extraction: titled names without punctuation",
                        n -> "常州市召开民营企业座谈会" + repeat("某某有限公司董事长张三总经理李四", n),
                        InputScalingTest::extract),
                new Path("extraction: spaces", n -> "座谈会" + " ".repeat(n), InputScalingTest::extract));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @Tag("scaling")
    void timeGrowsLinearlyWithInput(Path path) {
        String small = path.input().apply(SMALL);
        String large = path.input().apply(LARGE);
        path.run().accept(small);
        path.run().accept(small);
        path.run().accept(large);
        long[] best = best(path, small, large);
        double ratio = (double) best[1] / Math.max(1, best[0]);
        System.out.printf("scaling: %-45s 128 KiB %8.1f ms, 1 MiB %8.1f ms, ratio %.1f%n", path.name(),
                best[0] / 1e6, best[1] / 1e6, ratio);
        assertTrue(ratio <= MAX_RATIO, path.name() + ": time(1 MiB) / time(128 KiB) = " + ratio);
    }

    /**
     * The shortest time of the small and of the large input, timed in turns (so a busy spell of the machine hits
     * both alike): at least three turns, more (up to 40) while they add up to less than three seconds, so that a fast
     * path is timed often enough that no single pause decides the ratio. Times are the thread's own CPU time, so
     * other processes competing for the cores do not enter them.
     */
    private static long[] best(Path path, String small, String large) {
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        long spent = 0;
        for (int turn = 0; turn < 40 && (turn < 3 || spent < 3_000_000_000L); turn++) {
            for (int size = 0; size < 2; size++) {
                System.gc();
                long t0 = CPU.getCurrentThreadCpuTime();
                path.run().accept(size == 0 ? small : large);
                long t = CPU.getCurrentThreadCpuTime() - t0;
                best[size] = Math.min(best[size], t);
                spent += t;
            }
        }
        return best;
    }

    private static String repeat(String unit, int chars) {
        return unit.repeat(Math.max(1, chars / unit.length()));
    }

    private static String json(String title, String body) {
        return "{\"title\":\"" + escape(title) + "\",\"publishedAt\":\"2024-05-07\",\"body\":\"" + escape(body) + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static void post(String body) {
        read(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private static void postPlain(String body) {
        read(body, MediaType.TEXT_PLAIN_TYPE);
    }

    private static void read(String body, MediaType type) {
        try {
            READER.read(body.getBytes(StandardCharsets.UTF_8), type, null);
        } catch (ProblemException refused) {
            // A 4xx is a fine answer; what is measured is how long it took.
        }
    }

    private static void extract(String body) {
        EXTRACTOR.extract(new Article("scaling", null, "标题", "新华社",
                OffsetDateTime.parse("2024-05-07T10:00:00+08:00"), null, "标题\n新华社 2024-05-07\n" + body, 18));
    }
}
