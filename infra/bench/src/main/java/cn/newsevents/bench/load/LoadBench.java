package cn.newsevents.bench.load;

import cn.newsevents.bench.corpus.ArticleGenerator;
import cn.newsevents.bench.corpus.ArticleGenerator.GeneratedArticle;
import cn.newsevents.extraction.ArticleText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a running stack and writes the figures as a flat JSON object. Phases, in an order that keeps one
 * phase's leftovers out of the next: extractor alone; {@code GET /ping}; latest seminars on a bulk-loaded table;
 * the pipeline (post to queryable), sustained and at half that rate; {@code POST /articles} last, because the
 * articles it floods in keep the processor busy afterwards.
 *
 * <pre>
 * LoadBench --api-key KEY --jdbc-url URL [--jdbc-user U] [--jdbc-password P] [--ingest http://127.0.0.1:8080]
 *           [--query http://127.0.0.1:8081] [--quick] [--out bench-results/load.json]
 *           [--seminars 100000] [--pipeline-articles N] [--threads N]
 * </pre>
 */
public final class LoadBench {
    private static final String USAGE = """
            Usage: LoadBench --api-key KEY --jdbc-url jdbc:postgresql://HOST:PORT/DB [--jdbc-user U]
                             [--jdbc-password P] [--ingest http://127.0.0.1:8080] [--query http://127.0.0.1:8081]
                             [--quick] [--out bench-results/load.json] [--seminars 100000]
                             [--pipeline-articles N] [--threads CORES] [--max-p99-ms 200]
            The API key may also come from the environment variable INGEST_API_KEY.""";

    private record Settings(URI ingest, URI query, String apiKey, String jdbcUrl, String jdbcUser,
                            String jdbcPassword, boolean quick, Path out, int seminars, int pipelineArticles,
                            int threads, int maxP99Ms) {
        Duration step() {
            return Duration.ofSeconds(quick ? 3 : 10);
        }

        int refinements() {
            return quick ? 2 : 3;
        }

        Duration latencyRun() {
            return Duration.ofSeconds(quick ? 20 : 60);
        }
    }

    private final Settings settings;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private LoadBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        new LoadBench(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        figures.put("load.quick", settings.quick());
        figures.put("load.sustainedMaxP99Ms", settings.maxP99Ms());
        ArticleGenerator generator = new ArticleGenerator(42, "https://bench.example/" + runId + "/");
        List<GeneratedArticle> pipelineArticles = generator.next(settings.pipelineArticles());
        try (StackClient client = new StackClient(settings.ingest(), settings.query(), settings.apiKey())) {
            extractorOnly(pipelineArticles);
            trivial(client);
            latestSeminars(client);
            pipeline(client, pipelineArticles, generator);
            ingest(client, generator);
        } finally {
            write();
        }
    }

    private void extractorOnly(List<GeneratedArticle> articles) throws InterruptedException {
        Duration length = Duration.ofSeconds(settings.quick() ? 5 : 15);
        double rate = ExtractorThroughput.articlesPerSecond(articles.stream().map(GeneratedArticle::raw).toList(),
                articles.stream().map(GeneratedArticle::url).toList(), settings.threads(), length, length);
        log("extractor alone, %d threads: %.1f articles/s", settings.threads(), rate);
        figures.put("pipeline.extractorOnlyThreads", settings.threads());
        figures.put("pipeline.extractorOnlyArticlesPerSec", round(rate));
    }

    private void trivial(StackClient client) {
        RateSearch.Result result = search().find("GET /ping", 100, 51_200, i -> client.ping());
        figures.put("http.trivialRps", round(result.sustainedRps()));
        figures.put("http.trivialP99Ms", result.best() == null ? null : round(result.best().p99Ms()));
    }

    private void latestSeminars(StackClient client) throws Exception {
        SeminarLoader loader = new SeminarLoader(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        long before = loader.seminarCount();
        if (before < settings.seminars()) {
            long start = System.nanoTime();
            loader.load((int) (settings.seminars() - before), runId);
            log("loaded %d seminars in %.1f s", settings.seminars() - before, (System.nanoTime() - start) / 1e9);
        }
        long rows = loader.seminarCount();
        figures.put("http.latestSeminarsRows", rows);
        RateSearch.Result result = search().find("GET latest", 40, 51_200, i -> client.latestSeminars());
        double sustained = result.sustainedRps();
        figures.put("http.latestSeminarsRps", round(sustained));
        figures.put("http.latestSeminarsP99MsAtMax", result.best() == null ? null : round(result.best().p99Ms()));
        if (sustained > 0) {
            OpenLoop.Step half = openLoop().run(sustained / 2, settings.step().multipliedBy(2),
                    i -> client.latestSeminars());
            log("GET latest at half the sustained rate: %s", half);
            figures.put("http.latestSeminarsP50Ms", round(half.p50Ms()));
            figures.put("http.latestSeminarsP99Ms", round(half.p99Ms()));
        }
    }

    private void pipeline(StackClient client, List<GeneratedArticle> articles, ArticleGenerator generator)
            throws Exception {
        long before = client.storedArticles();
        Semaphore inFlight = new Semaphore(32);
        AtomicLong rejected = new AtomicLong();
        long start = System.nanoTime();
        for (GeneratedArticle article : articles) {
            inFlight.acquireUninterruptibly();
            client.post(article).whenComplete((status, error) -> {
                if (error != null || status != 202) {
                    rejected.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(32);
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long expected = before + articles.size() - rejected.get();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(settings.quick() ? 5 : 20);
        long stored = before;
        while (stored < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            stored = client.storedArticles();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long processed = stored - before;
        double rate = processed / seconds;
        log("pipeline: posted %d in %.1f s (%d rejected), %d queryable after %.1f s: %.1f articles/s",
                articles.size(), postSeconds, rejected.get(), processed, seconds, rate);
        figures.put("pipeline.articles", processed);
        figures.put("pipeline.rejected", rejected.get());
        figures.put("pipeline.articlesPerSec", round(rate));
        if (processed < articles.size()) {
            log("pipeline: only %d of %d articles became queryable in time", processed, articles.size());
        }
        if (rate <= 0) {
            return;
        }
        double halfRate = rate / 2;
        int count = (int) Math.ceil(halfRate * settings.latencyRun().toSeconds());
        List<GeneratedArticle> timed = generator.next(count);
        List<String> ids = new ArrayList<>(count);
        for (GeneratedArticle article : timed) {
            ids.add(ArticleText.parse(article.raw(), article.url()).id());
        }
        OpenLoop.Step step = new OpenLoop(4096, Duration.ofMinutes(2)).run(halfRate, settings.latencyRun(), i -> {
            GeneratedArticle article = timed.get((int) Math.min(i, timed.size() - 1));
            String id = ids.get((int) Math.min(i, ids.size() - 1));
            return client.post(article).thenCompose(status -> status == 202
                    ? client.whenQueryable(id, Duration.ofMinutes(1))
                    : CompletableFuture.completedFuture(false));
        });
        log("post to queryable at %.1f/s: %s", halfRate, step);
        figures.put("pipeline.postToQueryableRate", round(halfRate));
        figures.put("pipeline.postToQueryableP50Ms", round(step.p50Ms()));
        figures.put("pipeline.postToQueryableP99Ms", round(step.p99Ms()));
        figures.put("pipeline.postToQueryableFailed", step.failed());
    }

    private void ingest(StackClient client, ArticleGenerator generator) {
        // Texts are generated ahead so that generating them is not part of the measured rate; each request
        // still carries a url of its own, so every accepted post is a new article for the pipeline.
        List<GeneratedArticle> pool = generator.next(2_000);
        AtomicLong next = new AtomicLong();
        String prefix = "https://bench.example/" + runId + "/ingest/";
        RateSearch.Result result = search().find("POST /articles", 40, 25_600, i -> {
            long n = next.getAndIncrement();
            return client.postAccepted(pool.get((int) (n % pool.size())).withUrl(prefix + n));
        });
        figures.put("http.ingestRps", round(result.sustainedRps()));
        figures.put("http.ingestP99Ms", result.best() == null ? null : round(result.best().p99Ms()));
    }

    private OpenLoop openLoop() {
        return new OpenLoop(1024, Duration.ofSeconds(30));
    }

    private RateSearch search() {
        return new RateSearch(openLoop(), new RateSearch.Criteria(0.95, 0.01, settings.maxP99Ms()), settings.step(),
                settings.refinements());
    }

    private void write() throws IOException {
        Path out = settings.out();
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        log("wrote %s", out);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }

    private static Settings parse(String[] args) {
        URI ingest = URI.create("http://127.0.0.1:8080");
        URI query = URI.create("http://127.0.0.1:8081");
        String apiKey = System.getenv("INGEST_API_KEY");
        String jdbcUrl = null;
        String jdbcUser = "postgres";
        String jdbcPassword = "postgres";
        boolean quick = false;
        Path out = Path.of("bench-results/load.json");
        Integer seminars = null;
        Integer pipelineArticles = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxP99Ms = 200;
        Iterator<String> it = List.of(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--ingest" -> ingest = URI.create(value(arg, it));
                case "--query" -> query = URI.create(value(arg, it));
                case "--api-key" -> apiKey = value(arg, it);
                case "--jdbc-url" -> jdbcUrl = value(arg, it);
                case "--jdbc-user" -> jdbcUser = value(arg, it);
                case "--jdbc-password" -> jdbcPassword = value(arg, it);
                case "--quick" -> quick = true;
                case "--help" -> throw new IllegalArgumentException("Measures a running local stack.");
                case "--out" -> out = Path.of(value(arg, it));
                case "--seminars" -> seminars = number(arg, value(arg, it));
                case "--pipeline-articles" -> pipelineArticles = number(arg, value(arg, it));
                case "--threads" -> threads = number(arg, value(arg, it));
                case "--max-p99-ms" -> maxP99Ms = number(arg, value(arg, it));
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'.");
            }
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The ingest API key is missing: pass --api-key KEY or set INGEST_API_KEY.");
        }
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("The database is missing: pass --jdbc-url jdbc:postgresql://HOST:PORT/DB "
                    + "(the seminars are bulk-loaded into it).");
        }
        return new Settings(ingest, query, apiKey, jdbcUrl, jdbcUser, jdbcPassword, quick, out,
                seminars == null ? (quick ? 50_000 : 100_000) : seminars,
                pipelineArticles == null ? (quick ? 400 : 3_000) : pipelineArticles, threads, maxP99Ms);
    }

    private static String value(String flag, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException("The option " + flag + " needs a value.");
        }
        return it.next();
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The option " + flag + " takes a whole number, not '" + value + "'.");
        }
    }
}
