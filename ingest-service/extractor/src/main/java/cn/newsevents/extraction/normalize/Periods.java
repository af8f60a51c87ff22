package cn.newsevents.extraction.normalize;

import cn.newsevents.contract.event.Period;
import cn.newsevents.extraction.text.WordTrie;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds period expressions in simplified text and resolves them against an {@link Anchor}: "2023年" is 2023,
 * "2024年1—3月" and "一季度" 2024-Q1, "上半年" H1, "截至2024年3月" 2024-03, "前三季度" Q1/Q3, "近三年" the three
 * years up to the latest full year in context (else the publication year - 1), "去年" the publication year - 1.
 * "目前", "每年" and the like are found as undated mentions (no period). Relative words live in
 * {@code lexicon/company/period-words.tsv}.
 */
public final class Periods {
    private static final Map<String, Integer> RELATIVE = new HashMap<>();
    /** Words whose offset counts from the year in context (上年: the year before the one spoken of). */
    private static final Set<String> FROM_CONTEXT = new HashSet<>();
    private static final List<String> UNDATED = new ArrayList<>();

    static {
        for (String[] row : Tsv.read("lexicon/company/period-words.tsv")) {
            for (String w : Tsv.spellings(row)) {
                String meaning = row[2].strip();
                if (meaning.equals("undated")) {
                    UNDATED.add(w);
                } else if (meaning.startsWith("context")) {
                    RELATIVE.put(w, Integer.parseInt(meaning.substring("context".length()).strip()));
                    FROM_CONTEXT.add(w);
                } else {
                    RELATIVE.put(w, Integer.parseInt(meaning));
                }
            }
        }
    }

    /** A forecast right before 全年 ("预估全年", "预计今年全年"). */
    private static final Pattern FORECAST_BEFORE = Pattern.compile("预估|预计|预期|预测|展望|估计|目标");
    private static final int EVENT_DATE_REACH = 8;
    private static final Pattern EVENT_DATE = Pattern.compile("[\\u4e00-\\u9fff]{0,3}?(?:"
            + Tsv.alternation(Tsv.read("lexicon/company/event-date-verbs.tsv").stream()
                    .flatMap(row -> Tsv.spellings(row).stream()).toList()) + ")的");

    // Unnamed groups: Java forbids repeating a group name across the alternatives below.
    private static final String YEAR = "(?:((?:19|20)[0-9]{2}|[一二][〇零九][〇零一二三四五六七八九]{2}) ?(?:财年|财政年度|会计年度|年度|年) ?|(" + Tsv.alternation(RELATIVE.keySet()) + "))";
    private static final String MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    /** Words that make a bare month ("10月营收") the period of a monthly figure rather than a date. */
    private static final String MONTH_FIGURES = "当月|营收|营业额|营业收入|销售额|合并营收|自结营收|自结合并营收|销量|实现|录得|单月|税后|税前|净利|获利|盈余|挂牌|领牌|出货|交车|交付|市占|市场占有率|市场份额|份额";
    private static final Pattern CHANGE_AFTER = Pattern.compile("(?:相比)?(?:增|减|下降|下滑|上升|提高|提升|多|少|成长|衰退|持平)");
    private static final String DASH = "[-—–~～－至到]";
    // Tried only at positions whose character is in FIRSTS (see next()).
    /** The words of a financial year: 2025财年, 2024财政年度, 2025会计年度. */
    private static final String FISCAL = "(?:财年|财政年度|会计年度)";
    private static final Pattern FISCAL_END = Pattern.compile(FISCAL + "$");
    private static final String DAY_OR_END = "(?:[0-9一二三四五六七八九十]{1,3}日|底|末)";
    private static final Pattern PATTERN = Pattern.compile(
            // "截至2025年3月31日的2024财年", "截至今年6月30日的2025财年": a financial year and the day it ends.
            "(?:(?<fyto>截至|截止)(?:(?<fyy>(?:19|20)[0-9]{2})年|(?<fyr>今年|去年|本年))?(?<fm>" + MONTH + ")月"
                    + DAY_OR_END + "?止?的?(?<fyl>(?:19|20)[0-9]{2}) ?" + FISCAL
                    // "2024财年（截至2025年3月末）": the same, the day in brackets after the year.
                    + "|(?<fyl2>(?:19|20)[0-9]{2}) ?" + FISCAL + "[（(](?:截至|截止)(?:(?<fyy2>(?:19|20)[0-9]{2})年)?(?<fm2>"
                    + MONTH + ")月" + DAY_OR_END + "?止?[)）]"
                    + "|(?<upto>截至|截止)" + YEAR + "?(?<um>" + MONTH + ")月(?:[0-9一二三四五六七八九十]{1,3}日|底|末)止的?(?:(?<un>[三六九369]|十二|12)个月(?:的?中期)?|(?<uy>年度|财政年度)|(?<ui>中期)(?=业绩|报告|业绩报告)|(?<uh>半年)度?)"
                    + "|(?<asof>截至|截止到|截止)" + YEAR + "?(?:(?<am>" + MONTH + ")月(?:底|末|份)?|第?(?<aq>[一二三四1-4])季度?(?:末|底)|(?<ayend>年底|年末|底|末))"
                    // "2024年10月至2025年3月": months running into the next year.
                    // "2025年4月1日至6月30日": whole months from a first day to a last one.
                    + "|(?:(?<dy1>(?:19|20)[0-9]{2})年)?(?<dm1>" + MONTH + ")月1日" + DASH + "(?:(?<dy2>(?:19|20)[0-9]{2})年)?(?<dm2>"
                    + MONTH + ")月(?:2[89]|3[01])日"
                    + "|(?<ry1>(?:19|20)[0-9]{2})年(?<rm1>" + MONTH + ")月份?" + DASH + "(?<ry2>(?:19|20)[0-9]{2})年(?<rm2>"
                    + MONTH + ")月份?"
                    + "|" + YEAR + "?(?<m1>" + MONTH + ")月?" + DASH + "(?<m2>" + MONTH + ")月(?:份)?"
                    + "|" + YEAR + "?(?:[前首]|(?=三季报))(?<qn>[一二两三2-3])(?:个)?季(?:度)?"
                    + "|" + YEAR + "?[前首](?<mn>" + MONTH + "|两)(?:个)?月(?:份)?"
                    + "|" + YEAR + "?(?:第(?<q>[一二三四1-4])(?:会计|财政|财)?季(?:度)?|(?<q1>首|一(?=季报))季(?:度)?|(?<q2>[一二三四1-4])季度)"
                    + "|" + YEAR + "?(?<h>上半年|下半年|上半财年|下半财年)"
                    + "|" + YEAR + "?(?<interim>中期)(?=业绩|报告|盈利|纯利|溢利|营业额|收入|收益|营收|亏损|股东应占|转亏|转盈|扭亏)"
                    + "|" + YEAR + "?(?<interim2>半年度(?=报告|财报|业绩|报|收入|收益|营业额|营收)|半年(?=报告|财报|业绩|报))"
                    + "|" + YEAR + "(?<mon>" + MONTH + ")月(?:份)?(?![0-9一二三四五六七八九十]{1,3}日)"
                    + "|(?<!\\d)(?<bare>" + MONTH + ")月(?=份|" + MONTH_FIGURES + ")"
                    + "|(?<=^|[，,。；;：:\\n在于於看较比])(?<opening>" + MONTH + ")月(?![0-9一二三四五六七八九十]{1,3}[日号]|[上中下]旬|初|底|末|中|起|至|到|[-—–~～－])"
                    + "|(?<same>去年同期|上年同期|上年度同期|去年同月|上年同月|去年同季|上年同季|一年前|一年之前)"
                    + "|(?<within>报告期内|期内)"
                    + "|(?<thismonth>本月|当月|上月|上个月)"
                    + "|(?<thisquarter>当季度|当季)(?!末)"
                    + "|(?<lastquarter>上一季度|上季度|上一季|上季)"
                    + "|(?<single>单季度|单季)"
                    + "|(?<singlemonth>单月)(?!份)"
                    + "|(?<previousfy>[上前]一个?财政年度|上个?财年|[上前]一个?财年|[上前]一个?会计年度|上个会计年度)"
                    + "|(?<thisfy>[该本]财年|[该本]财政年度|[该本]会计年度)"
                    + "|(?<undated>" + Tsv.alternation(UNDATED) + ")"
                    + "|" + YEAR + "(?:全年)?"
                    + "|(?:近|最近|过去)(?<n>[0-9一二两三四五六七八九十]{1,2})(?:个)?年(?:来|间|里)?"
                    + "|(?<whole>全年))");
    private static final BitSet FIRSTS = of(firstCharacters());
    private static final BitSet HEADS = heads();
    /**
     * The characters that can follow the digits an expression opens with: a year's (2024年, 2024 财年, 2024会计年度) or
     * a month's (3月, 1-3月, 1至3月), or a quarter's (1季度).
     */
    private static final String AFTER_OPENING_DIGITS = " 财会年月季" + DASH.substring(1, DASH.length() - 1);
    /** The first characters of period expressions that open only with a word of the period table (目前, 现在, 明年). */
    private static final BitSet WORD_FIRSTS = wordFirsts();
    /** The words of the period table, to tell whether one opens at a position whose character is in WORD_FIRSTS. */
    private static final WordTrie WORDS = WordTrie.forwards(tableWords());
    /** How far into an expression its first head character may stand (see {@link #heads()}), with room to spare. */
    private static final int HEAD_REACH = 12;
    /**
     * The first characters the pattern's own forms open with other than digits and numerals, whose second characters
     * {@link #OPENING_PAIRS} lists: 上 of 上半年, 上年, 上季度 and 上个月, not of 上市 or 上午. (An expression opening
     * with a digit or numeral may hang on the character before it, 在3月; these are left to the pattern.)
     */
    private static final BitSet PAIR_FIRSTS = pairFirsts();
    /**
     * Every character a match of the pattern can read: those written in its source (its words, and its classes,
     * which list their characters) and the digits of its ranges ([0-9], [1-4]) and the line break (\n). Null when
     * the source holds a construct that reads other characters (\p, \w, \s, ., [^…]); then no pair is ruled out.
     */
    private static final String ALPHABET = alphabet();
    /**
     * The pairs (first &lt;&lt; 16 | second) an expression may open with, for the first characters in
     * {@link #PAIR_FIRSTS}, sorted: 上半 and 上年, not 上市. A pair is listed when the pattern matches it alone or reads
     * past its end; otherwise no text opening with it can match. A second character outside {@link #ALPHABET}
     * stands for all of them, as the pattern cannot tell them apart.
     */
    private static final int[] OPENING_PAIRS = openingPairs();
    /** A character outside {@link #ALPHABET}, standing for every such character in {@link #OPENING_PAIRS}. */
    private static final char OTHER = '\uE000';

    private Periods() {
    }

    /**
     * The characters the pattern's own forms (not the words of the period table) can start with: digits and
     * numerals, 截至, 第, 前三季度, 上半年, 近三年, 最近, 过去, 全年, 首季, 本月, 当季, 中期, 报告期内, 期内, 半年度, 单季,
     * 该财年, 去年同期. (No form opens with 年: 年均 is a word of the table.)
     */
    private static final String FORM_FIRSTS = "0123456789零〇一二两三四五六七八九十截第前上下近最过全首本当中期报半单该去";

    /** Every character a period expression can start with. */
    private static String firstCharacters() {
        StringBuilder sb = new StringBuilder(FORM_FIRSTS);
        for (String w : RELATIVE.keySet()) {
            sb.append(w.charAt(0));
        }
        for (String w : UNDATED) {
            sb.append(w.charAt(0));
        }
        return sb.toString();
    }

    /** The relative and undated words of the period table. */
    private static List<String> tableWords() {
        List<String> words = new ArrayList<>(RELATIVE.keySet());
        words.addAll(UNDATED);
        return words;
    }

    /** The first characters of the table's words that none of the pattern's own forms starts with. */
    private static BitSet wordFirsts() {
        BitSet b = new BitSet();
        tableWords().forEach(w -> b.set(w.charAt(0)));
        FORM_FIRSTS.chars().forEach(b::clear);
        return b;
    }

    /**
     * Whether an expression may open at {@code q}, by a test much cheaper than the pattern, which it rules out only
     * where it cannot match: digits opening an expression are a year's four or a month's or quarter's one or two,
     * followed by a year's, month's or quarter's word or a dash ("2024年", "3月", "1-3月"; not "12.5亿元" nor "2024
     * 万"); a character that only a word of the period table starts with opens that word ("目前", not "目标").
     */
    private static boolean mayOpenAt(String text, int q) {
        char c = text.charAt(q);
        if (c >= '0' && c <= '9') {
            int r = q + 1;
            while (r < text.length() && r - q <= 4 && text.charAt(r) >= '0' && text.charAt(r) <= '9') {
                r++;
            }
            return r - q <= 4 && r < text.length() && AFTER_OPENING_DIGITS.indexOf(text.charAt(r)) >= 0;
        }
        if (WORD_FIRSTS.get(c)) {
            return WORDS.longest(text, q, text.length()) >= 0;
        }
        return !PAIR_FIRSTS.get(c) || ALPHABET == null || q + 1 >= text.length() || opensWith(c, text.charAt(q + 1));
    }

    /** Whether an expression may open with {@code first} then {@code second} (see {@link #OPENING_PAIRS}). */
    private static boolean opensWith(char first, char second) {
        char read = ALPHABET.indexOf(second) >= 0 ? second : OTHER;
        return java.util.Arrays.binarySearch(OPENING_PAIRS, first << 16 | read) >= 0;
    }

    private static BitSet pairFirsts() {
        BitSet b = of(FORM_FIRSTS);
        tableWords().forEach(w -> b.set(w.charAt(0)));
        "0123456789零〇一二两三四五六七八九十".chars().forEach(b::clear);
        return b;
    }

    private static String alphabet() {
        String source = PATTERN.pattern();
        for (String reads : List.of("\\p", "\\P", "\\w", "\\W", "\\s", "\\S", "\\D", "\\u", "\\x", ".", "[^")) {
            if (source.contains(reads)) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder("0123456789\n");
        source.chars().distinct().forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    private static int[] openingPairs() {
        if (ALPHABET == null) {
            return new int[0];
        }
        String seconds = ALPHABET + OTHER;
        List<Integer> pairs = new ArrayList<>();
        Matcher m = PATTERN.matcher("");
        for (int first = PAIR_FIRSTS.nextSetBit(0); first >= 0; first = PAIR_FIRSTS.nextSetBit(first + 1)) {
            for (int i = 0; i < seconds.length(); i++) {
                m.reset(new String(new char[] {(char) first, seconds.charAt(i)}));
                if (m.lookingAt() || m.hitEnd()) {
                    pairs.add(first << 16 | seconds.charAt(i));
                }
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    /**
     * Characters one of which every period expression holds within {@link #HEAD_REACH} of its start: the unit words
     * (年, 月, 季, 期, 半), 截 of 截至, and the first character of each word of the period table. The farthest is
     * 年 of "2024 财政年度", seven characters in.
     */
    private static BitSet heads() {
        BitSet b = of("年月季期半截");
        RELATIVE.keySet().forEach(w -> b.set(w.charAt(0)));
        UNDATED.forEach(w -> b.set(w.charAt(0)));
        return b;
    }

    private static BitSet of(String chars) {
        BitSet b = new BitSet();
        chars.chars().forEach(b::set);
        return b;
    }

    /**
     * What relative expressions resolve against: the publication year, the year of the latest dated mention
     * ({@code contextYear}, may be null) and the latest full year mentioned before the publication year
     * ({@code lastFullYear}, may be null).
     */
    public record Anchor(int publicationYear, int publicationMonth, Integer contextYear, Integer lastFullYear,
                         Period latest, boolean relativeContext, Integer latestWrittenYear, Period beforePlan,
                         Fiscal fiscal) {
        public Anchor(int publicationYear, int publicationMonth, Integer contextYear, Integer lastFullYear,
                      Period latest) {
            this(publicationYear, publicationMonth, contextYear, lastFullYear, latest, false, null, null, null);
        }

        private Anchor(int publicationYear, int publicationMonth, Integer contextYear, Integer lastFullYear,
                       Period latest, boolean relativeContext, Integer latestWrittenYear, Fiscal fiscal) {
            this(publicationYear, publicationMonth, contextYear, lastFullYear, latest, relativeContext,
                    latestWrittenYear, null, fiscal);
        }

        /** An anchor without a publication month (本月 then resolves to nothing). */
        public Anchor(int publicationYear, Integer contextYear, Integer lastFullYear) {
            this(publicationYear, 0, contextYear, lastFullYear, null);
        }

        /**
         * The anchor for the next paragraph. A year named by a relative word (去年全年营收…) speaks of its own
         * paragraph: the next one's bare months (1至2月累计营收) are the publication year's again. A year written
         * out stays the context, or the latest year written so far when a paragraph ended on an earlier one ("2023年，
         * 全县…。2022年，全县营收为…" then "全年入库税金…": the year of the report, not of its background).
         */
        public Anchor nextParagraph() {
            if (relativeContext) {
                // "公司預計2025財年內推出兩個項目": the period of a plan dates its own paragraph; the next paragraph's
                // figures are of the period reported before it.
                Period carried = beforePlan != null && isPlanned(latest) ? beforePlan : latest;
                return new Anchor(publicationYear, publicationMonth, null, lastFullYear, carried, false,
                        latestWrittenYear, fiscal);
            }
            if (contextYear != null && latestWrittenYear != null && latestWrittenYear > contextYear) {
                return new Anchor(publicationYear, publicationMonth, latestWrittenYear, lastFullYear, latest, false,
                        latestWrittenYear, fiscal);
            }
            return this;
        }

        /** The anchor after {@code mention} was read. */
        public Anchor after(Mention mention) {
            if (mention.period() == null) {
                return this;
            }
            Period p = mention.period();
            Integer full = lastFullYear;
            if (p instanceof Period.Year y && y.year() < publicationYear) {
                full = y.year();
            }
            // "去年同期" after a comparison names the latest period a year earlier; it does not move the context.
            if (mention.sameTimeLastYear()) {
                return this;
            }
            // A year moved back from the publication year is as local as a relative word's.
            // A year after publication (预计2026年第二季量产) is a plan's: it dates its own paragraph only.
            boolean relative = mention.year() == YearSource.RELATIVE || mention.year() == YearSource.PAST
                    || mention.year() == YearSource.CONTEXT && relativeContext && contextYear != null
                    || p.endYear() > publicationYear && publicationYear > 0;
            Integer written = latestWrittenYear;
            if (mention.year() == YearSource.WRITTEN && p.endYear() <= publicationYear
                    && (written == null || p.endYear() > written)) {
                written = p.endYear();
            }
            // "截至9月底，集团共有分店92间": a day things are counted at; the period the report covers stays the
            // latest one for the figures after it (期内收益…).
            // "2024年…截至2024年12月31日，员工总数…": the year's last day keeps the year as the period reported.
            boolean yearEnd = latest instanceof Period.Year y && p instanceof Period.Month m && m.year() == y.year()
                    && m.month() == 12;
            Period reported = mention.asOf() && (latest instanceof Period.Range || latest instanceof Period.Half
                    || latest instanceof Period.Quarter || yearEnd) && latest.endYear() <= publicationYear ? latest : p;
            Period before = isPlanned(reported) && !isPlanned(latest) ? latest : isPlanned(reported) ? beforePlan : null;
            return new Anchor(publicationYear, publicationMonth, p.endYear(), full, reported, relative, written, before,
                    mention.fiscal() != null ? mention.fiscal() : fiscal);
        }

        /** A period ending after the publication year: a plan's or a forecast's. */
        private boolean isPlanned(Period p) {
            return p != null && publicationYear > 0 && p.endYear() > publicationYear;
        }
    }

    /**
     * Where a mention's year came from: written out (2024年), a relative word (去年), the context, or the year before
     * the context because the period would otherwise end after publication (12月 in a January report).
     */
    public enum YearSource { WRITTEN, RELATIVE, CONTEXT, PAST }

    /**
     * How an article's company counts its financial years: the month they end in, and the year a year's label names
     * less the year it ends in (0 for "截至2025年6月30日的2025财年", -1 for "截至2025年3月31日的2024财年"), and the
     * label of the year the article reports on.
     */
    public record Fiscal(int endMonth, int labelOffset, int reported) {
        /** The twelve months of the financial year labelled {@code label}. */
        Period year(int label) {
            int end = label - labelOffset;
            return endMonth == 12 ? new Period.Year(end)
                    : new Period.Range(new Period.Month(end - 1, endMonth + 1), new Period.Month(end, endMonth));
        }
    }

    /** One period expression at {@code [start, end)}; {@code period} is null for undated words like 目前. */
    public record Mention(int start, int end, Period period, boolean sameTimeLastYear, YearSource year, boolean asOf,
                          Fiscal fiscal) {
        public Mention(int start, int end, Period period, boolean sameTimeLastYear, YearSource year, boolean asOf) {
            this(start, end, period, sameTimeLastYear, year, asOf, null);
        }

        public Mention(int start, int end, Period period, boolean sameTimeLastYear, YearSource year) {
            this(start, end, period, sameTimeLastYear, year, false);
        }

        public Mention(int start, int end, Period period) {
            this(start, end, period, false, YearSource.WRITTEN);
        }
    }

    /** The period expressions in {@code text[from, to)}, resolved in order, each against the anchor so far. */
    public static List<Mention> find(String text, int from, int to, Anchor anchor) {
        return find(text, from, to, anchor, false);
    }

    /**
     * The period expressions of the base of a comparison ("比2018年第二季度末的…", "高于去年同期…"), which
     * {@link #find(String, int, int, Anchor)} passes over.
     */
    public static List<Mention> findInComparison(String text, int from, int to, Anchor anchor) {
        return find(text, from, to, anchor, true);
    }

    private static List<Mention> find(String text, int from, int to, Anchor anchor, boolean bases) {
        List<Mention> out = new ArrayList<>();
        Search search = new Search(text);
        Anchor a = anchor;
        Period lastQuarter = null;
        int p = from;
        Matcher m;
        while ((m = next(search, from, p, to)) != null) {
            p = m.end();
            if (!bases && isComparisonBase(text, m.start(), m.end())) {
                continue;
            }
            if (datesAnEvent(text, m.end())) {
                continue;
            }
            // Only 全年 asks whether a forecast comes before it; other periods skip the search.
            boolean forecast = m.group("whole") != null
                    && FORECAST_BEFORE.matcher(text).region(Math.max(from, m.start() - 4), m.start()).find();
            Fiscal fiscal = fiscalOf(m, a);
            Resolved r = resolve(m, a, forecast, fiscal);
            Optional<Period> period = r.period();
            if (m.group("thisquarter") != null) {
                // "第四季度实现营业收入…；当季归母净利润…": the quarter just named in the paragraph.
                period = Optional.ofNullable(lastQuarter);
            }
            boolean undated = m.group("undated") != null || m.group("within") != null
                    || m.group("lastquarter") != null || m.group("thisfy") != null;
            if (period.isPresent() || undated) {
                YearSource source = r.past() ? YearSource.PAST : yearSource(m);
                // "股东应占溢利1.26亿元，上年度则录得亏损2.38亿元": the earlier year a figure is set against, like
                // 去年同期, dates its own figure and moves no context.
                int after = m.end() < text.length() && text.charAt(m.end()) == '度' ? m.end() + 1 : m.end();
                // "收益15.2億港元，上年度為15.9億港元；除稅前溢利…": so does the earlier year right after a figure.
                // "股东应占亏损5,630万港元，上年度亏损2,140万港元": so does 上年度 right after a figure, whatever follows.
                boolean contrast = source == YearSource.RELATIVE && after < text.length()
                        && ("则則".indexOf(text.charAt(after)) >= 0
                        || ("为為".indexOf(text.charAt(after)) >= 0 || text.charAt(m.start()) == '上')
                        && afterFigure(text, m.start()))
                        && period.isPresent() && period.get().endYear() < anchor.publicationYear();
                Mention mention = new Mention(m.start(), m.end(), period.orElse(null),
                        m.group("same") != null || contrast, source, m.group("asof") != null, fiscal);
                out.add(mention);
                // "为近九年来单季最大亏损": a span looked back over dates no figure after it.
                // "截至9月底，集团共有分店92间": a day things are counted at; the period the report covers stays the
                // latest one for figures after it (期内收益…).
                a = m.group("n") != null ? a : a.after(mention);
                if (mention.period() instanceof Period.Quarter) {
                    lastQuarter = mention.period();
                }
            }
        }
        return out;
    }

    /**
     * Whether the period ending at {@code end} dates an event in a modifier ("去年底投产的某某公司", "2019年成立的"):
     * a verb of {@code event-date-verbs.tsv}, up to three characters after the period, then 的.
     */
    private static boolean datesAnEvent(String text, int end) {
        int reach = Math.min(text.length(), end + EVENT_DATE_REACH);
        // Every match ends in 的: a period with none right after it ("2024年营收") is not looked at further.
        int of = end;
        while (of < reach && text.charAt(of) != '的') {
            of++;
        }
        return of < reach && EVENT_DATE.matcher(text).region(end, reach).lookingAt();
    }

    /** Whether a comma right before {@code at} follows a figure in yuan or percent ("…15.2億港元，"). */
    private static boolean afterFigure(String text, int at) {
        if (at < 3 || "，,".indexOf(text.charAt(at - 1)) < 0) {
            return false;
        }
        int figureEnd = at - 1;
        if ("）)".indexOf(text.charAt(figureEnd - 1)) >= 0) {
            // "收入41.27億元（人民幣，下同），上年為37.72億元": an aside on the currency after the figure.
            int open = figureEnd - 2;
            while (open >= 0 && figureEnd - open <= 12 && "（(".indexOf(text.charAt(open)) < 0) {
                open--;
            }
            if (open < 2 || figureEnd - open > 12) {
                return false;
            }
            figureEnd = open;
        }
        return figureEnd >= 2 && "元%％".indexOf(text.charAt(figureEnd - 1)) >= 0
                && (Character.isDigit(text.charAt(figureEnd - 2)) || "万亿萬億币幣港美".indexOf(text.charAt(figureEnd - 2)) >= 0);
    }

    /**
     * The search's matcher moved to the first period expression in {@code text[p, to)}, the one a search of
     * {@link #PATTERN} from {@code p} would find ("2024年" in "公司2024年营收"); null when there is none. Every
     * expression holds a head character within {@link #HEAD_REACH} of its start, so only the positions just before
     * a head are tried, in order. {@code ^} holds at {@code from} only, as in a search of the region
     * {@code [from, to)}.
     */
    private static Matcher next(Search search, int from, int p, int to) {
        String text = search.text;
        int tried = p;
        for (int h = p; h < to; h++) {
            if (!HEADS.get(text.charAt(h))) {
                continue;
            }
            for (int q = Math.max(tried, h - HEAD_REACH); q <= h; q++) {
                if (FIRSTS.get(text.charAt(q)) && mayOpenAt(text, q)) {
                    Matcher m = search.matcher();
                    m.region(q, to).useAnchoringBounds(q == from);
                    if (m.lookingAt()) {
                        return m;
                    }
                }
            }
            tried = h + 1;
        }
        return null;
    }

    /**
     * A search of {@link #PATTERN} in one text. Its matcher is made at the first position worth trying: most spans
     * asked about ("较上年同期增长" before a figure, a clause without a date) hold none, and a matcher of a pattern
     * with this many groups costs more to make than the scan for heads.
     */
    private static final class Search {
        private final String text;
        private Matcher matcher;

        Search(String text) {
            this.text = text;
        }

        Matcher matcher() {
            if (matcher == null) {
                // Transparent bounds: "4月" before "营收" is a period even when the region ends at the keyword.
                matcher = PATTERN.matcher(text).useTransparentBounds(true);
            }
            return matcher;
        }
    }

    /**
     * The spans {@code [start, end)} of every period expression in {@code text[from, to)}, before any is resolved;
     * tests compare them with a plain search of {@link #pattern()}.
     */
    static List<int[]> spans(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        Search search = new Search(text);
        int p = from;
        Matcher m;
        while ((m = next(search, from, p, to)) != null) {
            out.add(new int[] {m.start(), m.end()});
            p = m.end();
        }
        return out;
    }

    static Pattern pattern() {
        return PATTERN;
    }

    /** The anchor after reading every mention in {@code mentions}. */
    public static Anchor advance(Anchor anchor, List<Mention> mentions) {
        Anchor a = anchor;
        for (Mention m : mentions) {
            a = a.after(m);
        }
        return a;
    }

    /** "较上年同期", "比去年": the year a change is measured against, not the period of a figure. */
    private static boolean isComparisonBase(String text, int start, int end) {
        if (text.startsWith("同期", end - 2) || text.startsWith("同月", end - 2) || text.startsWith("同季", end - 2)) {
            // "高于去年同期的478亿元" names a figure of that period; "较去年同期增长5%" only the base of a change.
            return CHANGE_AFTER.matcher(text).region(end, Math.min(text.length(), end + 4)).lookingAt();
        }
        int b = start - 1;
        while (b > 0 && text.charAt(b) == ' ') {
            b--;
        }
        char before = b >= 0 ? text.charAt(b) : ' ';
        // "突破去年12月的纪录", "超过去年", "已逼近去年全年的7.61元": a record or level compared with, not the period of
        // a figure; "由2022年的26家增加到31家": the start of a change ("由2023年获利9.7亿元转为亏损" still dates its
        // figure).
        if (before == '自' && sinceWithin(text, end)) {
            // "自2021年登陆科创板以来首个盈利季度": where a span started, not the period of a figure.
            return true;
        }
        return before == '较' || before == '比' || before == '与' || before == '同' || before == '于' || before == '破'
                || before == '近' || before == '逼'
                // "已超过去年全年", "追平去年", "不及去年全年的一半": the level compared with.
                || b >= 1 && (text.startsWith("超过", b - 1) || text.startsWith("超過", b - 1)
                || text.startsWith("追平", b - 1) || text.startsWith("不及", b - 1))
                || before == '从' || before == '由' && (end < text.length() && text.charAt(end) == '的'
                || text.startsWith("度的", end))
                || before == '越'
                || text.startsWith("同期", end)
                // "收入3.12亿元(2021年:8,650万元)": the earlier year's figure in brackets.
                || (before == '(' || before == '（') && end < text.length() && "：:".indexOf(text.charAt(end)) >= 0;
    }

    /** Whether 以来 follows within {@link #SINCE_REACH} characters of {@code end} (a bounded look, not a search). */
    private static boolean sinceWithin(String text, int end) {
        for (int i = end; i <= Math.min(text.length() - 2, end + SINCE_REACH); i++) {
            if (text.startsWith("以来", i)) {
                return true;
            }
        }
        return false;
    }

    private static final int SINCE_REACH = 16;

    /** A resolved expression; {@code past} when it was moved to last year because it would end after publication. */
    private record Resolved(Optional<Period> period, boolean past) {
    }

    /** {@code fiscal}: the financial years the expression defines ({@link #fiscalOf}), else null. */
    private static Resolved resolve(Matcher m, Anchor a, boolean forecast, Fiscal fiscal) {
        if (fiscal != null) {
            return new Resolved(Optional.of(fiscal.year(Integer.parseInt(
                    m.group("fyl") != null ? m.group("fyl") : m.group("fyl2")))), false);
        }
        Integer explicitYear = year(m, a);
        // "蓉某去年实现营业收入…；截至9月底，公司员工…": a day counted at, with no year of its own, after a year named
        // by a relative word, is the latest such day before publication.
        boolean latestDay = m.group("asof") != null && a.relativeContext();
        int year = explicitYear != null ? explicitYear
                : a.contextYear() != null && !latestDay ? a.contextYear() : a.publicationYear();
        Optional<Period> p = resolve(m, a, explicitYear, year);
        boolean fromContext = explicitYear == null && m.group("thismonth") == null && m.group("lastquarter") == null
                && m.group("single") == null && m.group("singlemonth") == null && m.group("previousfy") == null
                && m.group("within") == null && m.group("thisfy") == null
                && m.group("same") == null && m.group("n") == null;
        if (fromContext && p.isPresent() && a.contextYear() != null && a.contextYear() == a.publicationYear() - 1
                && a.publicationMonth() > 0 && isQuarterOrHalf(m)) {
            // "2024年营收…。一季度营收…" published in April 2025: this year's quarter, ended before the month of
            // publication and now reported, not last year's one, when no year is written with it.
            Optional<Period> current = resolve(m, a, null, a.publicationYear());
            if (current.isPresent() && current.get().endYear() == a.publicationYear()
                    && endMonth(current.get()) < a.publicationMonth()) {
                return new Resolved(current, false);
            }
        }
        boolean yearUnderWay = forecast && m.group("whole") != null && a.contextYear() != null
                && a.contextYear() == a.publicationYear();
        if (fromContext && p.isPresent() && endsAfterPublication(p.get(), a) && !yearUnderWay) {
            // (全年 forecast after a period of the publication year, "首季营收…，预估全年营收可望成长15%", is the
            // year under way, not last year's.)
            // A figure is reported after its period ends: "12月营收" published in January is last December's.
            Optional<Period> earlier = resolve(m, a, null, year - 1);
            if (earlier.isPresent() && !endsAfterPublication(earlier.get(), a)) {
                return new Resolved(earlier, true);
            }
        }
        return new Resolved(p, false);
    }

    private static boolean isQuarterOrHalf(Matcher m) {
        return m.group("q") != null || m.group("q1") != null || m.group("q2") != null || m.group("qn") != null
                || m.group("h") != null;
    }

    /** The quarter {@code p} ends with (前三季度 → 第三季度, 上半年 → 第二季度), else empty. */
    private static Optional<Period> lastQuarter(Period p) {
        if (p instanceof Period.Quarter) {
            return Optional.of(p);
        }
        if (p instanceof Period.Half h) {
            return Optional.of(new Period.Quarter(h.year(), 2 * h.half()));
        }
        if (p instanceof Period.Month mo) {
            return mo.month() % 3 == 0 ? Optional.of(new Period.Quarter(mo.year(), mo.month() / 3)) : Optional.empty();
        }
        if (p instanceof Period.Range r) {
            return lastQuarter(r.to());
        }
        return Optional.empty();
    }

    /** Whether {@code p} ends after the publication month (never, when that month is not known). */
    private static boolean endsAfterPublication(Period p, Anchor a) {
        if (a.publicationMonth() == 0) {
            return false;
        }
        int end = p.endYear() * 12 + endMonth(p);
        return end > a.publicationYear() * 12 + a.publicationMonth();
    }

    /** The first month of a single period (a month, quarter or half). */
    private static int startMonth(Period p) {
        if (p instanceof Period.Quarter q) {
            return q.quarter() * 3 - 2;
        }
        if (p instanceof Period.Half h) {
            return h.half() * 6 - 5;
        }
        return p instanceof Period.Month m ? m.month() : 0;
    }

    private static int endMonth(Period p) {
        if (p instanceof Period.Month m) {
            return m.month();
        }
        if (p instanceof Period.Quarter q) {
            return q.quarter() * 3;
        }
        if (p instanceof Period.Half h) {
            return h.half() * 6;
        }
        if (p instanceof Period.Range r) {
            return endMonth(r.to());
        }
        return 12;
    }

    /** 2023 or 二〇二三 → 2023: a year written out, in digits or digit by digit in Chinese numerals, else null. */
    private static Integer writtenYear(String s) {
        if (s.length() != 4) {
            return null;
        }
        if ((s.startsWith("19") || s.startsWith("20")) && s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            int d = "〇一二三四五六七八九".indexOf(s.charAt(i));
            d = d < 0 && s.charAt(i) == '零' ? 0 : d;
            if (d < 0) {
                return null;
            }
            year = year * 10 + d;
        }
        return year >= 1900 && year < 2100 ? year : null;
    }

    private static YearSource yearSource(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String s = m.group(g);
            if (s != null && writtenYear(s) != null) {
                return YearSource.WRITTEN;
            }
            if (s != null && RELATIVE.containsKey(s)) {
                return YearSource.RELATIVE;
            }
        }
        return YearSource.CONTEXT;
    }

    private static Optional<Period> resolve(Matcher m, Anchor a, Integer explicitYear, int year) {
        if (m.group("upto") != null) {
            // "截至2024年6月30日止六个月": the months ending then; "…止年度": the year ending then.
            int last = month(m.group("um"));
            if (m.group("uy") != null) {
                // The twelve months ending then: 截至2025年3月31日止年度 is 2024-04/2025-03; a year ending in
                // December is the calendar year.
                return Optional.of(last == 12 ? new Period.Year(year)
                        : new Period.Range(new Period.Month(year - 1, last + 1), new Period.Month(year, last)));
            }
            // "截至九月底止的中期业绩", "截至9月30日止半年": the six months ending then; "截至2024年3月31日止六个月"
            // runs from October of the year before.
            int n = m.group("ui") != null || m.group("uh") != null ? 6 : small(m.group("un"));
            if (n > last && n <= 12) {
                return Optional.of(new Period.Range(new Period.Month(year - 1, last - n + 13), new Period.Month(year, last)));
            }
            return n >= 1 && n <= last ? Optional.of(Period.months(year, last - n + 1, last)) : Optional.empty();
        }
        if (m.group("asof") != null) {
            if (m.group("am") != null) {
                return Optional.of(new Period.Month(year, month(m.group("am"))));
            }
            if (m.group("aq") != null) {
                return Optional.of(new Period.Quarter(year, small(m.group("aq"))));
            }
            return explicitYear == null ? Optional.empty() : Optional.of(new Period.Month(year, 12));
        }
        if (m.group("dm1") != null) {
            int y1 = m.group("dy1") != null ? Integer.parseInt(m.group("dy1")) : year;
            int a1 = month(m.group("dm1"));
            int a2 = month(m.group("dm2"));
            int y2 = m.group("dy2") != null ? Integer.parseInt(m.group("dy2")) : a2 < a1 ? y1 + 1 : y1;
            if (y2 == y1 + 1 && a2 < a1) {
                return Optional.of(new Period.Range(new Period.Month(y1, a1), new Period.Month(y2, a2)));
            }
            return y2 == y1 && a1 <= a2 ? Optional.of(a1 == a2 ? new Period.Month(y1, a1) : Period.months(y1, a1, a2))
                    : Optional.empty();
        }
        if (m.group("ry1") != null) {
            int y1 = Integer.parseInt(m.group("ry1"));
            int y2 = Integer.parseInt(m.group("ry2"));
            int a1 = month(m.group("rm1"));
            int a2 = month(m.group("rm2"));
            if (y2 == y1 + 1 && a2 < a1) {
                return Optional.of(new Period.Range(new Period.Month(y1, a1), new Period.Month(y2, a2)));
            }
            return y2 == y1 && a1 < a2 ? Optional.of(Period.months(y1, a1, a2)) : Optional.empty();
        }
        if (m.group("m1") != null) {
            int a1 = month(m.group("m1"));
            int a2 = month(m.group("m2"));
            return a1 < a2 ? Optional.of(Period.months(year, a1, a2)) : Optional.empty();
        }
        if (m.group("qn") != null) {
            int n = small(m.group("qn"));
            return Optional.of(n == 2 ? new Period.Half(year, 1)
                    : new Period.Range(new Period.Quarter(year, 1), new Period.Quarter(year, n)));
        }
        if (m.group("interim") != null || m.group("interim2") != null) {
            if (a.latest() instanceof Period.Range r && endMonth(r) != 6 && r.endYear() == year
                    && r.to().endYear() * 12 + endMonth(r.to()) - (r.from().endYear() * 12 + startMonth(r.from())) == 5) {
                // "截至2024年9月30日止六个月…中期收益": the six months the report covers.
                return Optional.of(r);
            }
            return Optional.of(new Period.Half(year, 1));
        }
        if (m.group("mn") != null) {
            int n = month(m.group("mn"));
            return n < 2 ? Optional.empty() : Optional.of(Period.months(year, 1, n));
        }
        if (m.group("q") != null && a.fiscal() != null && (m.group().contains("会计") || m.group().contains("财政")
                || m.group().contains("财季") || m.group().contains("财年"))) {
            // "第四会计季度" of a company whose year ends in September: July to September of its reported year.
            Period fy = a.fiscal().year(explicitYear != null ? explicitYear : a.fiscal().reported());
            int end = fy.endYear() * 12 + endMonth(fy) - 1 - 3 * (4 - small(m.group("q")));
            int start = end - 2;
            return Optional.of(start / 12 == end / 12 ? Period.months(end / 12, start % 12 + 1, end % 12 + 1)
                    : new Period.Range(new Period.Month(start / 12, start % 12 + 1), new Period.Month(end / 12, end % 12 + 1)));
        }
        if (m.group("q") != null && m.group().contains("财季")) {
            // "第四财季" of a year the text does not say the end of: not a calendar quarter.
            return Optional.empty();
        }
        if (m.group("q") != null || m.group("q2") != null) {
            return Optional.of(new Period.Quarter(year, small(m.group("q") != null ? m.group("q") : m.group("q2"))));
        }
        if (m.group("q1") != null) {
            return Optional.of(new Period.Quarter(year, 1));
        }
        if (m.group("bare") != null || m.group("opening") != null) {
            return Optional.of(new Period.Month(year, month(m.group("bare") != null ? m.group("bare") : m.group("opening"))));
        }
        if (m.group("thismonth") != null) {
            if (m.group("thismonth").equals("当月") && a.latest() instanceof Period.Month month) {
                // "若单看12月，…当月市占…": that month, the one just named.
                return Optional.of(month);
            }
            if (a.publicationMonth() == 0) {
                return Optional.empty();
            }
            boolean last = m.group("thismonth").startsWith("上");
            int month = last ? (a.publicationMonth() == 1 ? 12 : a.publicationMonth() - 1) : a.publicationMonth();
            int y = last && a.publicationMonth() == 1 ? a.publicationYear() - 1 : a.publicationYear();
            return Optional.of(new Period.Month(y, month));
        }
        if (m.group("lastquarter") != null) {
            // 上季: the quarter before the one of publication.
            if (a.publicationMonth() == 0) {
                return Optional.empty();
            }
            int q = (a.publicationMonth() - 1) / 3;
            return Optional.of(q == 0 ? new Period.Quarter(a.publicationYear() - 1, 4)
                    : new Period.Quarter(a.publicationYear(), q));
        }
        if (m.group("within") != null) {
            return Optional.ofNullable(a.latest());
        }
        if (m.group("previousfy") != null) {
            // "上一财政年度则录得溢利…": the financial year before the one just reported.
            if (isFinancialYear(a.latest())) {
                return Optional.of(a.latest().yearEarlier());
            }
            int base = a.contextYear() != null ? a.contextYear() : a.publicationYear();
            return Optional.of(new Period.Year(base - 1));
        }
        if (m.group("thisfy") != null) {
            // "该财年公司实现营业收入…": the financial year just named, else the one the article reports on.
            return isFinancialYear(a.latest()) ? Optional.of(a.latest())
                    : a.fiscal() != null ? Optional.of(a.fiscal().year(a.fiscal().reported()))
                    : a.latest() instanceof Period.Year ? Optional.of(a.latest()) : Optional.empty();
        }
        if (m.group("singlemonth") != null) {
            // "2月受春节影响，单月营收…": the month just named.
            return a.latest() instanceof Period.Month ? Optional.of(a.latest()) : Optional.empty();
        }
        if (m.group("single") != null) {
            // "前三季度营收12.6亿元，其中单季度4.7亿元": the last quarter of the period just reported.
            return lastQuarter(a.latest());
        }
        if (m.group("same") != null) {
            return a.latest() == null ? Optional.empty() : Optional.of(a.latest().yearEarlier());
        }
        if (m.group("h") != null) {
            return Optional.of(new Period.Half(year, m.group("h").startsWith("上") ? 1 : 2));
        }
        if (m.group("mon") != null) {
            return Optional.of(new Period.Month(year, month(m.group("mon"))));
        }
        if (m.group("undated") != null) {
            return Optional.empty();
        }
        if (m.group("n") != null) {
            int n = small(m.group("n"));
            int end = a.lastFullYear() != null ? a.lastFullYear() : a.publicationYear() - 1;
            return n < 2 ? Optional.of(new Period.Year(end))
                    : Optional.of(new Period.Range(new Period.Year(end - n + 1), new Period.Year(end)));
        }
        if (m.group("whole") != null && explicitYear == null && isFinancialYear(a.latest())) {
            // "截至9月30日止的年度…全年平均入住率": the financial year just reported.
            return Optional.of(a.latest());
        }
        if (m.group("whole") != null) {
            // 全年 with no year before it: the publication year's, or last year's when that has not ended.
            return a.contextYear() == null && a.publicationMonth() == 0 ? Optional.empty()
                    : Optional.of(new Period.Year(year));
        }
        if (explicitYear != null && isFinancialYear(a.latest()) && FROM_CONTEXT.stream().anyMatch(m.group()::startsWith)) {
            // "截至9月底止年度…扭转上年度亏损": the financial year before the one just reported.
            return Optional.of(a.latest().yearEarlier());
        }
        if (explicitYear != null && a.fiscal() != null && FISCAL_END.matcher(m.group().strip()).find()) {
            // "公司预计2025财年营业收入…" after "截至2025年3月31日的2024财年": a year of the company's own count.
            return Optional.of(a.fiscal().year(explicitYear));
        }
        return explicitYear == null ? Optional.empty() : Optional.of(new Period.Year(explicitYear));
    }

    /**
     * The index of the first of {@code mentions} (in text order) starting at or after {@code at}; their size when
     * none does.
     */
    public static int firstStartingFrom(List<Mention> mentions, int at) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).start() < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The financial years an expression naming a year and the day it ends defines, else null. */
    private static Fiscal fiscalOf(Matcher m, Anchor a) {
        boolean dayFirst = m.group("fyto") != null;
        if (!dayFirst && m.group("fyl2") == null) {
            return null;
        }
        int label = Integer.parseInt(dayFirst ? m.group("fyl") : m.group("fyl2"));
        int endMonth = month(dayFirst ? m.group("fm") : m.group("fm2"));
        String written = dayFirst ? m.group("fyy") : m.group("fyy2");
        int endYear = written != null ? Integer.parseInt(written)
                : dayFirst && m.group("fyr") != null ? a.publicationYear() + (m.group("fyr").equals("去年") ? -1 : 0)
                : label;
        return endMonth < 1 || endMonth > 12 || Math.abs(label - endYear) > 1 ? null
                : new Fiscal(endMonth, label - endYear, label);
    }

    /** Twelve months not ending in December (2022-10/2023-09): a financial year. */
    private static boolean isFinancialYear(Period p) {
        return p instanceof Period.Range r && r.from() instanceof Period.Month f && r.to() instanceof Period.Month t
                && t.month() != 12 && f.year() == t.year() - 1 && f.month() == t.month() + 1;
    }

    /** The year named in the match (explicit or relative to publication), else null. */
    private static Integer year(Matcher m, Anchor a) {
        for (int g = 1; g <= m.groupCount(); g++) {
            // Every alternative has its own y/rel groups; Java names only the first, so scan by position.
            String s = m.group(g);
            if (s == null) {
                continue;
            }
            Integer written = writtenYear(s);
            if (written != null) {
                return written;
            }
            Integer rel = RELATIVE.get(s);
            if (rel != null) {
                boolean fromContext = FROM_CONTEXT.contains(s) && a.contextYear() != null;
                return (fromContext ? a.contextYear() : a.publicationYear()) + rel;
            }
        }
        return null;
    }

    private static int month(String s) {
        return small(s);
    }

    private static int small(String s) {
        return ChineseNumerals.parse(s).map(v -> v.intValue()).orElse(0);
    }
}
