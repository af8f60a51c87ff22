package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds figures that several companies share in one sentence, matched to the companies by position:
 * <ul>
 *   <li>a list of names, a metric word and a list of as many figures ("甲公司、乙公司上半年分别亏损5亿元与3亿元",
 *       "甲及乙市占率分别为21.4%及18%", "甲、乙及丙，市场占比9.6%、8.1%及7.7%");</li>
 *   <li>a list of names each followed by its own figure after a share word ("市场份额：甲占47.5%、乙占27.8%",
 *       "份额排名为甲（23.4%）、乙（14.2%）").</li>
 * </ul>
 * Pure: reads the simplified text of one sentence and returns spans; the caller decides company, period and value.
 * Linear in the sentence: every pattern is bounded, and a sentence is scanned a fixed number of times.
 */
final class FigureLists {
    /** One company's figure of a list: the name as written, the metric word and the amount as written. */
    record Listed(int nameStart, String name, Metric metric, String keyword, int amountStart, int amountEnd,
                  String amount) {
    }

    private static final Pattern AMOUNT = Pattern.compile(Amounts.REGEX);
    /** How far before a sentence its share word may stand. */
    private static final int SHARE_LOOKBACK = 120;
    /** How far before a figure list its names may start: a few clauses of a sentence. */
    private static final int NAME_REACH = 80;
    private static final String SEP = "(?:、|，|,|及|和|与|以及|跟)";
    /** The legal form ending a registered name. */
    private static final Pattern LEGAL_FORM = Pattern.compile("(?:有限公司|有限责任公司|股份公司)$");
    /** A count opening a sentence that refers back to the names listed before it: "两家公司", "这三家企业", "二者". */
    private static final Pattern REFERRED = Pattern.compile(
            "(?:这|这些|上述|以上|前述)?(?:([两二三四五2-5])(?:家|间|間)(?:公司|企业|车企|厂商|银行|集团|上市公司)?|二者|两者)");
    /** A minus sign before a listed figure ("分别为-3.41亿元和-6.72亿元"): a loss. */
    private static final String SIGN = "[-－−]?";
    private static final int MAX_ITEMS = 12;
    /** Longest listed name with a registered ending ("某某动力科技股份有限公司"); other names are shorter. */
    private static final int MAX_REGISTERED = 20;
    private static final int KEYWORD_REACH = 24;
    /** 某某仍以31.2%居冠: an adverb between a name and its figure. */
    private static final Pattern TRAILING_ADVERB = Pattern.compile("(?:仍然|依然|继续|仍|则|亦|也|当月|当季|累计)$");
    /** 超越日商, 另一台厂, 韩系厂商: a ranking verb and a company's origin written before its name. */
    private static final Pattern CONJUNCTIONS = Pattern.compile("[和与及]");
    static final Pattern ORIGIN = Pattern.compile(
            "^(?:超越|超过|领先|击败|另一|另一家)?(?:[日韩美台陆港中欧德法英荷瑞]系?(?:厂商|商|厂))");
    private static final Pattern STOCK_CODE = Pattern.compile("[（(][0-9]{3,6}(?:[.\\-][A-Za-z]{2})?[)）]");
    /** Characters a name read backwards from its figure stops at: separators and the copulas of a list. */
    private static final String NAME_STOPS = "、，,：:；;。及和与是以（()）的则則有";
    /** Words of change and comparison: a "name" holding one is a predicate ("同比增长", "提升至", "小涨"). */
    private static final Pattern CHANGE = Pattern.compile("增长|增加|下降|下滑|减少|提升|提高|上升|回落|达到|高达|同比|环比|按年|年增|年减|提升至|增至|降至|达至|攀升|跃升|回升|跌破|季增|季减|月增|月减|涨幅|跌幅|增幅|降幅|升幅|涨|跌");
    /** Words that end a list of names: a period, an adverb of the predicate, a market word. */
    /** Exports (or sales abroad) as a part of the sales word right after: "出口额分别占本企业". */
    private static final Pattern EXPORT_SHARE_OF = Pattern.compile(
            "(?:出口额?|外销额?|外销收入|海外(?:销售)?收入|境外收入|出口收入)(?:分别|分別)?(?:占|佔)(?:本企业|企业|公司|其|各自)?$");
    private static final int EXPORT_SHARE_REACH = 14;
    private static final Periods.Anchor ANY_YEAR = new Periods.Anchor(2000, null, null);
    private static final Pattern LIST_END = Pattern.compile(
            "(?:19|20)[0-9]{2}|今年|去年|年末|年底|月末|月底|上半年|下半年|前三季|第[一二三四]季|本月|上月|当月|当季|昨|今|都|均|则|則|分别|分別|市占率|市场|份额|分列|分居|并列|位列|依次|紧随|其后|随后");
    /** A rank phrase between a name and its bracketed share ("则屈居第六", "位居第二"). */
    private static final Pattern RANK_BEFORE = Pattern.compile(
            "(?:则|則)?(?:屈居|位居|排名|排在|排|居|列|名列)第[一二三四五六七八九十0-9]{1,2}(?:位|名)?$");
    /** A market named in a sentence: with 占 before each figure, a list of shares without a share word. */
    private static final Pattern MARKET = Pattern.compile("市场|市場");
    private static final Pattern EACH = Pattern.compile("分别|分別|依次|依序");
    /** 分别 and a verb of taking before a list of shares: 分别占, 分别以, 分别拿下, 分别取得. */
    private static final Pattern SHARES_EACH = Pattern.compile("(?:分别|分別)(?:占|佔|以|拿下|取得|获得|夺得|囊括|拿到|占据|佔據)");
    private static final Pattern OCCUPIES = Pattern.compile("(?:约|約|大约|大約)?(?:占|佔)");
    /** A list of amounts each with its rank: "分别以5.2亿元、3.9亿元位列第二、三位". */
    private static final Pattern RANKED_EACH = Pattern.compile("(?:分别|分別|各自|各)以");
    private static final Pattern RANK_AFTER = Pattern.compile("(?:位列|位居|排名|排在|分列|居|列)");
    /** Where a listed name comes from, before it: "慈溪的甲电器". */
    private static final Pattern ITEM_ORIGIN = Pattern.compile("(?:^|[、和及与，,])(\\p{IsHan}{2,3}的)(?=\\p{IsHan}{2})");
    /** How many the listed names are, after them: "两家龙头企业". */
    private static final Pattern ITEMS_COUNTED = Pattern.compile(
            "(?<=\\p{IsHan})((?:两|二|三|四|五|六|七|八|九|十|[0-9]{1,2})家(?:龙头|重点|骨干|头部|上市|规上)?(?:企业|公司|厂商|厂家)?)");
    private static final Pattern A_YEAR = Pattern.compile("(?:19|20)[0-9]{2}年?(?:度)?");
    /** An amount in brackets right after a name. */
    private static final Pattern BRACKETED_AMOUNT = Pattern.compile("[（(]" + Amounts.REGEX + "[)）]");
    private static final Pattern COPULA = Pattern.compile("(?:分别|分別|依次|依序)?(?:为|為)");
    private static final Pattern NAME_SEP = Pattern.compile("、|及|和|与|以及|跟");
    private static final Pattern LIST_SEP = Pattern.compile("、|以及|及");
    /** A trade written before one listed name: 连接器厂, 面板厂商, 光学镜头供应商. */
    private static final Pattern ITEM_TRADE = Pattern.compile("[\\u4e00-\\u9fff]{1,6}?(?:厂商|供应商|制造商|厂)");
    /** Words that open a list of names in a clause of its own: 分别是, 依次为, 包括. */
    private static final Pattern LIST_OPENER = Pattern.compile("(?:分别|分別|依次|依序)(?:是|为|為)|包括|即|的还有|的還有");

    private final CompanyLexicon lex;
    private final CompanyNames names;
    private final KeywordScanner keywords;
    /** The market-share words alone. */
    private final KeywordScanner shareWords;
    private final Pattern amountList;
    private final Pattern eachOwn;
    private final List<String> stopWords;
    private final List<String> headWords;
    private final List<String> leadWords;

    FigureLists(CompanyLexicon lex, CompanyNames names, KeywordScanner keywords) {
        this.lex = lex;
        this.names = names;
        this.keywords = keywords;
        String amount = Amounts.REGEX;
        this.amountList = Pattern.compile("(?:分别|分別|依次|依序|各自|各)(?:为|是|达到|达|录得|约为|约|占|以|[\\u4e00-\\u9fff]{2,8}?)?[，,:：]?(" + SIGN + amount + ")(?:" + SEP
                + SIGN + amount + "){1," + (MAX_ITEMS - 1) + "}+|(?<![0-9.])(" + amount + ")(?:、" + amount + "){1,"
                + (MAX_ITEMS - 1) + "}+(?:(?:及|和|与)" + amount + ")?");
        // A share in brackets after its name, after 占, or written right after the name ("酷达14.2%、联华13.9%").
        this.eachOwn = Pattern.compile("(?:(?=[（(占佔以约約大])|" + Amounts.LOOKAHEAD + ")(?:[（(](?<amount>" + amount + ")[)）]|(?:(?:约|約|大约|大約)?(?:占据|佔據|占有|佔有|占|佔)|以)?(?<amount2>" + amount + "))");
        List<String> shares = new ArrayList<>();
        lex.keywords.forEach((word, metric) -> {
            if (metric.isPresent() && metric.get() == Metric.MARKET_SHARE) {
                shares.add(word);
            }
        });
        this.shareWords = new KeywordScanner(shares);
        this.stopWords = CompanyLexicon.longestFirst(lex.stopWords);
        this.headWords = CompanyLexicon.longestFirst(lex.headWords);
        this.leadWords = CompanyLexicon.longestFirst(lex.leadWords);
    }

    /**
     * Names each followed by its own amount in brackets, listed ("依次为甲生物（19.8亿元）、乙药业（14.62亿元）和丙科技
     * （13.05亿元）"): a name need not have a registered ending, since the list shape marks it. Two items at least.
     */
    List<CompanyNames.Name> bracketed(String t, int from, int to) {
        List<CompanyNames.Name> out = new ArrayList<>();
        Matcher m = BRACKETED_AMOUNT.matcher(t).region(from, to);
        while (m.find() && out.size() < MAX_ITEMS) {
            int end = m.start();
            if (restatesFigure(t, end)) {
                // "营收为人民币18.47亿元（约合2.63亿美元）": a conversion of the figure before it, no name's amount.
                continue;
            }
            // "某某公司则屈居第六（5.4%）": a rank phrase between the name and its amount.
            Matcher rank = RANK_BEFORE.matcher(t).region(Math.max(from, end - 12), end);
            if (rank.find()) {
                end = rank.start();
            }
            int start = end;
            while (start > from && end - start < 12 && CompanyNames.isNameChar(t.charAt(start - 1))
                    && (NAME_STOPS.indexOf(t.charAt(start - 1)) < 0 || "和与及".indexOf(t.charAt(start - 1)) >= 0)) {
                start--;
            }
            // "乙和丙（1.04亿元）": 和 joins the last name when two characters of a name stand before it; in
            // "新和轴承（1.92亿元）" it is the name's, and in "…（28.61亿元）和泰和生物" only the first joins.
            int nameFrom = start < end && "和与及".indexOf(t.charAt(start)) >= 0 ? start + 1 : start;
            for (int k = end - 1; k >= start; k--) {
                if ("和与及".indexOf(t.charAt(k)) >= 0 && end - k - 1 >= 2 && (k == start || k - nameFrom >= 2)) {
                    start = k + 1;
                    break;
                }
            }
            // "第三至第五位依次为甲生物": the name starts after the last copula.
            Matcher copula = COPULA.matcher(t).region(start, end);
            int afterCopula = start;
            while (copula.find()) {
                if (end - copula.end() >= 2) {
                    afterCopula = copula.end();
                }
            }
            start = afterCopula;
            String raw = t.substring(start, end);
            String name = cleanListedName(raw);
            if (name == null || names.hasFunctionWord(name)
                    && names.hasFunctionWord(CONJUNCTIONS.matcher(name).replaceAll(""))) {
                continue;
            }
            int at = start + raw.lastIndexOf(name);
            out.add(new CompanyNames.Name(at, at + name.length(), name));
        }
        return out.size() >= 2 ? out : List.of();
    }

    /** Whether a figure in yuan or percent ends right before {@code at} ("18.47亿元（…", "3.2%（…"). */
    private static boolean restatesFigure(String t, int at) {
        if (at < 2) {
            return false;
        }
        char last = t.charAt(at - 1);
        char before = t.charAt(at - 2);
        return "%％".indexOf(last) >= 0 || last == '元'
                && (Character.isDigit(before) || "万亿萬億美港币幣".indexOf(before) >= 0);
    }

    /** The listed figures of the sentence {@code t[from, to)}. */
    List<Listed> find(String t, int from, int to) {
        List<Listed> out = new ArrayList<>();
        List<int[]> sentenceNames = null;
        // A list of figures needs 分别 or a 、 between figures: most sentences have neither and skip the search.
        Matcher m = mayHoldList(t, from, to) ? amountList.matcher(t).region(from, to) : null;
        while (m != null && m.find()) {
            List<int[]> amounts = amounts(t, m.start(), m.end());
            if (amounts.size() < 2) {
                continue;
            }
            KeywordScanner.Hit inner = EACH.matcher(t).region(m.start(), m.end()).lookingAt()
                    ? lastKeyword(t, m.start(), amounts.get(0)[0]) : null;
            KeywordScanner.Hit kw = inner != null ? null
                    : lastKeyword(t, Math.max(from, m.start() - KEYWORD_REACH), m.start());
            int namesEnd = -1;
            if (kw == null && inner != null) {
                // "甲、乙分别纳税2.14亿元和1.97亿元": the metric word between 分别 and the figures (it wins over one
                // of an earlier clause: "产值稳居首位；甲、乙分别完成产值…").
                kw = inner;
                namesEnd = m.start();
                // The figures of such a list end at the clause: "…和67.3亿元，三家企业合计…".
                int clauseEnd = m.end();
                for (int i = amounts.get(0)[1]; i < m.end(); i++) {
                    if (t.charAt(i) == '，' || t.charAt(i) == ',') {
                        clauseEnd = i;
                        break;
                    }
                }
                amounts = amounts(t, m.start(), clauseEnd);
                if (amounts.size() < 2) {
                    continue;
                }
            }
            if (kw == null && SHARES_EACH.matcher(t).region(m.start(), m.end()).lookingAt()) {
                // "甲市占率约45%，居首；乙及丙分别占31%及23%": the share word stands earlier in the sentence, the names
                // right before 分别占.
                KeywordScanner.Hit share = lastKeyword(t, from, m.start());
                Optional<Metric> sm = share == null ? null : lex.keywords.get(share.word());
                if (sm != null && sm.isPresent() && sm.get() == Metric.MARKET_SHARE) {
                    kw = new KeywordScanner.Hit(m.start(), m.start(), share.word());
                }
            }
            if (kw == null && RANKED_EACH.matcher(t).region(m.start(), m.end()).lookingAt()
                    && RANK_AFTER.matcher(t).region(m.end(), Math.min(to, m.end() + 4)).lookingAt()) {
                // "纳税超亿元，其中…乙、丙分别以5.2亿元、3.9亿元位列第二、三位": the metric word stands earlier in the
                // sentence, the names right before 分别以.
                KeywordScanner.Hit earlier = lastKeyword(t, from, m.start());
                if (earlier != null && !lex.purposeKeywords.contains(earlier.word())) {
                    kw = new KeywordScanner.Hit(m.start(), m.start(), earlier.word());
                }
            }
            if (kw == null) {
                continue;
            }
            Optional<Metric> metric = lex.keywords.get(kw.word());
            if (metric == null || metric.isEmpty()) {
                continue;
            }
            Matcher exportShare = EXPORT_SHARE_OF.matcher(t).region(Math.max(from, kw.start() - EXPORT_SHARE_REACH),
                    kw.start());
            if (metric.get() != Metric.EXPORT_SHARE && allPercent(t, amounts) && exportShare.find()) {
                // "甲、乙、丙前三季度出口额分别占本企业销售收入的72%、65%和近五成": each one's export share.
                metric = Optional.of(Metric.EXPORT_SHARE);
                namesEnd = exportShare.start();
            }
            List<int[]> listed = nameList(t, from, namesEnd >= 0 ? namesEnd : kw.start(), amounts.size());
            if (listed == null && kw.end() < m.start()) {
                // "…市占率约45%，居首；乙及丙分别占31%及23%": the names stand between the share word and the figures.
                listed = nameList(t, kw.end(), m.start(), amounts.size());
            }
            if (listed == null) {
                // "同样实现盈利的还有甲和乙。两家公司一季度营收分别为…": a count referring back to the names the
                // sentence before listed.
                listed = referredBack(t, from, namesEnd >= 0 ? namesEnd : kw.start(), amounts.size());
            }
            if (listed == null && sentenceNames != null && sentenceNames.size() == amounts.size()) {
                // "甲、乙分别实现营业收入…，同比分别增长…；净利润分别为…": a later list of the sentence is the same
                // companies'.
                listed = sentenceNames;
            }
            if (listed == null) {
                continue;
            }
            sentenceNames = listed;
            for (int i = 0; i < amounts.size(); i++) {
                int[] n = listed.get(i);
                int[] a = amounts.get(i);
                out.add(new Listed(n[0], t.substring(n[0], n[1]), metric.get(), kw.word(), a[0], a[1],
                        t.substring(a[0], a[1])));
            }
        }
        // "甲、乙份额分别为17%和13%；丙（8.1%）、丁（6.6%）分列第四、第五位": both shapes in one sentence.
        eachOwnFigure(t, from, to, out);
        return out;
    }

    /**
     * "份额：甲占47.5%、乙占27.8%", "甲（23.4%）、乙（14.2%）", "其后是甲（14.2%）": a name right before its own share,
     * in a sentence that speaks of shares. The name is read backwards from the figure to the nearest separator.
     */
    private void eachOwnFigure(String t, int from, int to, List<Listed> out) {
        if (!holds(t, from, to, '%') && !holds(t, from, to, '％')) {
            // Every share listed is a percentage ("甲占28.5%"): a sentence without one lists none.
            return;
        }
        KeywordScanner.Hit share = null;
        // The share word may close the sentence before ("…18.8%的市场份额。排在其后的分别是甲（11.5%）、乙…").
        // Most sentences hold no share word at all: a scan for those words alone skips them.
        boolean shareWritten = shareWords.any(t, Math.max(0, from - SHARE_LOOKBACK), to);
        for (KeywordScanner.Hit h : shareWritten ? keywords.find(t, Math.max(0, from - SHARE_LOOKBACK), to)
                : List.<KeywordScanner.Hit>of()) {
            Optional<Metric> metric = lex.keywords.get(h.word());
            if (metric != null && metric.isPresent() && metric.get() == Metric.MARKET_SHARE) {
                share = h;
                break;
            }
        }
        // "国内手表市场中，甲占28.5%，乙占19.2%": without a share word, a market named in the sentence and two or more
        // names each taking 占 before a percentage make a share list.
        boolean marketOnly = share == null;
        if (marketOnly && !MARKET.matcher(t).region(from, to).find()) {
            return;
        }
        java.util.Set<Integer> listedAmounts = new java.util.HashSet<>();
        for (Listed l : out) {
            listedAmounts.add(l.amountStart());
        }
        List<Listed> found = new ArrayList<>();
        List<Listed> parallel = new ArrayList<>();
        Matcher m = eachOwn.matcher(t).region(from, to);
        while (m.find() && found.size() + parallel.size() < MAX_ITEMS) {
            if (marketOnly && !OCCUPIES.matcher(m.group()).lookingAt()) {
                continue;
            }
            boolean parenthesised = m.group("amount") != null;
            String amount = parenthesised ? m.group("amount") : m.group("amount2");
            int amountStart = parenthesised ? m.start("amount") : m.start("amount2");
            int amountEnd = parenthesised ? m.end("amount") : m.end("amount2");
            if (!amount.contains("%") && !amount.contains("％") || listedAmounts.contains(amountStart)) {
                continue;
            }
            int end = m.start();
            if (parenthesised) {
                // "某某公司则屈居第六（5.4%）": a rank phrase may stand between the name and its share.
                Matcher rank = RANK_BEFORE.matcher(t).region(Math.max(from, end - 12), end);
                if (rank.find()) {
                    end = rank.start();
                }
            }
            if (!parenthesised && (end == from || !CompanyNames.isNameChar(t.charAt(end - 1))
                    || Character.isDigit(t.charAt(end - 1)))) {
                continue;
            }
            int start = end;
            while (start > from && end - start < 12 && CompanyNames.isNameChar(t.charAt(start - 1))
                    && NAME_STOPS.indexOf(t.charAt(start - 1)) < 0) {
                start--;
            }
            if (start - 2 >= from && t.charAt(start - 1) == '和' && CompanyNames.isNameChar(t.charAt(start - 2))
                    && NAME_STOPS.indexOf(t.charAt(start - 2)) < 0
                    && (start - 2 == from || !CompanyNames.isNameChar(t.charAt(start - 3))
                    || NAME_STOPS.indexOf(t.charAt(start - 3)) >= 0)) {
                // "三和车业以22.1%居次": 和 after one character is inside the name, no conjunction.
                start -= 2;
            }
            // "分别为甲（…）": a copula before the first name ("为" also ends names such as 某为, so it is not a stop).
            Matcher copula = COPULA.matcher(t).region(start, end);
            if (copula.lookingAt() && end - copula.end() >= 2) {
                start = copula.end();
            }
            // A share in brackets right after a name is the name's: its words need not read as a name to the
            // segmenter (names such as 远航 or 启明 are common words too).
            int nameEnd = end;
            if (!parenthesised && end - start >= 3 && (t.charAt(end - 1) == '为' || t.charAt(end - 1) == '為')) {
                // "台星为32.5%": the copula before a share, no part of a name of two characters or more (某为, one
                // character and 为, keeps its 为).
                nameEnd = end - 1;
            }
            String raw = t.substring(start, nameEnd);
            String name = parenthesised ? cleanListedName(raw) : cleanName(raw);
            String word = share == null ? "占" : share.word();
            if (name != null) {
                found.add(new Listed(start, name, Metric.MARKET_SHARE, word, amountStart, amountEnd, amount));
            } else if ((name = cleanListedName(raw)) != null) {
                // "甲以28.5%居首，远航以19.2%次之": a name that is also a common word, in a list whose other names
                // read as names.
                parallel.add(new Listed(start, name, Metric.MARKET_SHARE, word, amountStart, amountEnd, amount));
            }
        }
        if (found.isEmpty() || marketOnly && found.size() + parallel.size() < 2) {
            return;
        }
        out.addAll(found);
        if (found.size() + parallel.size() >= 2) {
            out.addAll(parallel);
        }
        out.sort(java.util.Comparator.comparingInt(Listed::nameStart));
    }

    private static boolean holds(String t, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldList(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '各' && i + 1 < to && (t.charAt(i + 1) == '为' || t.charAt(i + 1) == '為' || t.charAt(i + 1) == '自')
                    || c == '分' && i + 1 < to && (t.charAt(i + 1) == '别' || t.charAt(i + 1) == '別')
                    || c == '依' && i + 1 < to && (t.charAt(i + 1) == '次' || t.charAt(i + 1) == '序')
                    || c == '、' && i > from && Character.isDigit(t.charAt(i - 1)) || c == '%' && i + 1 < to
                    && t.charAt(i + 1) == '、') {
                return true;
            }
        }
        return false;
    }

    /** Start and end of each amount of a list found at {@code [from, to)}. */
    private static List<int[]> amounts(String t, int from, int to) {
        List<int[]> out = new ArrayList<>();
        Matcher a = AMOUNT.matcher(t).region(from, to);
        Integer kind = null;
        while (a.find() && out.size() < MAX_ITEMS) {
            Optional<Amount> parsed = Amounts.parse(a.group());
            if (parsed.isPresent()) {
                Unit unit = parsed.get().unit();
                int itsKind = unit == Unit.PERCENT ? 0 : unit.isMoney() ? 1 : 2;
                if (kind != null && itsKind != kind) {
                    // "分别为43.2%和23.7%，两家合计…", "分别为48.6亿元、37.2亿元，三家外销比重…": a count after shares
                    // or sums of money is no item of their list.
                    break;
                }
                kind = itsKind;
                out.add(new int[]{a.start(), a.end()});
            }
        }
        return out;
    }

    private KeywordScanner.Hit lastKeyword(String t, int from, int to) {
        KeywordScanner.Hit last = null;
        for (KeywordScanner.Hit h : keywords.find(t, from, to)) {
            last = h;
        }
        return last;
    }

    /**
     * The list of exactly {@code count} names closest before {@code end} in the sentence: the clause holding the
     * keyword (text before it), else the clause before; each clause read after its lead words, cut at the first
     * stop word or period, after the last head word (航空公司甲、乙 → 甲、乙).
     */
    private List<int[]> nameList(String t, int sentenceStart, int end, int count) {
        int clauseEnd = end;
        for (int tries = 0; tries < 3 && clauseEnd > Math.max(sentenceStart, end - NAME_REACH); tries++) {
            int cs = clauseEnd;
            int floor = Math.max(sentenceStart, end - NAME_REACH);
            while (cs > floor && "，,；;：:".indexOf(t.charAt(cs - 1)) < 0) {
                cs--;
            }
            List<int[]> found = namesIn(t, cs, clauseEnd, count);
            if (found != null) {
                return found;
            }
            if (holds(t, cs, clauseEnd, '、')) {
                // The list this clause writes is not read as names; an earlier clause's names own other figures.
                return null;
            }
            clauseEnd = cs - 1;
        }
        return null;
    }

    /**
     * The names of the sentence before {@code from} when the sentence opens with a count of them ("两家公司",
     * "这三家企业", "二者") equal to {@code count}; else null.
     */
    private List<int[]> referredBack(String t, int from, int end, int count) {
        Matcher r = REFERRED.matcher(t).region(from, end);
        if (!r.lookingAt() || from < 2) {
            return null;
        }
        String n = r.group(1) != null ? r.group(1) : "两";
        int referred = "两二2".contains(n) ? 2 : "三3".contains(n) ? 3 : "四4".contains(n) ? 4 : "五5".contains(n) ? 5 : 0;
        if (referred != count) {
            return null;
        }
        int pe = from - 1;
        int ps = pe;
        while (ps > 0 && pe - ps < NAME_REACH && "。！？!?\n".indexOf(t.charAt(ps - 1)) < 0) {
            ps--;
        }
        return pe > ps ? nameList(t, ps, pe, count) : null;
    }

    private List<int[]> namesIn(String t, int cs, int ce, int count) {
        // Stock codes ("（0700）") are blanked in place so that their digits read as neither years nor names.
        Matcher code = STOCK_CODE.matcher(t).region(cs, ce);
        StringBuilder blanked = new StringBuilder(t.substring(cs, ce));
        while (code.find()) {
            for (int i = code.start(); i < code.end(); i++) {
                blanked.setCharAt(i - cs, ' ');
            }
        }
        // "慈溪的甲电器、余姚的乙厨具两家龙头企业…": where each comes from and how many they are, blanked in place.
        for (Pattern aside : new Pattern[]{ITEM_ORIGIN, ITEMS_COUNTED}) {
            Matcher m = aside.matcher(blanked);
            while (m.find()) {
                for (int i = m.start(1); i < m.end(1); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        String s = blanked.toString();
        int offset = cs;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : leadWords) {
                if (s.startsWith(w)) {
                    s = s.substring(w.length());
                    offset += w.length();
                    changed = true;
                }
            }
        }
        // "共有3家，分别是甲、乙和丙，营业收入分别为…", "第四、第五名分别为甲及乙，市占率各为…": the words opening
        // the list of names, and the ranks before them.
        Matcher opener = LIST_OPENER.matcher(s);
        int listStart = -1;
        while (opener.find()) {
            if (s.length() - opener.end() >= 2 && !hasDigit(s, opener.end())) {
                // Names follow, not figures ("营业收入分别为27.8亿元和15.3亿元").
                listStart = opener.end();
            }
        }
        if (listStart > 0) {
            s = s.substring(listStart);
            offset += listStart;
        }
        // "同属伺服器机壳族群的甲与乙": what the list is described as, before 的, is no part of its first name.
        Matcher firstItemEnd = NAME_SEP.matcher(s);
        int described = s.lastIndexOf('的', firstItemEnd.find() ? firstItemEnd.start() : s.length());
        if (described >= 2 && (firstItemEnd.hitEnd() || firstItemEnd.start() - described - 1 >= 2)) {
            offset += described + 1;
            s = s.substring(described + 1);
        }
        int cut = s.length();
        for (String w : stopWords) {
            int i = s.indexOf(w);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        Matcher time = LIST_END.matcher(s).region(0, cut);
        while (time.find()) {
            int at = time.start();
            if ((time.group().equals("都") || time.group().equals("均")) && at >= 1
                    && (at == 1 || "、和及与".indexOf(s.charAt(at - 2)) >= 0)) {
                // "潍清溴素、菜都农业和…": 都 after one character of an item is inside the name.
                continue;
            }
            if (at > 0) {
                cut = at;
            }
            break;
        }
        // "甲、乙、丙一季度分别完成产值…": any period word between the names and their figures ends the list.
        // The words after the names are read with them: "甲与乙4月市占率…" (a month before a share is a period).
        String after = t.substring(offset + cut, Math.min(t.length(), offset + cut + 4));
        List<Periods.Mention> period = Periods.find(s.substring(0, cut) + after, 0, cut, ANY_YEAR);
        int opening = 0;
        if (!period.isEmpty() && period.get(0).start() == 0 && period.get(0).end() < cut) {
            // "1-10月甲、乙累计份额分别为…": the period opening the list is no part of its first name.
            opening = period.get(0).end();
            period = period.subList(1, period.size());
        }
        if (!period.isEmpty() && period.get(0).start() > opening) {
            cut = period.get(0).start();
        }
        s = s.substring(opening, cut);
        offset += opening;
        cut -= opening;
        s = s.substring(0, cut);
        // A head word before the first name describes the list ("龙头企业甲、乙"); one inside an item describes that
        // item ("连接器厂甲与光学镜头厂乙") and is read with it.
        Matcher firstSep = NAME_SEP.matcher(s);
        int headReach = firstSep.find() ? firstSep.start() : s.length();
        for (String h : headWords) {
            int i = s.lastIndexOf(h, headReach - h.length());
            if (i >= 0 && i + h.length() < headReach && !LEGAL_FORM.matcher(s.substring(0, i + h.length())).find()) {
                // (某某股份有限公司(某某): 公司 ending a legal form describes nothing.)
                offset += i + h.length();
                s = s.substring(i + h.length());
                break;
            }
        }
        // "甲、乙的市场占比分别为…": the names own the metric after them.
        if (s.endsWith("的") && s.length() > 2) {
            s = s.substring(0, s.length() - 1);
        }
        List<int[]> split = split(s, offset, count, NAME_SEP);
        // "新和轴承、绿源药业": 和 inside a name; the list is written with 、 alone.
        split = split != null ? split : split(s, offset, count, LIST_SEP);
        return split != null ? split : lastJoined(s, offset, count);
    }

    /**
     * "滇和医药、鼎福便利和一品鲜果业": 和 inside a name, and the list's last two names joined by 和 (or 与, 跟) after its
     * last 、: the list split at 、 and at that last conjunction only.
     */
    private List<int[]> lastJoined(String s, int offset, int count) {
        int lastComma = s.lastIndexOf('、');
        if (lastComma < 0) {
            return null;
        }
        for (int i = s.length() - 3; i >= lastComma + 3; i--) {
            if ("和与跟".indexOf(s.charAt(i)) >= 0) {
                // Same length, so the names keep their offsets.
                return split(s.substring(0, i) + '、' + s.substring(i + 1), offset, count, LIST_SEP);
            }
        }
        return null;
    }

    /** The names of {@code s} (at {@code offset} in the text) split by {@code separators}, if there are {@code count}. */
    private List<int[]> split(String s, int offset, int count, Pattern separators) {
        List<int[]> out = new ArrayList<>();
        Matcher sep = separators.matcher(s);
        int start = 0;
        while (true) {
            boolean more = sep.find();
            int stop = more ? sep.start() : s.length();
            String raw = s.substring(start, stop);
            // Names the list pairs with figures one to one: a name may be a verb to the segmenter (远航), never a
            // clause (no pronoun, preposition or particle).
            String name = cleanListedName(raw);
            if (name != null && !placeFirst(name) && names.hasFunctionWord(name)
                    && !(separators == LIST_SEP && !names.hasFunctionWord(CONJUNCTIONS.matcher(name).replaceAll("")))) {
                // Split at 、 alone, a 和 left inside a name is the name's (新和轴承).
                name = null;
            }
            if (name == null) {
                return null;
            }
            int at = offset + start + raw.indexOf(name);
            out.add(new int[]{at, at + name.length()});
            if (!more) {
                break;
            }
            start = sep.end();
            if (out.size() > count) {
                return null;
            }
        }
        return out.size() == count ? out : null;
    }

    /**
     * "上海同舟储能", "宁波汇海能源": a place and three or more characters after it, the shape of a company's short
     * name in a list (同 is no preposition there).
     */
    private static boolean placeFirst(String name) {
        int end = cn.newsevents.extraction.text.Places.placeEnd(name, 0, name.length());
        return end > 0 && name.length() - end >= 3;
    }

    /** The name if it can be a company's: a short run of name characters that is not a group, a figure word or a stop word. */
    private String cleanName(String raw) {
        String name = cleanListedName(raw);
        return name == null || names.isCommonWord(name) || names.hasFunctionWord(name) ? null : name;
    }

    private boolean hasRegisteredEnding(String name) {
        for (String suffix : lex.nameSuffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #cleanName} without asking the segmenter: for a name its list shape already marks as one. */
    private String cleanListedName(String raw) {
        // "超越日商某某（11.6%）", "另一台厂某某": a verb of ranking and the trade's origin before the name.
        String name = TRAILING_ADVERB.matcher(ORIGIN.matcher(raw.strip()).replaceFirst("")).replaceFirst("");
        // "其中龙头某某": lead words and a head word before the name are not part of it.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : leadWords) {
                if (name.startsWith(w) && name.length() - w.length() >= 2) {
                    name = name.substring(w.length());
                    changed = true;
                }
            }
        }
        for (String h : headWords) {
            if (name.startsWith(h) && name.length() - h.length() >= 2 && !hasRegisteredEnding(name.substring(h.length()))
                    && h.length() >= 2) {
                name = name.substring(h.length());
                break;
            }
        }
        Matcher trade = ITEM_TRADE.matcher(name);
        if (trade.lookingAt() && name.length() - trade.end() >= 2 && !hasRegisteredEnding(name.substring(trade.end()))) {
            // "光学镜头厂某某光电": the trade of one listed name, written before it.
            name = name.substring(trade.end());
        }
        Matcher aside = CompanyNames.TRAILING_SHORT_NAME.matcher(name);
        if (aside.find() && aside.start() >= 2) {
            // "四川某某股份有限公司(某某窖酒)": the short name in brackets after the full one.
            name = name.substring(0, aside.start());
        }
        if (name.length() > 3 && (name.charAt(0) == '（' || name.charAt(0) == '(')
                && (name.endsWith("）") || name.endsWith(")"))) {
            // "（某某新能）": the short name in brackets after a full one.
            name = name.substring(1, name.length() - 1);
        }
        if (name.length() < 2 || name.length() > (hasRegisteredEnding(name) ? MAX_REGISTERED : 10)
                || A_YEAR.matcher(name).matches() || name.contains("率") || name.charAt(0) == '占') {
            // "，占总装车量30.7%", "，占比69.3%": the verb of a share, no name before it.
            // "不良贷款率1.92%，资本充足率17.8%": ratios, not names.
            // "2021年、2022年和2023年…分别为": years listed, not names.
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!CompanyNames.isNameChar(name.charAt(i))) {
                return null;
            }
        }
        // 江门市某某照明: a keyword inside the place opening the name (门市) is no keyword.
        int placeEnd = cn.newsevents.extraction.text.Places.placeEnd(name, 0, name.length());
        if (!hasRegisteredEnding(name) && namesFigure(name, placeEnd) || CHANGE.matcher(name).find()
                || lex.anaphors.contains(name)
                || name.endsWith("有") && lex.anaphors.contains(name.substring(0, name.length() - 1))
                || CompanyNames.COUNTED_COMPANIES.matcher(name).find()) {
            return null;
        }
        for (String w : lex.aggregateWords) {
            if (name.contains(w)) {
                return null;
            }
        }
        for (String w : lex.scopeWords) {
            if (name.equals(w)) {
                return null;
            }
        }
        return name;
    }

    /** Metric words that also close company names as their trade (某某投资, 某某销售). */
    private static final java.util.Set<String> TRADE_KEYWORDS = java.util.Set.of("投资", "销售");

    /**
     * Whether a listed name holds a metric word, so names a figure rather than a company ("营收、净利润分别为…"); a
     * word of investing or selling closing a name after two characters or more is the company's trade (某某投资).
     */
    private boolean namesFigure(String name, int from) {
        for (KeywordScanner.Hit h : keywords.find(name, from, name.length())) {
            if (!(h.end() == name.length() && h.start() >= 2
                    && (lex.purposeKeywords.contains(h.word()) || TRADE_KEYWORDS.contains(h.word())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allPercent(String t, List<int[]> amounts) {
        for (int[] a : amounts) {
            String written = t.substring(a[0], a[1]);
            if (!written.contains("%") && !written.contains("％") && !written.endsWith("成")) {
                return false;
            }
        }
        return true;
    }
}
