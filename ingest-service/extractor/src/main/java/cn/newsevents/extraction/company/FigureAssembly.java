package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last stage of company-figure extraction: figures become events with an id, evidence in the original text and
 * a confidence, and a figure an article reports twice is kept once. One instance per article; not thread-safe.
 */
final class FigureAssembly {
    /** Repeats are looked for among at most this many figures of one company, metric and period (pairwise). */
    private static final int MAX_SAME_PERIOD = 16;

    /** One figure: {@code [evidenceStart, evidenceEnd)} indexes the article text. */
    record Figure(String company, Metric metric, Period period, BigDecimal value, Unit unit, Qualifier qualifier,
                  BigDecimal yoyGrowth, Integer rank, String person, int evidenceStart, int evidenceEnd,
                  double confidence) {
    }

    private final Article article;
    private final Map<String, CompanyEvent> events = new LinkedHashMap<>();

    /** The name a company is reported under: the short name the article declared for it, else the name itself. */
    private final java.util.function.UnaryOperator<String> reportedAs;

    FigureAssembly(Article article, java.util.function.UnaryOperator<String> reportedAs) {
        this.article = article;
        this.reportedAs = reportedAs;
    }

    /**
     * A headcount (or a count of outlets or customers) is a stock, counted at a day: a year's or a half's count is
     * the one at its last month (员工人数 for 2024 → 2024-12, in the first half → June, 前三季度 → September).
     */
    /** Counts held at a day, not summed over a period: staff, outlets, customers. */
    private static final Set<Metric> STOCKS = Set.of(Metric.EMPLOYEES, Metric.OUTLETS, Metric.CUSTOMERS);

    static Period asOf(Period p) {
        if (p instanceof Period.Year y) {
            return new Period.Month(y.year(), 12);
        }
        if (p instanceof Period.Half h) {
            return new Period.Month(h.year(), h.half() * 6);
        }
        if (p instanceof Period.Quarter q) {
            return new Period.Month(q.year(), q.quarter() * 3);
        }
        if (p instanceof Period.Range r) {
            // 前三季度门店总数: the count at the range's last month.
            return asOf(r.to());
        }
        return p;
    }

    /** Adds a figure unless the same company, metric, period and value is already reported. */
    void add(Figure given) {
        // A stock is counted at its period's last month; a company is reported under the name the article declared.
        Period period = STOCKS.contains(given.metric()) && given.period() != null ? asOf(given.period()) : given.period();
        String company = reportedAs.apply(given.company());
        Figure f = period == given.period() && company.equals(given.company()) ? given
                : new Figure(company, given.metric(), period, given.value(), given.unit(), given.qualifier(),
                given.yoyGrowth(), given.rank(), given.person(), given.evidenceStart(), given.evidenceEnd(),
                given.confidence());
        BigDecimal value = plain(f.value());
        String key = f.company() + "\u0000" + f.metric().code() + "\u0000" + f.period() + "\u0000" + value.toPlainString();
        if (events.containsKey(key)) {
            return;
        }
        Evidence evidence = new Evidence(f.evidenceStart(), f.evidenceEnd(),
                article.text().substring(f.evidenceStart(), f.evidenceEnd()));
        // The id is given in events(), to the figures kept only.
        double confidence = Math.round(Math.max(0.1, Math.min(1.0, f.confidence())) * 100) / 100.0;
        events.put(key, new CompanyEvent(null, article.id(), CompanyEventKind.METRIC, f.company(), f.metric(),
                f.period(), value, f.unit(), f.qualifier(), f.yoyGrowth(), f.rank(), f.person(), null, evidence,
                confidence, ExtractorVersion.CURRENT));
    }

    /** Whether a figure of a company whose name holds {@code name} was reported so far. */
    boolean reports(String name) {
        for (CompanyEvent e : events.values()) {
            if (e.company() != null && e.company().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The events, a figure reported twice kept once: an undated repeat of a dated figure is dropped, and of two
     * values of the same company, metric and period where one is the other written with fewer digits ("亏损65.28亿元"
     * in the lead, "47.316亿余元" in the body; "41%" in a heading, "41.3%" in the text) the precise one stays.
     */
    List<CompanyEvent> events() {
        List<CompanyEvent> all = new ArrayList<>(events.values());
        Set<String> dated = new HashSet<>();
        Map<String, List<CompanyEvent>> byPeriod = new LinkedHashMap<>();
        for (CompanyEvent e : all) {
            if (e.period() != null) {
                dated.add(e.company() + "\u0000" + e.metric() + "\u0000" + e.value());
            }
            byPeriod.computeIfAbsent(e.company() + "\u0000" + e.metric() + "\u0000" + e.period(),
                    k -> new ArrayList<>()).add(e);
        }
        Set<CompanyEvent> rounded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<CompanyEvent> same : byPeriod.values()) {
            if (same.size() > MAX_SAME_PERIOD) {
                continue;
            }
            for (CompanyEvent a : same) {
                for (CompanyEvent b : same) {
                    if (a != b && !rounded.contains(b) && writtenShorter(a.value(), b.value())) {
                        rounded.add(a);
                    }
                }
            }
        }
        List<CompanyEvent> out = new ArrayList<>();
        for (CompanyEvent e : all) {
            boolean undatedRepeat = e.period() == null
                    && dated.contains(e.company() + "\u0000" + e.metric() + "\u0000" + e.value());
            if (!undatedRepeat && !rounded.contains(e)) {
                out.add(withId(e));
            }
        }
        return out;
    }

    /** {@code e} with its id, made of the article, the company, the metric, the period and the plain value. */
    private static CompanyEvent withId(CompanyEvent e) {
        String id = Ids.eventId(e.articleId(), "company", e.company(), e.metric().code(), e.period(),
                e.value().toPlainString());
        return new CompanyEvent(id, e.articleId(), e.kind(), e.company(), e.metric(), e.period(), e.value(), e.unit(),
                e.qualifier(), e.yoyGrowth(), e.rank(), e.person(), e.seminarId(), e.evidence(), e.confidence(),
                e.extractorVersion());
    }

    /** Whether {@code a} is {@code b} written with fewer digits (41 for 41.3, 47.31 for 47.316). */
    static boolean writtenShorter(BigDecimal a, BigDecimal b) {
        if (a.signum() != b.signum() || a.signum() == 0) {
            return false;
        }
        BigDecimal shortA = a.stripTrailingZeros();
        return shortA.precision() < b.stripTrailingZeros().precision()
                && a.subtract(b).abs().compareTo(shortA.ulp()) < 0;
    }

    /** A value without trailing zeros in its fraction and without an exponent (8.74E+8 → 874000000). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal value = v.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
