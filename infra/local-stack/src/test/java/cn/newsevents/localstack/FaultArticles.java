package cn.newsevents.localstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Small generated articles for the fault tests, each reporting exactly one seminar (some also company figures and
 * attendance), in three layouts: a city meeting with a revenue figure, a focused meeting, and the latter in
 * traditional characters. Article {@code n} of a scenario has its own url, so its id is known from the url alone.
 * What the extractor makes of every text is computed with the extractor packaged in the ingest service.
 */
final class FaultArticles {
    private static final String[] CITIES = {"嘉兴", "绵阳", "扬州", "洛阳", "柳州", "泉州", "芜湖", "襄阳"};
    private static final String[] HOSTS = {"林海涛", "周文博", "郑思远", "方卓然", "顾明川", "许若谷", "贺清扬"};
    private static final String[] GUESTS = {"宋嘉禾", "韩立峰", "罗一鸣", "唐子墨", "叶书航", "彭远志", "龚立言"};
    private static final String[] FIRMS = {"华岳精密机械", "启明新材料", "长川电子科技", "云帆智能装备", "青禾生物医药",
        "瀚海新能源", "北辰光电"};
    private static final String[] FOCI = {"人才引育", "产业升级", "科技创新", "绿色转型"};
    private static final String[] FOCI_TRADITIONAL = {"人才引育", "產業升級", "科技創新", "綠色轉型"};

    private final String scenario;
    private final int count;

    /** The counts of events the extractor finds in one text. */
    record Expected(int seminars, int companyEvents) {
        int events() {
            return seminars + companyEvents;
        }
    }

    FaultArticles(String scenario, int count) {
        this.scenario = scenario;
        this.count = count;
    }

    int count() {
        return count;
    }

    String scenario() {
        return scenario;
    }

    /** Every article of this scenario has a url starting with this. */
    String urlPrefix() {
        return "https://faults.example/" + scenario + "/";
    }

    String url(int n) {
        return urlPrefix() + n;
    }

    /** The text/plain submission of article {@code n}: headline, {@code SOURCE DATE TIME}, body. */
    String text(int n) {
        String city = pick(CITIES, n);
        String host = pick(HOSTS, n / 3);
        String guest = pick(GUESTS, n / 5);
        String firm = pick(FIRMS, n / 2);
        String other = pick(FIRMS, n / 2 + 3);
        int month = 1 + n % 12;
        int day = 1 + (n / 12) % 27;
        String published = String.format("2025-%02d-%02d %02d:%02d:00", month, day + 1, 8 + n % 10, n % 60);
        return switch (n % 3) {
            case 0 -> city + "市召开制造业高质量发展座谈会\n\n" + city + "观察 " + published + "\n\n"
                    + month + "月" + day + "日上午," + city + "市市长" + host + "主持召开制造业高质量发展专题座谈会,"
                    + "听取重点企业负责人意见建议。" + city + firm + "有限公司董事长" + guest + "、" + city + other
                    + "股份有限公司总经理" + pick(GUESTS, n / 5 + 2) + "参加座谈会并发言。\n\n"
                    + "会议指出,要持续优化营商环境,支持企业加大研发投入。" + firm + "2024年实现营业收入"
                    + (10 + n % 90) + "." + (n % 10) + "亿元,同比增长" + (1 + n % 20) + "%。\n";
            case 1 -> city + "科技企业座谈会聚焦" + pick(FOCI, n) + "\n\n" + city + "日报 " + published + "\n\n"
                    + month + "月" + day + "日下午," + city + "市委书记" + host + "主持召开科技型企业座谈会,聚焦"
                    + pick(FOCI, n) + "。" + city + firm + "有限公司总经理" + guest + "参加会议。\n";
            default -> city + "科技企業座談會聚焦" + pick(FOCI_TRADITIONAL, n) + "\n\n" + city + "日報 " + published
                    + "\n\n" + month + "月" + day + "日下午," + city + "市委書記" + host + "主持召開科技型企業座談會,聚焦"
                    + pick(FOCI_TRADITIONAL, n) + "。" + city + firm + "有限公司總經理" + guest + "參加會議。\n";
        };
    }

    private static String pick(String[] values, int n) {
        return values[Math.floorMod(n, values.length)];
    }

    /**
     * Runs the packaged extractor ({@code ExtractorCli}, from the ingest-service jar) over every article of the
     * scenario in a child JVM; the result is indexed by article number.
     */
    CompletableFuture<List<Expected>> expectedAsync() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return expected();
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    private List<Expected> expected() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("fault-articles-" + scenario);
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", RepoFiles.packaged("ingest-service/target/ingest-service.jar").toString(),
                    "cn.newsevents.extraction.ExtractorCli"));
            for (int n = 0; n < count; n++) {
                Path file = dir.resolve(n + ".txt");
                Files.writeString(file, text(n), StandardCharsets.UTF_8);
                command.add(file.toString());
            }
            Path output = dir.resolve("extracted.jsonl");
            Process cli = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!cli.waitFor(120, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException("The extractor did not finish on " + count + " articles in 120 s.");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (cli.exitValue() != 0 || lines.size() != count) {
                throw new IllegalStateException("The extractor exited with " + cli.exitValue() + " and "
                        + lines.size() + " lines for " + count + " articles; first line: "
                        + (lines.isEmpty() ? "none" : lines.get(0)));
            }
            List<Expected> expected = new ArrayList<>(count);
            for (String line : lines) {
                JsonNode result = Http.JSON.readTree(line);
                expected.add(new Expected(result.path("seminars").size(), result.path("companyEvents").size()));
            }
            return expected;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
