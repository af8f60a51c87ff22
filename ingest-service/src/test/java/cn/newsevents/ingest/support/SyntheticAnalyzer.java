package cn.newsevents.ingest.support;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ArticleInfo;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.ingest.pipeline.ArticleAnalyzer;
import cn.newsevents.ingest.pipeline.ExtractorAnalyzer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for the extractor, so pipeline tests know exactly which events an article yields.
 * Body lines {@code SEMINAR|date|city|focus|name/org/title;name/org/title} give a seminar, lines
 * {@code METRIC|company|value} a revenue figure; a body containing {@code FAIL-EXTRACTION} makes it throw, one
 * containing {@code SLOW-EXTRACTION} takes {@link #SLOW_MILLIS} ms and ignores interrupts meanwhile.
 * Enabled with {@code test.analyzer=synthetic}.
 */
@Singleton
@Replaces(ExtractorAnalyzer.class)
@Requires(property = "test.analyzer", value = "synthetic")
public class SyntheticAnalyzer implements ArticleAnalyzer {
    public static final String FAIL = "FAIL-EXTRACTION";
    public static final String SLOW = "SLOW-EXTRACTION";
    public static final long SLOW_MILLIS = 6_000;

    @Override
    public ExtractionResult analyze(Article article) {
        String text = article.text();
        if (text.contains(FAIL)) {
            throw new IllegalStateException("The synthetic extractor was told to fail on article " + article.id() + ".");
        }
        if (text.contains(SLOW)) {
            long end = System.nanoTime() + SLOW_MILLIS * 1_000_000;
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                try {
                    Thread.sleep(left / 1_000_000 + 1);
                } catch (InterruptedException ignored) {
                    // As a CPU-bound extractor would: the interrupt is not looked at.
                }
            }
        }
        List<SeminarEvent> seminars = new ArrayList<>();
        List<CompanyEvent> companies = new ArrayList<>();
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            Evidence evidence = new Evidence(pos, pos + line.length(), line);
            pos += line.length() + 1;
            String[] f = line.strip().split("\\|", -1);
            if (f[0].equals("SEMINAR") && f.length >= 5) {
                List<Participant> people = new ArrayList<>();
                for (String p : f[4].split(";")) {
                    String[] q = p.split("/", -1);
                    if (!q[0].isBlank()) {
                        people.add(new Participant(q[0], q.length > 2 ? q[2] : null, q.length > 1 ? q[1] : null, null));
                    }
                }
                LocalDate date = LocalDate.parse(f[1]);
                String id = Ids.eventId(article.id(), "seminar", date, f[2]);
                seminars.add(new SeminarEvent(id, article.id(), date, "afternoon", f[2], f[3] + "座谈会", null, null,
                        new Person("主持人", "书记", null), f[3], people, evidence, 0.9, "synthetic"));
            } else if (f[0].equals("METRIC") && f.length >= 3) {
                BigDecimal value = new BigDecimal(f[2]);
                String id = Ids.eventId(article.id(), "company", f[1], "revenue", "2023");
                companies.add(new CompanyEvent(id, article.id(), CompanyEventKind.METRIC, f[1], Metric.REVENUE, Period.parse("2023"),
                        value, Unit.CNY, null, null, null, null, null, evidence, 0.8, "synthetic"));
            }
        }
        ArticleInfo info = new ArticleInfo(article.id(), article.url(), article.title(), article.source(),
                article.publishedAt(), "simplified", text.length());
        return new ExtractionResult(info, seminars, companies);
    }
}
