package cn.newsevents.bench.jmh;

import cn.newsevents.bench.corpus.Corpus;
import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.extraction.Extractor;
import cn.newsevents.extraction.company.CompanyExtractor;
import cn.newsevents.extraction.seminar.SeminarExtractor;
import cn.newsevents.extraction.text.SimplifiedText;
import com.hankcs.hanlp.HanLP;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The extractor against its own lower bound, HanLP segmentation, on the same texts in the same run.
 * One operation processes the whole corpus (seeds plus {@code -Dbench.extra} files); the {@code chars} counter
 * turns operations into characters per second. Segmentation runs on the simplified text with HanLP's default
 * segment configuration, which is the least work any HanLP-based extractor must do per character. The
 * {@code stage*} benchmarks time the extractor's parts on the same texts (simplified view, seminars, company
 * figures); their costs add up to about that of {@code extract}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ExtractorBenchmark {
    private Extractor extractor;
    private SeminarExtractor seminarStage;
    private CompanyExtractor companyStage;
    private Article[] articles;
    private String[] simplified;
    private List<List<SeminarEvent>> seminarsFound;
    private long chars;

    /** Counts the characters processed per iteration; JMH reports it as a rate, i.e. chars/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Chars {
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            chars = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        List<String> texts = Corpus.texts();
        extractor = new Extractor();
        articles = texts.stream().map(raw -> ArticleText.parse(raw, null)).toArray(Article[]::new);
        simplified = new String[articles.length];
        for (int i = 0; i < articles.length; i++) {
            simplified[i] = SimplifiedText.of(articles[i].text());
            chars += articles[i].text().length();
        }
        seminarStage = new SeminarExtractor();
        companyStage = new CompanyExtractor();
        seminarsFound = new ArrayList<>();
        for (int i = 0; i < articles.length; i++) {
            seminarsFound.add(seminarStage.extract(articles[i], simplified[i]));
        }
        // Class loading and dictionary loading of HanLP happen here, not in the first warmup iteration.
        HanLP.segment(simplified[0]);
        extractor.extract(articles[0]);
    }

    @Benchmark
    public void extract(Chars counter, Blackhole bh) {
        for (Article article : articles) {
            bh.consume(extractor.extract(article));
        }
        counter.chars += chars;
    }

    /** Stage cost: the simplified view every later stage reads. */
    @Benchmark
    public void stageSimplify(Chars counter, Blackhole bh) {
        for (Article article : articles) {
            bh.consume(SimplifiedText.of(article.text()));
        }
        counter.chars += chars;
    }

    /** Stage cost: the seminar reading (meetings, dates, people, cities) on the simplified text. */
    @Benchmark
    public void stageSeminars(Chars counter, Blackhole bh) {
        for (int i = 0; i < articles.length; i++) {
            bh.consume(seminarStage.extract(articles[i], simplified[i]));
        }
        counter.chars += chars;
    }

    /** Stage cost: the company figures (names, keywords, amounts, periods, lists) given the seminars. */
    @Benchmark
    public void stageCompanies(Chars counter, Blackhole bh) {
        for (int i = 0; i < articles.length; i++) {
            bh.consume(companyStage.extract(articles[i], simplified[i], seminarsFound.get(i)));
        }
        counter.chars += chars;
    }

    @Benchmark
    public void segment(Chars counter, Blackhole bh) {
        for (String text : simplified) {
            bh.consume(HanLP.segment(text));
        }
        counter.chars += chars;
    }
}
