package cn.newsevents.localstack;

import cn.newsevents.localstack.database.DatabaseRoles;
import cn.newsevents.localstack.process.ServiceProcess;
import cn.newsevents.testkit.TestKafka;
import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people use, against the packaged services on a real broker and database: the pages in a real headless
 * Chromium (Debian's chromium and chromedriver) and the {@code post} command of the ingest jar. Screenshots of
 * each view go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleFacingIT {
    private static final String PAGE_KEY = "pages-" + UUID.randomUUID();
    private static final String BULK_KEY = "bulk-" + UUID.randomUUID();
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration PIPELINE = Duration.ofSeconds(120);
    private static final Path ARTICLES = Path.of("src/test/resources/articles");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static ServiceProcess ingest;
    private static ServiceProcess query;
    private static ChromeDriver browser;
    private static String seedId;
    private static String suzhouId;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
                        + " chromium-driver fonts-noto-cjk (.ci/run does it).");
        String bootstrapServers = TestKafka.shared().bootstrapServers();
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        url = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        DatabaseRoles roles = new DatabaseRoles(url.substring(url.lastIndexOf('/') + 1), "people_owner",
                "owner-" + UUID.randomUUID(), "people_reader", "reader-" + UUID.randomUUID());
        try (Connection admin = DriverManager.getConnection(url, pg.user(), pg.password())) {
            roles.provisionCluster(admin);
            roles.provisionDatabase(admin);
        }
        Path logs = Path.of("target/people-logs");
        ingest = ServiceProcess.start("ingest-service", RepoFiles.packaged("ingest-service/target/ingest-service.jar"),
                Ports.anyFree(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                        "DATASOURCES_DEFAULT_URL", url,
                        "DATASOURCES_DEFAULT_USERNAME", roles.owner(),
                        "DATASOURCES_DEFAULT_PASSWORD", roles.ownerPassword(),
                        "INGEST_API_KEYS", PAGE_KEY + ":write," + BULK_KEY + ":write",
                        // Low enough that the bulk command meets 429s and has to wait them out.
                        "INGEST_API_RATE_LIMIT_PER_SECOND", "25",
                        "INGEST_API_RATE_LIMIT_BURST", "5"),
                logs.resolve("ingest-service.log"));
        query = ServiceProcess.start("query-service", RepoFiles.packaged("query-service/target/query-service.jar"),
                Ports.anyFree(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                        "DATASOURCES_DEFAULT_URL", url,
                        "DATASOURCES_DEFAULT_USERNAME", roles.reader(),
                        "DATASOURCES_DEFAULT_PASSWORD", roles.readerPassword()),
                logs.resolve("query-service.log"));
        ingest.awaitHealthy(START);
        query.awaitHealthy(START);

        seedId = postAndAwait(RepoFiles.seed(), 4);
        suzhouId = postAndAwait(ARTICLES.resolve("suzhou-simplified.txt"), 1);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--lang=zh-CN");
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (ServiceProcess s : new ServiceProcess[] {query, ingest}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    @Order(1)
    void theFrontPageListsTheSeminarsNewestFirst() throws IOException {
        browser.get(page("/"));
        List<String> dates = script("return [...document.querySelectorAll('#seminars .seminar .facts')]"
                + ".map(f => (f.textContent.match(/\\d{4}-\\d{2}-\\d{2}/) || [''])[0]);");
        assertEquals(List.of("2024-06-12", "2024-05-06", "2024-04-26", "2024-04-18", "2024-04-09"), dates);
        WebElement firstTable = browser.findElement(By.cssSelector("#seminars .seminar table.participants"));
        assertTrue(firstTable.getText().contains("崔根良"), firstTable.getText());
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(!browser.getPageSource().contains("\\u"), "no escaped characters on the page");
        shot("latest");
        Files.createDirectories(Path.of("target/docs"));
        Files.write(Path.of("target/docs/page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(2)
    void aTraditionalTermFindsTheSimplifiedSeminarAndTheFilterIsInTheUrl() throws IOException {
        browser.get(page("/"));
        WebElement q = browser.findElement(By.id("f-q"));
        assertEquals("关键词", browser.findElement(By.cssSelector("label[for=f-q]")).getText(), "the field is labelled");
        q.sendKeys("先進製造業");
        q.sendKeys(Keys.ENTER);
        waitFor().until(d -> d.getCurrentUrl().contains("q="));
        String address = browser.getCurrentUrl();
        assertTrue(address.endsWith("/?q=%E5%85%88%E9%80%B2%E8%A3%BD%E9%80%A0%E6%A5%AD"),
                "only the filled field in the shared address: " + address);
        List<String> titles = script("return [...document.querySelectorAll('#seminars .seminar h3')]"
                + ".map(h => h.textContent);");
        assertEquals(List.of("民营企业座谈会"), titles);
        shot("filtered-traditional");
    }

    @Test
    @Order(3)
    void theArticlePageHighlightsAParticipantsEvidenceWhereTheTextSaysIt() throws IOException {
        JsonNode article = Http.getJson(URI.create(query.baseUri() + "/articles/" + suzhouId));
        JsonNode attendance = null;
        for (JsonNode c : article.path("companyEvents")) {
            if ("崔根良".equals(c.path("person").asText())) {
                attendance = c;
            }
        }
        assertTrue(attendance != null, article.toString());
        int start = attendance.path("evidence").path("start").asInt();
        int end = attendance.path("evidence").path("end").asInt();

        browser.get(page("/article/" + suzhouId));
        WebElement mark = browser.findElement(By.cssSelector(
                "#article-text mark[data-ev~='" + attendance.path("id").asText() + "']"));
        assertTrue(mark.getText().contains("崔根良"), mark.getText());
        long offset = script("const r = document.createRange();"
                + "r.setStart(document.getElementById('article-text'), 0); r.setEndBefore(arguments[0]);"
                + "return r.toString().length;", mark);
        assertEquals(start, offset, "the highlight starts where the evidence starts");
        String covered = script("return document.getElementById('article-text').textContent"
                + ".substring(arguments[0], arguments[1]);", start, end);
        assertEquals(attendance.path("evidence").path("text").asText(), covered);

        new Actions(browser).moveToElement(mark).perform();
        waitFor().until(d -> d.findElement(By.id("detail")).getText().contains("崔根良"));
        shot("article-hover");

        // The keyboard reaches the highlights too, and focusing one shows its event.
        browser.get(page("/article/" + suzhouId));
        WebElement body = browser.findElement(By.tagName("body"));
        for (int i = 0; i < 40 && !Boolean.TRUE.equals(script(
                "return document.activeElement.matches('mark.ev');")); i++) {
            body.sendKeys(Keys.TAB);
        }
        assertTrue(Boolean.TRUE.equals(script("return document.activeElement.matches('mark.ev');")),
                "a highlight takes the keyboard focus");
        waitFor().until(d -> !d.findElement(By.id("detail")).getText().isBlank());
        shot("article-focus");

        browser.get(page("/seminar/" + article.path("seminars").get(0).path("id").asText()));
        assertEquals("民营企业座谈会", browser.findElement(By.tagName("h1")).getText());
        browser.get(page("/companies"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("874亿元"));
        shot("companies");
    }

    @Test
    @Order(4)
    void aNewlyPostedArticlesSeminarAppearsInTheLivePanelWithoutAReload() throws IOException {
        browser.get(page("/"));
        waitFor().until(d -> d.findElement(By.id("live-state")).getText().startsWith("已连接"));
        script("window.stillThisPage = true; return null;");
        HttpResponse<String> posted = Http.postArticle(ingest.baseUri(), PAGE_KEY, ARTICLES.resolve("wuxi-simplified.txt"));
        assertEquals(202, posted.statusCode(), posted.body());
        waitFor(PIPELINE).until(d -> d.findElement(By.id("live-list")).getText().contains("集成电路产业座谈会"));
        assertEquals(Boolean.TRUE, script("return window.stillThisPage === true;"), "the page was not reloaded");
        assertTrue(browser.findElement(By.id("live-list")).getText().contains("无锡"));
        shot("live");
        // The same page on a phone-sized screen.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(page("/"));
        long overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px too wide");
        shot("phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
    }

    @Test
    @Order(5)
    void theBulkCommandPostsAGeneratedFolderThrough429sAndItsCountsMatchTheArticleTotal() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bulk-articles-");
        int generated = Integer.getInteger("bulk.articles", 300);
        for (int i = 0; i < generated; i++) {
            Files.writeString(folder.resolve(String.format("article-%05d.txt", i)), generatedArticle(i),
                    StandardCharsets.UTF_8);
        }
        long before = Http.getJson(URI.create(query.baseUri() + "/articles?limit=1")).path("total").asLong();
        Path refused = Path.of("target/bulk-refused.jsonl");
        Files.deleteIfExists(refused);
        Path output = Path.of("target/people-logs/post.out");
        // env restores SIGINT's default action: a shell running this build in the background starts it ignored,
        // and a JVM started with SIGINT ignored never sees Ctrl-C. env execs java, so the pid is the JVM's.
        Process post = new ProcessBuilder("env", "--default-signal=INT", java(), "-jar",
                RepoFiles.packaged("ingest-service/target/ingest-service.jar").toString(), "post",
                "--url", ingest.baseUri().toString(), "--key", BULK_KEY, "--refused", refused.toString(),
                folder.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(post.waitFor(5, TimeUnit.MINUTES), "the post command finished");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, post.exitValue(), out);
        Matcher done = Pattern.compile("Done: (\\d+) article\\(s\\) in .*: (\\d+) accepted, (\\d+) duplicate\\(s\\), "
                + "(\\d+) refused; waited and retried (\\d+) time").matcher(out);
        assertTrue(done.find(), out);
        assertEquals(generated, Long.parseLong(done.group(1)));
        long accepted = Long.parseLong(done.group(2));
        assertEquals(generated, accepted);
        assertTrue(Long.parseLong(done.group(5)) > 0, "429s were met and waited out: " + out);
        assertTrue(out.contains("ETA"), "progress lines when not on a terminal: " + out);
        await("GET /articles total grows by the accepted count").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.getJson(URI.create(query.baseUri() + "/articles?limit=1")).path("total").asLong(),
                        total -> total == before + accepted);
    }

    @Test
    @Order(6)
    void ctrlCStopsTheBulkCommandAndItSaysWhatWasSent() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bulk-stop-");
        for (int i = 0; i < 5_000; i++) {
            Files.writeString(folder.resolve(String.format("article-%05d.txt", i)), generatedArticle(100_000 + i),
                    StandardCharsets.UTF_8);
        }
        Path output = Path.of("target/people-logs/post-stop.out");
        // env restores SIGINT's default action: a shell running this build in the background starts it ignored,
        // and a JVM started with SIGINT ignored never sees Ctrl-C. env execs java, so the pid is the JVM's.
        Process post = new ProcessBuilder("env", "--default-signal=INT", java(), "-jar",
                RepoFiles.packaged("ingest-service/target/ingest-service.jar").toString(), "post",
                "--url", ingest.baseUri().toString(), "--key", BULK_KEY, "--refused", "target/bulk-stop-refused.jsonl",
                folder.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        await("the first progress line").atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(output, StandardCharsets.UTF_8).contains("ETA"));
        // What Ctrl-C sends.
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(post.pid())).start().waitFor());
        assertTrue(post.waitFor(30, TimeUnit.SECONDS), "the command stopped");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(130, post.exitValue(), out);
        Matcher stopped = Pattern.compile("Stopped by Ctrl-C: (\\d+) of 5000 article\\(s\\) sent; (\\d+) accepted")
                .matcher(out);
        assertTrue(stopped.find(), out);
        long sent = Long.parseLong(stopped.group(1));
        assertTrue(sent > 0 && sent < 5_000, "stopped part way: " + out);
        assertTrue(Long.parseLong(stopped.group(2)) <= sent);
    }

    /** A short article in the seed layout whose content differs with {@code i}. */
    private static String generatedArticle(int i) {
        return "南通召开第" + (i + 1) + "场企业家座谈会\n\n江海晚报 2024-03-02 10:00:00\n\n3月1日上午，南通市召开第" + (i + 1)
                + "场企业家座谈会，江苏海门测试有限公司董事长张" + "一二三四五六七八九十".charAt(i % 10) + "等参加。编号" + i + "。\n";
    }

    private static String postAndAwait(Path file, int seminars) {
        HttpResponse<String> posted = Http.postArticle(ingest.baseUri(), PAGE_KEY, file);
        assertEquals(202, posted.statusCode(), posted.body());
        String id;
        try {
            id = Http.JSON.readTree(posted.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await("the seminars of " + file.getFileName()).atMost(PIPELINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.latestSeminarsOf(query.baseUri(), id).size() >= seminars);
        return id;
    }

    private static String page(String path) {
        return query.baseUri() + path;
    }

    private static WebDriverWait waitFor() {
        return waitFor(Duration.ofSeconds(15));
    }

    private static WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
