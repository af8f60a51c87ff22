package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures several companies share in one sentence, for one article: lists paired by position
 * ({@link FigureLists}), boards ranked by a metric ("在纳税排行榜上，甲以3.86亿元位列第一") and names each with its own
 * bracketed amount continuing the metric of the figure before them ("排在其后的依次是甲（4870万元）、乙（3955万元）").
 * Remembers which amounts of the current sentence it reported, so that the clause-by-clause rules do not read them
 * again. Linear in the sentence: at most twelve names are read, each over a bounded window.
 */
final class SharedFigures {
    /** Where the figures go; {@code last} when a later list may continue the figure's metric. */
    interface Sink {
        void add(FigureAssembly.Figure figure, boolean last);
    }

    /** How far after the last figure a list continuing its metric may start. */
    private static final int CONTINUATION_REACH = 160;
    /** An amount in brackets right after a name ("甲有限公司（4870万元）"), or ranked ("乙有限公司以1.36亿元位列第二"). */
    private static final Pattern CONTINUED_AMOUNT = Pattern.compile("(?:[（(](" + Amounts.REGEX + ")[)）]|以("
            + Amounts.REGEX + ")(?=位列|位居|排名|排在|蝉联|居|列)"
            // "…入库税金6.2亿元，丙有限公司4.35亿元，分列二、三位": the amount right after the name, closing its clause.
            + "|(?:为|為|达|達)?(" + Amounts.REGEX + ")(?=$|[，,；;。]))");
    /** A name, 则为 (or 则升至…) and a percentage making a clause: "乙则为12.2%", "乙则拉升至19.2%". */
    private static final Pattern CONTRASTED_PERCENT = Pattern.compile(
            "\\s*([\\u4e00-\\u9fff]{2,8}?)(?:则|則)(?:为|為|是|(?:拉升|回升|提升|上升|升|下滑|下降|降|回落)至)"
                    + "((?:约|約)?[0-9]+(?:\\.[0-9]+)?[%％])\\s*");
    /** "甲年末门店728家，乙655家", "甲员工约1,350人，乙约980人": another company's count, with the same counter. */
    private static final Pattern CONTRASTED_COUNT = Pattern.compile(
            "\\s*([\\u4e00-\\u9fff]{2,8}?)(?:则|則)?(?:为|為|有|共有|达|達)?"
                    + "((?:约|約)?[0-9][0-9,]{0,8}(?:\\.[0-9]+)?(?:万|萬)?(?:余|餘|多)?[人名家间間个個座所处處站户戶])\\s*");
    /** A name's own amount and its rank: "以8.6亿元位居榜首". */
    private static final Pattern RANKED_BY_AMOUNT = Pattern.compile("以" + Amounts.REGEX + "(?:位列|位居|排名|排在|蝉联|居|列)");
    /** A board ranked by a metric: the metric word stands right before it (纳税排行榜, 营收百强榜). */
    private static final Pattern BOARD = Pattern.compile("(?:[0-9百千十五二]{1,4}强)?(?:排行榜|排行|榜单|排名榜|榜|排名)");
    private static final Pattern RANKING = Pattern.compile("排名|位列|依次|分别是|分列|其后|第[一二三四五六七八九十0-9]+[至到-]");
    /** How far after a clause the ranking it belongs to may stand. */
    private static final int RANKING_AFTER = 10;
    /** How far after a name its own amount may stand. */
    private static final int OWN_AMOUNT_REACH = 24;
    private static final int MAX_NAMES = 12;
    /** What a ranking is ranked by: "以企业2023年营业收入为(主要)排序依据", "按营收排名". */
    private static final Pattern RANKED_BY = Pattern.compile(
            "(?:以|按|按照|依)[^，,。；;]{1,16}?(?:为|為)?(?:主要)?(?:排序|排名|排行)(?:依据|依據|标准|標準)?");
    /** How far before a list the ranking it belongs to may be named. */
    private static final int RANKING_REACH = 160;
    /** How long a short name before a ranked amount may be. */
    private static final int SHORT_NAME = 8;

    private final CompanyLexicon lex;
    private final KeywordScanner keywords;
    private final FigureLists lists;
    private final String t;
    private final ArticleCompanies companies;
    private final List<CompanyNames.Name> registered;
    private final FigurePeriods periods;
    private final FigureCues cues;
    private final Unit defaultCurrency;
    /** The amounts of the current sentence already reported. */
    private final List<int[]> consumed = new ArrayList<>();

    SharedFigures(CompanyLexicon lex, KeywordScanner keywords, FigureLists lists, String simplified,
                  ArticleCompanies companies, FigurePeriods periods, FigureCues cues, Unit defaultCurrency) {
        this.lex = lex;
        this.keywords = keywords;
        this.lists = lists;
        this.t = simplified;
        this.companies = companies;
        this.registered = companies.registered();
        this.periods = periods;
        this.cues = cues;
        this.defaultCurrency = defaultCurrency;
    }

    /**
     * "纳税额分别为…。排在其后的依次是甲有限公司（4870万元）、乙集团有限公司（3955万元）": registered names each with
     * its own bracketed amount, in a sentence without a metric word right after a reported figure, continue
     * that figure's metric and period.
     */
    void continued(int sentenceStart, int from, int to, FigureAssembly.Figure lastFigure, Sink sink) {
        if (lastFigure == null || lastFigure.evidenceEnd() > from || from - lastFigure.evidenceEnd() > CONTINUATION_REACH) {
            return;
        }
        List<CompanyNames.Name> candidates = namesWithOwnAmounts(from, to);
        // A metric word since the last figure and before the list ("全县入库税收超千万元的企业…，分别是甲（3.18亿
        // 元）") names the list's own figures; one after it ("…，前五家合计研发投入超过120亿元") speaks of
        // something else.
        if (candidates.isEmpty() || !keywords.find(t, Math.max(sentenceStart, lastFigure.evidenceEnd()),
                candidates.get(0).start()).isEmpty()) {
            return;
        }
        // A new paragraph continues the ranking only when it says so (排名第四至第六位的分别是…).
        if (t.substring(lastFigure.evidenceEnd(), from).indexOf('\n') >= 0 && !RANKING.matcher(t).region(from, to).find()) {
            return;
        }
        List<FigureAssembly.Figure> found = new ArrayList<>();
        for (int i = 0; i < candidates.size() && found.size() < MAX_NAMES; i++) {
            CompanyNames.Name n = candidates.get(i);
            Matcher a = CONTINUED_AMOUNT.matcher(t).region(n.end(), Math.min(to, n.end() + OWN_AMOUNT_REACH));
            if (!a.lookingAt()) {
                continue;
            }
            String written = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
            Optional<Amount> parsed = Amounts.parse(written);
            if (parsed.isEmpty() || !parsed.get().unitStated() || !lex.fits(lastFigure.metric(), parsed.get())) {
                continue;
            }
            Unit unit = lastFigure.unit() == Unit.COUNT ? Unit.COUNT : ReportCurrency.unitOf(parsed.get(), written, defaultCurrency);
            found.add(new FigureAssembly.Figure(companies.resolve(n.name(), n.start()), lastFigure.metric(),
                    lastFigure.period(), FigureAssembly.plain(parsed.get().value()), unit, parsed.get().qualifier(),
                    null, null, null, n.start(), a.end(), 0.6));
        }
        // A metric word between the last figure and the first name continued names figures of its own.
        if (!found.isEmpty() && !keywords.find(t, Math.max(sentenceStart, lastFigure.evidenceEnd()),
                found.get(0).evidenceStart()).isEmpty()) {
            return;
        }
        // "…，丙有限公司4.35亿元，分列二、三位": the ranking may close the sentence after the clause.
        if (found.size() >= 2 || found.size() == 1 && RANKING.matcher(t).region(from,
                Math.min(t.length(), to + RANKING_AFTER)).find()) {
            for (FigureAssembly.Figure f : found) {
                sink.add(f, false);
                consumed.add(new int[]{f.evidenceStart(), f.evidenceEnd()});
            }
        }
    }

    /**
     * "单看10月，甲市占回升至61.5%，乙则为12.2%": a company the article gave or reported on, 则为 and a percentage, in
     * the clause right after a percentage figure, continue that figure's metric and period; so does a company and a
     * count with the same counter right after a count ("甲年末门店728家，乙655家"), or after a semicolon when the
     * sentence's first figure was such a count. Returns the company given the figure (what the next clauses speak of),
     * else null.
     */
    String contrasted(int from, int to, FigureAssembly.Figure lastFigure, FigureAssembly.Figure sentenceCount,
                      Predicate<String> reported, Predicate<String> listedAsName, Sink sink) {
        boolean adjacent = lastFigure != null && (lastFigure.unit() == Unit.PERCENT || lastFigure.unit() == Unit.COUNT)
                && lastFigure.evidenceEnd() <= from && from - lastFigure.evidenceEnd() <= 2;
        String company = adjacent ? contrasted(from, to, lastFigure, false, reported, listedAsName, sink) : null;
        // "甲门市数5,263家，市占率49.2%；乙3,181家，市占率近三成；丙1,372家": after a semicolon, a name and a count
        // with the same counter as the sentence's first count continue that count, whatever was said in between.
        if (company == null && sentenceCount != null && sentenceCount != lastFigure && from > 0
                && "；;".indexOf(t.charAt(from - 1)) >= 0) {
            company = contrasted(from, to, sentenceCount, true, reported, listedAsName, sink);
        }
        return company;
    }

    private String contrasted(int from, int to, FigureAssembly.Figure lastFigure, boolean parallel,
                              Predicate<String> reported, Predicate<String> opensAsName, Sink sink) {
        boolean count = lastFigure.unit() == Unit.COUNT;
        Matcher m = (count ? CONTRASTED_COUNT : CONTRASTED_PERCENT).matcher(t).region(from, to);
        if (!m.matches() || !companies.knows(m.group(1)) && !reported.test(m.group(1))
                && !((parallel || count) && opensAsName.test(m.group(1)))) {
            return null;
        }
        if (count && t.charAt(m.end(2) - 1) != t.charAt(lastFigure.evidenceEnd() - 1)) {
            // "甲年末门店728家，乙655家": the same counter as the figure before, or not the same thing counted.
            return null;
        }
        Optional<Amount> parsed = Amounts.parse(m.group(2));
        if (parsed.isEmpty() || !lex.fits(lastFigure.metric(), parsed.get())) {
            return null;
        }
        FigureAssembly.Figure f = new FigureAssembly.Figure(companies.resolve(m.group(1), m.start(1)),
                lastFigure.metric(), lastFigure.period(), FigureAssembly.plain(parsed.get().value()), lastFigure.unit(),
                parsed.get().qualifier(), null, null, null, m.start(1), m.end(2), 0.6);
        // A count continued is the figure a next name and count continue in turn (甲…家，乙…家，丙…家).
        sink.add(f, count);
        consumed.add(new int[]{f.evidenceStart(), f.evidenceEnd()});
        return f.company();
    }

    /**
     * "在纳税排行榜上，甲有限公司以3.86亿元位列第一": a board named by its metric word, then registered names each
     * ranked with its own amount (以…位列/居/排名), give that metric for each name.
     */
    private void rankedOnBoard(int from, int to, List<Periods.Mention> mentions, Sink sink) {
        Metric metric = null;
        int listFrom = from;
        if (hasBoardWord(from, to)) {
            Matcher board = BOARD.matcher(t).region(from, to);
            if (board.find()) {
                for (KeywordScanner.Hit h : keywords.find(t, Math.max(from, board.start() - 6), board.start())) {
                    Optional<Metric> m = lex.keywords.getOrDefault(h.word(), Optional.empty());
                    if (m.isPresent() && h.end() == board.start()) {
                        metric = m.get();
                        listFrom = board.end();
                    }
                }
            }
        }
        if (metric == null && holdsAny(from, to, "以")) {
            // "共有12家企业纳税超亿元，其中，甲集团以8.6亿元位居榜首": the metric the sentence named before its
            // first ranked name.
            Matcher ranked = RANKED_BY_AMOUNT.matcher(t).region(from, to);
            if (ranked.find()) {
                for (KeywordScanner.Hit h : keywords.find(t, from, ranked.start())) {
                    Optional<Metric> m = lex.keywords.getOrDefault(h.word(), Optional.empty());
                    if (m.isPresent() && !lex.purposeKeywords.contains(h.word())) {
                        metric = m.get();
                    }
                }
            }
        }
        if (metric == null && holdsAny(from, to, "（(")) {
            // "全县入库税收超千万元的企业达42家，分别是甲（3.18亿元）、乙（2.76亿元）": a list of names each with
            // its bracketed amount, after the metric the sentence named.
            List<CompanyNames.Name> bracketed = lists.bracketed(t, from, to);
            if (!bracketed.isEmpty()) {
                for (KeywordScanner.Hit h : keywords.find(t, from, bracketed.get(0).start())) {
                    Optional<Metric> m = lex.keywords.getOrDefault(h.word(), Optional.empty());
                    if (m.isPresent() && !lex.purposeKeywords.contains(h.word())) {
                        metric = m.get();
                        listFrom = h.end();
                    }
                }
                if (metric == null && bracketed.size() >= 3) {
                    // "榜单以企业2023年营业收入为排序依据。前五名依次为：甲（612.3亿元）、乙（438.7亿元）…": a ranking
                    // the text before said what it ranks by.
                    metric = rankedBy(from);
                }
            }
        }
        if (metric == null) {
            return;
        }
        List<CompanyNames.Name> candidates = namesWithOwnAmounts(listFrom, to);
        knownBeforeRank(listFrom, to, candidates);
        for (int i = 0; i < candidates.size() && consumed.size() < MAX_NAMES; i++) {
            CompanyNames.Name n = candidates.get(i);
            Matcher a = CONTINUED_AMOUNT.matcher(t).region(n.end(), Math.min(to, n.end() + OWN_AMOUNT_REACH));
            if (!a.lookingAt()) {
                continue;
            }
            // 甲以3.86亿元位列第一, or a list after the board: 依次是：甲（5.38亿元）、乙（2.17亿元）.
            int g = a.group(2) != null ? 2 : 1;
            Optional<Amount> parsed = Amounts.parse(a.group(g));
            if (parsed.isEmpty() || !parsed.get().unitStated() || !lex.fits(metric, parsed.get())
                    || isConsumed(a.start(g))) {
                continue;
            }
            Unit unit = lex.kinds.get(metric) == CompanyLexicon.AmountKind.COUNT ? Unit.COUNT
                    : ReportCurrency.unitOf(parsed.get(), a.group(g), defaultCurrency);
            String company = companies.resolve(n.name(), n.start());
            sink.add(new FigureAssembly.Figure(company, metric, periods.periodOf(a.start(g), mentions),
                    FigureAssembly.plain(parsed.get().value()), unit, parsed.get().qualifier(), null, null, null,
                    n.start(), a.end(), 0.6), true);
            consumed.add(new int[]{a.start(g), a.end(g)});
        }
    }

    /**
     * The metric a ranking named right before {@code at} is ranked by ("以企业2023年营业收入为主要排序依据"), else null.
     */
    private Metric rankedBy(int at) {
        int from = Math.max(0, at - RANKING_REACH);
        Matcher by = RANKED_BY.matcher(t).region(from, at);
        Metric metric = null;
        while (by.find()) {
            metric = null;
            for (KeywordScanner.Hit h : keywords.find(t, by.start(), by.end())) {
                Optional<Metric> m = lex.keywords.getOrDefault(h.word(), Optional.empty());
                if (m.isPresent() && !lex.purposeKeywords.contains(h.word())) {
                    metric = m.get();
                }
            }
        }
        return metric;
    }

    /**
     * "禾川新材以23.6亿元居首": the short form of a company the article introduced, right before its ranked amount,
     * added to {@code candidates} (kept in text order).
     */
    private void knownBeforeRank(int from, int to, List<CompanyNames.Name> candidates) {
        if (!holdsAny(from, to, "以")) {
            return;
        }
        Matcher ranked = RANKED_BY_AMOUNT.matcher(t).region(from, to);
        while (ranked.find() && candidates.size() < MAX_NAMES) {
            int end = ranked.start();
            int start = end;
            while (start > from && end - start < SHORT_NAME && Character.isIdeographic(t.charAt(start - 1))) {
                start--;
            }
            boolean taken = false;
            for (CompanyNames.Name c : candidates) {
                taken |= c.end() == end;
            }
            // The longest tail of the words before 以 that is a short form of a known name.
            for (int s = start; !taken && s <= end - 2; s++) {
                String name = t.substring(s, end);
                if (!companies.resolve(name, s).equals(name)) {
                    candidates.add(new CompanyNames.Name(s, end, name));
                    break;
                }
            }
        }
        candidates.sort(Comparator.comparingInt(CompanyNames.Name::start));
    }

    /**
     * The registered names of {@code t[from, to)}, and the names of a list in which each has its own amount in
     * brackets, in text order.
     */
    private List<CompanyNames.Name> namesWithOwnAmounts(int from, int to) {
        List<CompanyNames.Name> out = new ArrayList<>();
        for (int i = companies.firstRegisteredFrom(from); i < registered.size() && registered.get(i).start() < to; i++) {
            out.add(registered.get(i));
        }
        for (CompanyNames.Name b : lists.bracketed(t, from, to)) {
            boolean overlaps = false;
            for (CompanyNames.Name r : out) {
                overlaps |= b.start() < r.end() && r.start() < b.end();
            }
            if (!overlaps) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparingInt(CompanyNames.Name::start));
        return out;
    }

    /** The figures several companies share in the sentence; their amounts are not read again clause by clause. */
    void sentence(int from, int to, List<Periods.Mention> mentions, FigureAssembly.Figure lastFigure, Sink sink) {
        consumed.clear();
        continued(from, from, to, lastFigure, sink);
        rankedOnBoard(from, to, mentions, sink);
        for (FigureLists.Listed l : lists.find(t, from, to)) {
            Optional<Amount> parsed = Amounts.parse(l.amount());
            if (parsed.isEmpty() || cues.isAdjusted(from, l.amountStart())) {
                continue;
            }
            Amount amount = parsed.get();
            CompanyLexicon.AmountKind kind = lex.kinds.get(l.metric());
            if (!lex.fits(l.metric(), amount)) {
                continue;
            }
            String company = companies.resolve(l.name(), l.nameStart());
            BigDecimal value = FigureAssembly.plain(amount.value());
            if (lex.lossWords.contains(l.keyword()) || cues.minusBefore(l.amountStart(), 0)) {
                // "归母净利润分别为-3.41亿元和-6.72亿元": a minus sign before a listed figure.
                value = value.negate();
            }
            Unit unit = kind == CompanyLexicon.AmountKind.COUNT ? Unit.COUNT : ReportCurrency.unitOf(amount, l.amount(), defaultCurrency);
            Period period = periods.periodOf(l.amountStart(), mentions);
            Qualifier qualifier = amount.qualifier();
            Qualifier outlook = cues.outlook(from, l.amountStart());
            if (outlook != null) {
                qualifier = outlook;
            }
            int evStart = Math.min(l.nameStart(), l.amountStart());
            sink.add(new FigureAssembly.Figure(company, l.metric(), period, value, unit, qualifier, null, null,
                    null, evStart, l.amountEnd(), 0.7), true);
            consumed.add(new int[]{l.amountStart(), l.amountEnd()});
        }
    }

    boolean isConsumed(int at) {
        for (int[] c : consumed) {
            if (at >= c[0] && at < c[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t[from, to)} holds 榜, 排行 or 排名, one of which every match of {@link #BOARD} holds. */
    private boolean hasBoardWord(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '榜' || c == '排' && i + 1 < to && (t.charAt(i + 1) == '行' || t.charAt(i + 1) == '名')) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t[from, to)} holds any of the characters of {@code chars}. */
    private boolean holdsAny(int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
