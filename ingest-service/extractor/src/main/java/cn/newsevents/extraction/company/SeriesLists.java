package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one company's figures listed after 分别 in one clause, matched to what they are by position:
 * <ul>
 *   <li>one figure per year of a series ("2021年至2023年，公司分别实现营收18.4亿元、24.9亿元和37.8亿元");</li>
 *   <li>one figure per metric word ("营业收入、利润总额分别为26.9亿元、6815万元").</li>
 * </ul>
 * Pure: returns spans of the simplified text; the caller names the company (the words before
 * {@link Series#subjectEnd()}) and decides whether the amounts were already reported. Linear in the clause: every
 * pattern is bounded and the list holds at most six items.
 */
final class SeriesLists {
    /** One figure of a list; {@code period} is null when the list's period is the clause's. */
    record Item(Metric metric, Period period, int start, int end, boolean negative) {
    }

    /** A list read: its figures, where the words naming its company end, and where its evidence starts. */
    record Series(List<Item> items, int subjectEnd, int evidenceStart) {
    }

    /** A loss word or a minus sign before a listed figure ("分别为38.2亿元、-1.26亿元"). */
    private static final String LOSS = "(?:亏损|虧損|[-－−])?";
    /** A span of years: 2021年至2023年, 2021-2023年. */
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)[0-9]{2})年?(?:至|到|—|－|-|～|~)((?:19|20)[0-9]{2})年");
    /** Years listed: 2021年、2022年和2023年. */
    private static final Pattern YEAR_LIST = Pattern.compile(
            "(?:19|20)[0-9]{2}年(?:、(?:19|20)[0-9]{2}年){0,4}(?:和|及|与|與)(?:19|20)[0-9]{2}年"
                    + "(?![0-9一二三四五六七八九十]|[上下前首第全])");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})年");
    /** A list of figures one per year after 分别: "分别实现营收18.4亿元、24.9亿元和37.8亿元", "分别为1.26亿元、亏损5800万元…". */
    private static final Pattern YEARLY_LIST = Pattern.compile("(?:分别|分別)[^，,；;。0-9]{0,8}?(?<first>" + LOSS
            + Amounts.REGEX + ")(?:[、，,]" + LOSS + Amounts.REGEX + "){0,4}(?:和|及|与|與|、)" + LOSS + Amounts.REGEX);
    /** Figures listed after 分别 right after their metric words: "分别为26.9亿元、6815万元". */
    private static final Pattern EACH_AMOUNTS = Pattern.compile("(?:分别|分別)(?:为|為|是|达|達|录得|錄得|约为|約為)?"
            + "(?<first>" + LOSS + Amounts.REGEX + ")(?:(?:[、，,]|和|及|与|與)" + LOSS + Amounts.REGEX + "){1,4}");
    private static final Pattern ITEM = Pattern.compile("(?<loss>亏损|虧損|[-－−])?(?<amount>" + Amounts.REGEX + ")");
    /** How far before a yearly list its metric word may end. */
    private static final int KEYWORD_REACH = 12;
    private static final int MAX_YEARS = 5;

    private final CompanyLexicon lex;

    SeriesLists(CompanyLexicon lex) {
        this.lex = lex;
    }

    /**
     * One figure per year: the sentence from {@code sentenceStart} lists the years, the clause {@code t[cs, ce)} a
     * metric word ({@code hits}, in text order) and as many figures after 分别.
     */
    Optional<Series> perYear(String t, int sentenceStart, int cs, int ce, List<KeywordScanner.Hit> hits,
                             List<Periods.Mention> mentions) {
        List<Period> years = new ArrayList<>();
        for (int y : yearSeries(t, sentenceStart, ce)) {
            years.add(new Period.Year(y));
        }
        Matcher list = YEARLY_LIST.matcher(t).region(cs, ce);
        if (!list.find()) {
            return Optional.empty();
        }
        if (years.isEmpty()) {
            // "2020年及2021年1-9月，某某分别实现营业收入4.62亿元、3.98亿元": periods of any kind, listed.
            years = periodSeries(t, sentenceStart, list.start(), mentions);
        }
        if (years.isEmpty()) {
            return Optional.empty();
        }
        KeywordScanner.Hit kw = null;
        for (KeywordScanner.Hit h : hits) {
            if (h.end() <= list.start("first") && list.start() - h.end() <= KEYWORD_REACH) {
                kw = h;
            }
        }
        Optional<Metric> metric = metricOf(kw);
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> amounts = items(t, list.start("first"), list.end());
        if (amounts.size() != years.size()) {
            return Optional.empty();
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            int[] at = amounts.get(i);
            if (!fits(t, metric.get(), at)) {
                return Optional.empty();
            }
            out.add(new Item(metric.get(), years.get(i), at[0], at[1],
                    at[2] == 1 || lex.lossWords.contains(kw.word())));
        }
        return Optional.of(new Series(out, Math.min(kw.start(), list.start()), Math.min(kw.start(), cs)));
    }

    /**
     * One figure per metric: two or more metric words joined by 、和及与, then 分别 and as many figures, in the same
     * order. The first such list of the clause is read; none when it does not hold.
     */
    Optional<Series> perMetric(String t, int ce, List<KeywordScanner.Hit> hits) {
        for (int i = 0; i + 1 < hits.size(); i++) {
            List<KeywordScanner.Hit> words = new ArrayList<>();
            words.add(hits.get(i));
            int j = i + 1;
            while (j < hits.size() && hits.get(j).start() == words.get(words.size() - 1).end() + 1
                    && "、和及与".indexOf(t.charAt(hits.get(j).start() - 1)) >= 0) {
                words.add(hits.get(j));
                j++;
            }
            if (words.size() < 2) {
                continue;
            }
            Matcher each = EACH_AMOUNTS.matcher(t).region(words.get(words.size() - 1).end(), ce);
            if (!each.lookingAt()) {
                continue;
            }
            List<int[]> amounts = items(t, each.start("first"), each.end());
            if (amounts.size() != words.size()) {
                return Optional.empty();
            }
            List<Item> out = new ArrayList<>();
            for (int k = 0; k < words.size(); k++) {
                Optional<Metric> m = metricOf(words.get(k));
                int[] at = amounts.get(k);
                if (m.isEmpty() || !fits(t, m.get(), at)) {
                    return Optional.empty();
                }
                out.add(new Item(m.get(), null, at[0], at[1], at[2] == 1 || lex.lossWords.contains(words.get(k).word())));
            }
            int start = words.get(0).start();
            return Optional.of(new Series(out, start, start));
        }
        return Optional.empty();
    }

    /** The metric of a keyword that names a figure of its own (not 投入 naming what money was spent on). */
    private Optional<Metric> metricOf(KeywordScanner.Hit kw) {
        if (kw == null || lex.purposeKeywords.contains(kw.word())) {
            return Optional.empty();
        }
        return lex.keywords.getOrDefault(kw.word(), Optional.empty());
    }

    private boolean fits(String t, Metric metric, int[] at) {
        Optional<Amount> parsed = Amounts.parse(t.substring(at[0], at[1]));
        return parsed.isPresent() && lex.fits(metric, parsed.get());
    }

    /** The amounts of a list: start, end and 1 when 亏损 stands before it. */
    private static List<int[]> items(String t, int from, int to) {
        List<int[]> out = new ArrayList<>();
        Matcher a = ITEM.matcher(t).region(from, to);
        while (a.find()) {
            out.add(new int[]{a.start("amount"), a.end("amount"), a.group("loss") != null ? 1 : 0});
        }
        return out;
    }

    /**
     * What joins two listed periods: 2020年及2021年1-9月, 2022年、2023年; a comma alone does not ("2023年，上半年…" is a
     * year, then the half of it the sentence reports).
     */
    private static final Pattern PERIOD_JOIN = Pattern.compile("、|[、，,]?(?:和|及|与|與|以及)");

    /**
     * The periods listed last before {@code end} in {@code t[from, end)}, two or more joined by 、和及与 only, with
     * no other period after them; else empty. Looks at the mentions before {@code end} only, at most
     * {@link #MAX_YEARS} of them.
     */
    static List<Period> periodSeries(String t, int from, int end, List<Periods.Mention> mentions) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).end() <= end) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        java.util.LinkedList<Period> run = new java.util.LinkedList<>();
        Periods.Mention next = null;
        for (int i = lo - 1; i >= 0 && run.size() < MAX_YEARS; i--) {
            Periods.Mention m = mentions.get(i);
            if (m.start() < from || m.period() == null || m.sameTimeLastYear()) {
                break;
            }
            if (next != null && (next.start() - m.end() > 3
                    || !PERIOD_JOIN.matcher(t).region(m.end(), next.start()).matches()
                    || m.end() == next.start())) {
                break;
            }
            run.addFirst(m.period());
            next = m;
        }
        return run.size() >= 2 ? new ArrayList<>(run) : List.of();
    }

    /** The years a sentence lists before {@code end}: 2021年至2023年, 2021年、2022年和2023年; else empty. */
    static List<Integer> yearSeries(String t, int from, int end) {
        Matcher range = YEAR_RANGE.matcher(t).region(from, end);
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            List<Integer> out = new ArrayList<>();
            for (int y = a; b - a >= 1 && b - a <= MAX_YEARS && y <= b; y++) {
                out.add(y);
            }
            return out;
        }
        Matcher listed = YEAR_LIST.matcher(t).region(from, end);
        if (listed.find()) {
            List<Integer> out = new ArrayList<>();
            Matcher y = YEAR.matcher(listed.group());
            while (y.find()) {
                out.add(Integer.parseInt(y.group(1)));
            }
            return out;
        }
        return List.of();
    }
}
