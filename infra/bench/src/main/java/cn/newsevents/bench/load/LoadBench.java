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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Measures a running stack and writes the figures as a flat JSON object. Phases, in an order that keeps one
 * phase's leftovers out of the next: extractor alone; latest seminars on a bulk-loaded table, then the query
 * service's {@code GET /ping}; the pipeline (post to queryable), warmed up, sustained and at half that rate;
 * {@code POST /articles} with the processor held, then the ingest service's {@code GET /ping}, then {@code POST
 * /articles} again with the processor working through the backlog (last, as it keeps the processor busy). Each
 * baseline ({@code /ping}) is measured after the endpoint it is compared with, when its server is warmest.
 *
 * <pre>
 * LoadBench --api-key KEY --jdbc-url URL [--jdbc-user U] [--jdbc-password P] [--ingest http://127.0.0.1:8080]
 *           [--query http://127.0.0.1:8081] [--quick] [--out bench-results/load.json]
 *           [--seminars 100000] [--pipeline-articles N] [--threads N] [--phases extractor,...,ingest]
 * </pre>
 */
public final class LoadBench {
    private static final String USAGE = """
            Usage: LoadBench --api-key KEY --jdbc-url jdbc:postgresql://HOST:PORT/DB [--jdbc-user U]
                             [--jdbc-password P] [--ingest http://127.0.0.1:8080] [--query http://127.0.0.1:8081]
                             [--quick] [--out bench-results/load.json] [--seminars 100000]
                             [--pipeline-articles N] [--threads CORES] [--max-p99-ms 200]
                             [--phases extractor,latest,pipeline,ingest]
            The API key may also come from the environment variable INGEST_API_KEY.""";

    private static final List<String> PHASES = List.of("extractor", "latest", "pipeline", "ingest");

    private record Settings(URI ingest, URI query, String apiKey, String jdbcUrl, String jdbcUser,
                            String jdbcPassword, boolean quick, Path out, int seminars, int pipelineArticles,
                            int threads, int maxP99Ms, Set<String> phases) {
        int pipelineWarmup() {
            return quick ? 600 : 2_000;
        }

        Duration pipelineWarmupBudget() {
            return Duration.ofSeconds(quick ? 160 : 420);
        }

        /** Secondary figures (no target depends on them) are left to the full run, for the pipeline's warmup. */
        boolean secondaryFigures() {
            return !quick;
        }

        Duration step() {
            return Duration.ofSeconds(quick ? 2 : 10);
        }

        int refinements() {
            return quick ? 3 : 4;
        }

        Duration latencyRun() {
            return Duration.ofSeconds(quick ? 20 : 60);
        }

        Duration latencySettle() {
            return Duration.ofSeconds(quick ? 8 : 15);
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
            if (settings.phases().contains("extractor")) {
                extractorOnly(pipelineArticles);
            }
            if (settings.phases().contains("latest")) {
                latestSeminars(client);
            }
            if (settings.phases().contains("pipeline")) {
                pipeline(client, pipelineArticles, generator);
            }
            if (settings.phases().contains("ingest")) {
                ingest(client, generator);
            }
        } finally {
            write();
        }
    }

    private void extractorOnly(List<GeneratedArticle> articles) throws InterruptedException {
        // The extractor reaches its compiled speed after some 20 s on two cores; less warmup understates it.
        Duration warmup = Duration.ofSeconds(settings.quick() ? 20 : 30);
        Duration length = Duration.ofSeconds(settings.quick() ? 5 : 15);
        double rate = ExtractorThroughput.articlesPerSecond(articles.stream().map(GeneratedArticle::raw).toList(),
                articles.stream().map(GeneratedArticle::url).toList(), settings.threads(), warmup, length);
        log("extractor alone, %d threads: %.1f articles/s", settings.threads(), rate);
        figures.put("pipeline.extractorOnlyThreads", settings.threads());
        figures.put("pipeline.extractorOnlyArticlesPerSec", round(rate));
        figures.put("pipeline.extractorOnlyCpuMsPerArticle", round(settings.threads() * 1000 / rate));
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
        // Both endpoints are compared warm: a fresh server spends most of its first thousands of requests
        // compiling, so each gets a warmup (not judged) before either is measured.
        Duration warm = Duration.ofSeconds(settings.quick() ? 8 : 20);
        if (settings.secondaryFigures()) {
            log("GET latest raw warmup: %s", openLoop().run(2_000, warm, i -> client.latestSeminarsUncompressed()));
        }
        figures.put("http.latestSeminarsWarmupSeconds", warmUp("GET latest", "queryService", 2_000,
                warm.multipliedBy(2), warm.multipliedBy(7).dividedBy(2), i -> client.latestSeminars()));
        figures.put("http.queryTrivialWarmupSeconds", warmUp("GET query /ping", "queryService", 2_000,
                warm.dividedBy(2), warm.multipliedBy(3).dividedBy(2), i -> client.queryPing()));
        Map<String, Double> cpuBefore = ProcessCpu.snapshot();
        RateSearch.Result result = search().find("GET latest", 40, 51_200, i -> client.latestSeminars());
        cpuPerRequest("http.latestSeminarsCpuMsPerRequest", cpuBefore, result);
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
        if (settings.secondaryFigures()) {
            RateSearch.Result identity = search().find("GET latest raw", 40, 51_200,
                    i -> client.latestSeminarsUncompressed());
            figures.put("http.latestSeminarsUncompressedRps", round(identity.sustainedRps()));
        }
        // The page for people over the same rows: its first view must stay under 100 ms p99.
        figures.put("http.frontPageWarmupSeconds", warmUp("GET /", "queryService", 1_000,
                warm.dividedBy(2), warm.multipliedBy(3).dividedBy(2), i -> client.frontPage()));
        OpenLoop.Step page = openLoop().run(200, settings.step().multipliedBy(3), i -> client.frontPage());
        log("GET / (the page) at 200/s: %s", page);
        figures.put("http.frontPageP50Ms", round(page.p50Ms()));
        figures.put("http.frontPageP99Ms", round(page.p99Ms()));
        // The baseline of the same server, measured after it served the endpoint above.
        cpuBefore = ProcessCpu.snapshot();
        RateSearch.Result ping = search().find("GET query /ping", 100, 51_200, i -> client.queryPing());
        cpuPerRequest("http.queryTrivialCpuMsPerRequest", cpuBefore, ping);
        figures.put("http.queryTrivialRps", round(ping.sustainedRps()));
        figures.put("http.queryTrivialP99Ms", ping.best() == null ? null : round(ping.best().p99Ms()));
    }

    private void pipeline(StackClient client, List<GeneratedArticle> articles, ArticleGenerator generator)
            throws Exception {
        // A fresh service compiles its hot paths while it works; like the extractor-only figure, the pipeline is
        // measured after a warmup run of its own (not counted), at the rate it reaches warm.
        // Warmup rounds repeat until the rate settles (two rounds in a row within 10%) and the ingest service's
        // compiler threads take under a tenth of its CPU, or the warmup time budget is spent.
        long warmed = 0;
        double previous = 0;
        long warmStart = System.nanoTime();
        for (int round = 1; ; round++) {
            Map<String, Double> cpuBefore = ProcessCpu.snapshot();
            Run warm = postAndAwait(client, generator.next(settings.pipelineWarmup()));
            Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot());
            log("pipeline warmup %d: %s; CPU ms per article %s", round, warm, perArticle(cpu,
                    Math.max(1, warm.processed())));
            warmed += warm.processed();
            double jit = cpu.getOrDefault("ingestService.jit", 0.0);
            double service = jit + cpu.getOrDefault("ingestService", 0.0) + cpu.getOrDefault("ingestService.gc", 0.0);
            boolean settled = previous > 0 && Math.abs(warm.rate() - previous) <= 0.1 * previous
                    && jit <= 0.1 * service;
            if (settled || System.nanoTime() - warmStart > settings.pipelineWarmupBudget().toNanos()) {
                break;
            }
            previous = warm.rate();
        }
        figures.put("pipeline.warmupSeconds", round((System.nanoTime() - warmStart) / 1e9));
        Map<String, Double> cpuBefore = ProcessCpu.snapshot();
        Run run = postAndAwait(client, articles);
        Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot());
        log("pipeline: %s", run);
        double rate = run.rate();
        figures.put("pipeline.warmupArticles", warmed);
        figures.put("pipeline.articles", run.processed());
        figures.put("pipeline.rejected", run.rejected());
        figures.put("pipeline.postSeconds", round(run.postSeconds()));
        figures.put("pipeline.articlesPerSec", round(rate));
        if (run.processed() > 0) {
            // Where the CPU of the measured run went, per stored article (all processes of the machine).
            double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            log("pipeline CPU per article: %.1f ms in all, %s", total * 1000 / run.processed(), perArticle(cpu,
                    run.processed()));
            figures.put("pipeline.cpuMsPerArticle", round(total * 1000 / run.processed()));
            perArticle(cpu, run.processed()).forEach((role, ms) -> figures.put("pipeline.cpuMsPerArticle." + role, ms));
        }
        if (run.processed() < articles.size()) {
            log("pipeline: only %d of %d articles became queryable in time", run.processed(), articles.size());
        }
        if (rate <= 0) {
            return;
        }
        double halfRate = rate / 2;
        List<String> firstIds = new ArrayList<>();
        OpenLoop.Step settle;
        OpenLoop.Step step;
        try (QueryableWatch watch = new QueryableWatch(settings.jdbcUrl(), settings.jdbcUser(),
                settings.jdbcPassword(), Duration.ofMillis(5)); CpuSeries series = CpuSeries.start()) {
            // The first seconds after the saturating run are a transient (the box still settles from it: p99 up to
            // 1.5 s in the first 5 s, under 250 ms afterwards); they are reported apart, and the figure is the
            // steady state at half the rate that follows.
            long settleStart = System.nanoTime();
            settle = postToQueryable(client, watch, generator, halfRate, settings.latencySettle(), null);
            log("post to queryable at %.1f/s, settling: %s", halfRate, settle);
            long stepStart = System.nanoTime();
            step = postToQueryable(client, watch, generator, halfRate, settings.latencyRun(), firstIds);
            logSeconds("settling", settle, settleStart, series);
            logSeconds("measured", step, stepStart, series);
        }
        // The watch reads the database; the query service must agree for the first article of the run.
        if (!client.whenQueryable(firstIds.get(0), Duration.ofSeconds(30)).get()) {
            log("post to queryable: the query service does not serve article %s", firstIds.get(0));
            figures.put("pipeline.postToQueryableFailed", step.failed() + 1);
        }
        log("post to queryable at %.1f/s: %s", halfRate, step);
        figures.put("pipeline.postToQueryableSettleSeconds", settings.latencySettle().toSeconds());
        figures.put("pipeline.postToQueryableSettleP99Ms", round(settle.p99Ms()));
        figures.put("pipeline.postToQueryableRate", round(halfRate));
        figures.put("pipeline.postToQueryableP50Ms", round(step.p50Ms()));
        figures.put("pipeline.postToQueryableP99Ms", round(step.p99Ms()));
        figures.putIfAbsent("pipeline.postToQueryableFailed", step.failed());
    }

    /** One line per second of {@code step}: the slowest article due in it and the CPU of the box in that second. */
    private void logSeconds(String name, OpenLoop.Step step, long start, CpuSeries cpu) {
        long[] max = step.maxMicrosPerSecond();
        for (int s = 0; s < max.length; s++) {
            Map<String, Double> used = cpu.secondAt(start + s * 1_000_000_000L);
            StringBuilder roles = new StringBuilder();
            used.entrySet().stream().limit(5).forEach(e -> roles.append(String.format(" %s %.0f", e.getKey(),
                    e.getValue() * 1000)));
            log("post to queryable, %s second %d: slowest %.0f ms; CPU ms%s", name, s, max[s] / 1000.0, roles);
        }
    }

    /**
     * Posts new articles at {@code rate} for {@code length}, each timed from its due time until the watch sees it
     * stored; the ids posted go to {@code ids} when it is not null.
     */
    private static OpenLoop.Step postToQueryable(StackClient client, QueryableWatch watch, ArticleGenerator generator,
                                                 double rate, Duration length, List<String> ids) {
        int count = (int) Math.ceil(rate * length.toSeconds());
        List<GeneratedArticle> timed = generator.next(count);
        List<String> idList = new ArrayList<>(count);
        for (GeneratedArticle article : timed) {
            idList.add(ArticleText.parse(article.raw(), article.url()).id());
        }
        if (ids != null) {
            ids.addAll(idList);
        }
        return new OpenLoop(4096, Duration.ofMinutes(2)).run(rate, length, i -> {
            GeneratedArticle article = timed.get((int) Math.min(i, timed.size() - 1));
            String id = idList.get((int) Math.min(i, idList.size() - 1));
            return client.post(article).thenCompose(status -> status == 202
                    ? watch.when(id, Duration.ofMinutes(1))
                    : CompletableFuture.completedFuture(false));
        });
    }

    /** One throughput run: posted, then awaited until queryable. */
    private record Run(long processed, long rejected, double postSeconds, double seconds) {
        double rate() {
            return seconds <= 0 ? 0 : processed / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d queryable after %.1f s (posted in %.1f s, %d rejected): %.1f articles/s",
                    processed, seconds, postSeconds, rejected, rate());
        }
    }

    /**
     * Posts {@code articles} as fast as the ingest service accepts them (at most 32 requests in flight), then
     * waits until the query service counts them all; the time runs from the first post to the last article
     * being queryable.
     */
    private Run postAndAwait(StackClient client, List<GeneratedArticle> articles) throws Exception {
        try (StoredArticles stored = new StoredArticles(settings.jdbcUrl(), settings.jdbcUser(),
                settings.jdbcPassword())) {
            // Received-at times are taken by the ingest service on this machine's clock; a second of slack
            // covers its millisecond truncation, and no other article arrives meanwhile.
            Instant since = Instant.now().minusSeconds(1);
            long before = stored.since(since);
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
            long count = stored.since(since);
            while (count < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                count = stored.since(since);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(count - before, rejected.get(), postSeconds, seconds);
        }
    }

    /** Records the CPU of every role per request sent during a rate search, under {@code prefix.role}. */
    private void cpuPerRequest(String prefix, Map<String, Double> before, RateSearch.Result result) {
        long sent = result.steps().stream().mapToLong(OpenLoop.Step::sent).sum();
        if (sent > 0) {
            Map<String, Object> ms = new LinkedHashMap<>();
            ProcessCpu.between(before, ProcessCpu.snapshot())
                    .forEach((role, seconds) -> ms.put(role, Math.round(seconds * 1e6 / sent) / 1000.0));
            log("%s: %s", prefix, ms);
            ms.forEach((role, value) -> figures.put(prefix + "." + role, value));
        }
    }

    private static Map<String, Object> perArticle(Map<String, Double> cpuSeconds, long articles) {
        Map<String, Object> ms = new LinkedHashMap<>();
        cpuSeconds.forEach((role, seconds) -> ms.put(role, round(seconds * 1000 / articles)));
        return ms;
    }

    /**
     * {@code POST /articles} twice: with the processor held, so the API is measured on the same otherwise idle
     * machine as the trivial endpoint (in a deployment API and processor replicas run on cores of their own), and
     * then with the processor working through what was accepted, on the same two cores.
     */
    private void ingest(StackClient client, ArticleGenerator generator) throws Exception {
        // Texts are generated ahead so that generating them is not part of the measured rate; each request
        // still carries a url of its own, so every accepted post is a new article for the pipeline.
        List<GeneratedArticle> pool = generator.next(2_000);
        AtomicLong next = new AtomicLong();
        String prefix = "https://bench.example/" + runId + "/ingest/";
        LongFunction<CompletableFuture<Boolean>> post = i -> {
            long n = next.getAndIncrement();
            return client.postAccepted(pool.get((int) (n % pool.size())).withUrl(prefix + n));
        };
        client.holdProcessor(true);
        try {
            // The API's request path has not run at these rates yet: warm it like the query service's, at a rate
            // the API keeps up with but high enough that its compiler is done before the search (at 1,000/s the
            // compiler still took a fifth of the service's CPU during the search).
            Duration warm = Duration.ofSeconds(settings.quick() ? 8 : 20);
            figures.put("http.ingestWarmupSeconds", warmUp("POST /articles", "ingestService", 2_500, warm,
                    warm.multipliedBy(3), post));
            figures.put("http.trivialWarmupSeconds", warmUp("GET /ping", "ingestService", 2_000, warm.dividedBy(2),
                    warm.multipliedBy(3).dividedBy(2), i -> client.ping()));
            Map<String, Double> cpuBefore = ProcessCpu.snapshot();
            RateSearch.Result held = search().find("POST /articles", 40, 25_600, post);
            cpuPerRequest("http.ingestCpuMsPerRequest", cpuBefore, held);
            figures.put("http.ingestRps", round(held.sustainedRps()));
            figures.put("http.ingestP99Ms", held.best() == null ? null : round(held.best().p99Ms()));
            // The baseline: the same server's cheapest endpoint, now that it is warm, on the same idle machine.
            cpuBefore = ProcessCpu.snapshot();
            RateSearch.Result ping = search().find("GET /ping", 100, 51_200, i -> client.ping());
            cpuPerRequest("http.trivialCpuMsPerRequest", cpuBefore, ping);
            figures.put("http.trivialRps", round(ping.sustainedRps()));
            figures.put("http.trivialP99Ms", ping.best() == null ? null : round(ping.best().p99Ms()));
        } finally {
            client.holdProcessor(false);
        }
        if (!settings.secondaryFigures()) {
            return;
        }
        RateSearch.Result busy = search().find("POST+processing", 40, 25_600, post);
        figures.put("http.ingestRpsWhileProcessing", round(busy.sustainedRps()));
        figures.put("http.ingestP99MsWhileProcessing", busy.best() == null ? null : round(busy.best().p99Ms()));
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

    /**
     * Warms {@code role}'s request path with open-loop slices of 4 s at {@code rps}, not judged, until its compiler
     * threads take at most a tenth of its CPU in a slice (once {@code minimum} has passed) or {@code budget} is
     * spent; returns the seconds it took. A fixed warmup is either too long or, on a slow day, lets the compiler run
     * into the measurement: a run whose query service still spent 40% of its CPU compiling during the search
     * measured its ratio at 0.40 instead of 0.55 to 1.05.
     */
    private double warmUp(String name, String role, double rps, Duration minimum, Duration budget,
                          LongFunction<CompletableFuture<Boolean>> request) {
        long start = System.nanoTime();
        for (int slice = 1; ; slice++) {
            Map<String, Double> before = ProcessCpu.snapshot();
            OpenLoop.Step step = openLoop().run(rps, Duration.ofSeconds(4), request);
            Map<String, Double> cpu = ProcessCpu.between(before, ProcessCpu.snapshot());
            double jit = cpu.getOrDefault(role + ".jit", 0.0);
            double all = jit + cpu.getOrDefault(role, 0.0) + cpu.getOrDefault(role + ".gc", 0.0);
            double share = all > 0 ? jit / all : 0;
            long elapsed = System.nanoTime() - start;
            log("%s warmup %d: %s; compiler %.0f%% of the %s CPU", name, slice, step, 100 * share, role);
            if ((elapsed >= minimum.toNanos() && share <= 0.1) || elapsed >= budget.toNanos()) {
                return round(elapsed / 1e9);
            }
        }
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
        Set<String> phases = new LinkedHashSet<>(PHASES);
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
                case "--phases" -> phases = phases(value(arg, it));
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
                seminars == null ? (quick ? 100_000 : 200_000) : seminars,
                pipelineArticles == null ? (quick ? 1_200 : 5_000) : pipelineArticles, threads, maxP99Ms, phases);
    }

    private static Set<String> phases(String list) {
        Set<String> phases = new LinkedHashSet<>(List.of(list.split(",")));
        if (!PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases takes a comma-separated subset of " + String.join(",", PHASES)
                    + ", not '" + list + "'.");
        }
        return phases;
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
