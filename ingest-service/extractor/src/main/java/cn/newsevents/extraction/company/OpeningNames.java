package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.normalize.Periods;
import cn.newsevents.extraction.text.Segmenter;
import cn.newsevents.extraction.text.SimplifiedText;

import com.hankcs.hanlp.seg.common.Term;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company a clause or sentence names at its opening (or, for a cataphor, at its close) before what it says of
 * it: "某某科技发布三季报", "某某截至6月底止六个月，…", "岑某在会上透露，集团…", "…——这是某某科技交出的答卷". Each
 * question reads one clause or sentence of the article (or the words opening it, already cut out), checks the span
 * it finds with {@link SpanChecks} and answers the full name the article gave for it ({@link ArticleCompanies}), or
 * null when the opening names no company. It keeps no state of focus: the reader decides what an answer changes.
 *
 * <p>One instance per article, not thread-safe (its {@link SpanChecks} caches answers).
 */
final class OpeningNames {
    /** Where a sentence names, after its figures, whose they are: "——这是", "，正是". */
    private static final Pattern CATAPHOR = Pattern.compile(
            "(?:——|—|[，,])\\s*(?:这就是|这便是|这是|[^，,；;。]{0,16}?的?正是|正是|便是)");
    /** A company's results report, the object of 公布/发布 when a company is the subject. */
    static final Pattern RESULTS_REPORT = Pattern.compile(
            "财报|业绩|年报|季报|半年报|中报|年度报告|季度报告|中期报告|财务报告|营运报告|财务数据|经营数据");
    /**
     * An outlet's dateline opening a paragraph ("某某网讯 ", "某地10日电 ", "某某财经11月20日讯（记者 某某）"): it ends
     * in 讯 or 电 and a space or the reporter's byline in brackets (a name ending in 电 before its stock code is none).
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^[^，。；]{0,30}[讯电](?:[（(](?:记者|通讯员|实习生|编辑)[^）)]{0,20}[)）][\\s\u3000]*|[\\s\u3000]+)");
    /** A verb of speech after a speaker's name, with a place or occasion between: 在会上透露, 则表示, 说. */
    private static final Pattern SPEECH = Pattern.compile("(?:在会上|在会中|会上|在座谈中|也|则|还|亦)?"
            + "(?:说|表示|介绍|透露|指出|称|坦言|分享|谈到|提到|反映|强调|建议|直言|补充)");
    /** Quotation marks and blanks opening a clause before a speaker's name ("”某某坦言"). */
    private static final Pattern CLOSED_QUOTE = Pattern.compile("^[”“\"」「』『\\s]+");
    /** A kind of listed stock before a name: 内房股, 科技股, 濠股 (not 股份). */
    private static final Pattern STOCK_KIND = Pattern.compile("[\\u4e00-\\u9fff]{1,3}股(?!份|东|價|价|票|权|權)");
    /** Units sold or registered: "挂牌796辆", "出货约1.2万台". */
    static final String UNITS_SOLD = "(?:挂牌|领牌|上牌|销售|销量|出货|交车|交付)(?:量|了)?(?:约|近|逾|超过)?"
            + "[0-9.,，万千百]+(?:辆|台|部|架|套|艘)";
    /** What a clause says after a name and its month without a metric word: units sold or registered. */
    private static final Pattern MONTH_COUNT = Pattern.compile(UNITS_SOLD);
    /** What a part of a whole takes after its name and period: "(车用镜头第三季)已占(整体营收)". */
    private static final Pattern PART_OF = Pattern.compile("(?:已经|已|约|約|仅|僅)?(?:占|佔)");
    /** How far into a clause a topic verb may stand after the name (a stock code and a day may come between). */
    private static final int TOPIC_NAME_REACH = 36;
    /** How many characters of a trade may stand between a cataphor (——这是) and the registered name it points to. */
    private static final int CATAPHOR_DESCRIPTOR = 10;
    /** A name in Latin letters in brackets after a Chinese one. */
    private static final Pattern LATIN_ASIDE = Pattern.compile(
            "[（(](?:[\\u4e00-\\u9fff]{2,5}[:：] ?)?[A-Za-z][A-Za-z0-9 .,&'-]{0,20}(?:[:：] ?[A-Za-z0-9.]{1,10})?"
                    + "[A-Za-z0-9 .,&'-]{0,40}[)）]");
    /** The exchange a company files with, ending the words before its verb ("向新交所", "于港交所"). */
    private static final Pattern TO_EXCHANGE = Pattern.compile(
            "(?:向|于|在)(?:香港|新加坡|台湾)?(?:联交所|港交所|新交所|证交所|深交所|上交所|北交所|交易所|证券交易所)$");
    /** A time zone before a time ("北京时间30日", "美东时间11月19日"). */
    private static final Pattern TIME_ZONE = Pattern.compile(
            "(?:北京|美东|美西|美国东部|美国西部|美国|纽约|伦敦|香港|台北|东京|日本|新加坡)时间");
    /** A short name introduced in brackets after a full one: （下称“某某”）, （以下简称某某）. */
    private static final Pattern ALIAS = Pattern.compile(
            "[（(](?:(?:以下简称|以下称|下称|简称)[^（()）]{1,16}|[「“『\"][^」”』\"（()）]{1,12}[」”』\"])[）)]");
    /** A head word that names a trade ("面板厂", "设备厂商", "创新药企") before a company's name. */
    private static final Pattern TRADE_DESCRIPTOR = Pattern.compile("(?:[厂商]|平台|业者|品牌|药企|车企|房企|险企)$");

    private final CompanyLexicon lex;
    private final CompanyNames names;
    private final KeywordScanner keywords;
    private final String t;
    private final ArticleCompanies companies;
    private final List<CompanyNames.Name> registered;
    private final List<SeminarEvent> seminars;
    private final SpanChecks checks;
    private final List<String> leadWords;
    private final KeywordScanner topicVerbWords;
    /** The head words that name a trade (面板厂, 设备厂商), longest first. */
    private final List<String> tradeHeadWords;
    private final List<String> prepositions;

    /**
     * @param keywords  the metric keywords
     * @param t         the article text in simplified characters
     * @param companies the companies the article names
     * @param seminars  the article's seminars, whose participants may speak for their companies
     * @param checks    the checks of candidate spans of this article
     * @param topicVerbWords the verbs of announcing, built once per extractor
     */
    OpeningNames(CompanyLexicon lex, CompanyNames names, KeywordScanner keywords, String t, ArticleCompanies companies,
                 List<SeminarEvent> seminars, SpanChecks checks, KeywordScanner topicVerbWords) {
        this.lex = lex;
        this.names = names;
        this.keywords = keywords;
        this.t = t;
        this.companies = companies;
        this.registered = companies.registered();
        this.seminars = seminars;
        this.checks = checks;
        this.leadWords = CompanyLexicon.longestFirst(lex.leadWords);
        this.topicVerbWords = topicVerbWords;
        this.tradeHeadWords = tradeHeadWords(lex);
        this.prepositions = CompanyLexicon.longestFirst(lex.prepositions);
    }

    private static volatile List<String> tradeHeads;

    /** The head words that name a trade, longest first; filtered once. */
    private static List<String> tradeHeadWords(CompanyLexicon lex) {
        List<String> heads = tradeHeads;
        if (heads == null) {
            heads = CompanyLexicon.longestFirst(lex.headWords).stream()
                    .filter(h -> TRADE_DESCRIPTOR.matcher(h).find()).toList();
            tradeHeads = heads;
        }
        return heads;
    }

    /** The name opening a clause before a topic verb ("黔台酒业发布2023年年报"), else null. */
    String namedBeforeTopicVerb(String clauseLead) {
        boolean coded = clauseLead != null && SpanChecks.hasAny(clauseLead, "（(")
                && CompanyNames.STOCK_CODE.matcher(clauseLead).find();
        if (clauseLead == null || !coded && !topicVerbWords.any(clauseLead, 0, clauseLead.length())) {
            // Most clauses have no verb of announcing and no stock code: nothing to strip or search.
            return null;
        }
        // "某某股份有限公司（下称“某某”）同时披露": the short name it introduces is an aside (and its 称 no verb).
        // "某某科技（YunXi Technology Inc.）北京时间30日早间公布", "某某科技（NASDAQ：ABCD）美东时间19日盘前发布": the
        // name in Latin letters or its exchange and ticker, and the time zone too.
        String lead = TIME_ZONE.matcher(LATIN_ASIDE.matcher(ALIAS.matcher(clauseLead).replaceAll(""))
                .replaceAll("")).replaceAll("");
        // 【本报讯】, "某某网讯 ": a dateline before the name is not counted in the name's reach.
        lead = DATELINE.matcher(lead.substring(lead.lastIndexOf('】') + 1)).replaceFirst("");
        int best = -1;
        for (String v : lex.topicVerbs) {
            int i = lead.indexOf(v);
            if (i >= 0 && lead.startsWith("方面", i + v.length())) {
                // "品牌排名方面，": the verb names what the sentence is about, no company before it.
                continue;
            }
            if (i >= 2 && i <= TOPIC_NAME_REACH && (best < 0 || i < best)) {
                best = i;
            }
        }
        if (coded) {
            // "硬板厂某某电子(6215)受需求疲弱拖累，10月营收…": a listed company's name, known by its stock code;
            // "同日公布业绩的某某物业服务(06698)表现…": also when a verb before it describes the company.
            Matcher code = CompanyNames.STOCK_CODE.matcher(lead);
            if (code.find() && code.start() >= 2 && code.start() <= TOPIC_NAME_REACH
                    && (best < 0 || best < code.start() && lead.lastIndexOf('的', code.start()) > best)) {
                best = code.start();
            }
        }
        if (best < 0) {
            return null;
        }
        String opening = lead.substring(0, best);
        // A dateline in brackets before the name ("【记者某某／台北报导】").
        opening = opening.substring(opening.lastIndexOf('】') + 1);
        // "某某网讯 某某股份…发布": an outlet's dateline before the name.
        opening = DATELINE.matcher(opening).replaceFirst("");
        // "某某控股昨天向新交所报备": the exchange it files with, after the name and its time.
        opening = TO_EXCHANGE.matcher(opening).replaceFirst("");
        // "某某集团(02187)昨(20日)公布": the day, after the name.
        opening = SpanChecks.DAY_ASIDE.matcher(opening).replaceAll("");
        String name = SpanChecks.withoutTrailingTime(opening);
        name = SpanChecks.hasAny(name, "（(") ? CompanyNames.STOCK_CODE.matcher(name).replaceAll("") : name;
        Matcher aside = CompanyNames.TRAILING_SHORT_NAME.matcher(name);
        if (aside.find() && name.substring(0, aside.start()).contains(aside.group(1))) {
            // "某某教育集团有限公司（某某教育）": the short name in brackets after the full one.
            name = name.substring(0, aside.start());
        }
        // "被动元件厂某某科技": a descriptor of the trade before the name (not a registered ending: 某某企业集团;
        // other head words such as 企业 are inside many names: 某某企业管理).
        for (String h : tradeHeadWords) {
            int i = name.lastIndexOf(h);
            if (i >= 0 && name.length() - (i + h.length()) >= 2 && !checks.opensWithSuffix(name, i + h.length())) {
                name = name.substring(i + h.length());
                break;
            }
        }
        // "内房股某某置地", "濠股某某": the kind of stock it is, before the name.
        Matcher stock = STOCK_KIND.matcher(name);
        if (stock.lookingAt() && name.length() - stock.end() >= 2) {
            name = name.substring(stock.end());
        }
        // "某某同步公布", "某某亦公布": an adverb between the name and its verb; "另一台厂某某排名第五": its origin.
        name = checks.withoutTrailingAdverb(name);
        // "某某同日亦公布": a time before the adverb.
        name = SpanChecks.withoutTrailingTime(name);
        // "某某旗下上市附属公司某某供应链公布": the name after the last preposition (子公司, 根据…).
        for (String w : prepositions) {
            int i = name.lastIndexOf(w);
            if (i >= 0 && name.length() - (i + w.length()) >= 2) {
                name = name.substring(i + w.length());
            }
        }
        // "同属电源供应链的某某科技（6481）表现平淡": what the sentence says of the company, before 的.
        int described = name.lastIndexOf('的');
        if (described >= 0 && name.length() - described - 1 >= 2) {
            name = name.substring(described + 1);
        }
        // "连锁餐饮集团某某餐饮": a group of a trade, before the name.
        name = names.withoutTradeGroup(name);
        // "本地建材商某某控股有限公司宣布": a registered name ending the opening is the name, without the words
        // the name table leaves before it.
        List<CompanyNames.Name> inOpening = names.registered(name, 0, name.length());
        if (!inOpening.isEmpty() && inOpening.get(inOpening.size() - 1).end() == name.length()
                && inOpening.get(inOpening.size() - 1).start() > 0) {
            name = inOpening.get(inOpening.size() - 1).name();
        }
        Matcher origin = FigureLists.ORIGIN.matcher(name);
        if (origin.find() && name.length() - origin.end() >= 2) {
            name = name.substring(origin.end());
        }
        // "某某公司副总某某表示": the company is the part before its executive's title.
        int firstTitle = lex.firstTitle(name);
        if (firstTitle >= 0 && firstTitle < 2) {
            // "行政总裁某某表示": a post opening the sentence names no company (行政 is part of the post).
            return null;
        }
        if (firstTitle >= 0) {
            name = name.substring(0, firstTitle);
            // "某某精工相关负责人": which of the company's people, not part of its name.
            if (name.length() >= 4 && (name.endsWith("相关") || name.endsWith("有关"))) {
                name = name.substring(0, name.length() - 2);
            }
        }
        if (lex.anaphors.contains(name) || lex.headWords.contains(name)) {
            // "公司董事会秘书某某透露": the company already in focus.
            return null;
        }
        if (!CompanyNames.balanced(name)) {
            // 1234）昨日公布: the tail of an aside whose colon split the clause, not a name.
            return null;
        }
        if (!names.looksLikeName(name) || checks.hasAggregate(name)) {
            // "上述两家公司均表示": no name, or a group of companies (read before the segmenter is asked about it).
            return null;
        }
        // "某某服务同日公布中期业绩": 服务 ending a name before a verb of announcing is part of it (a property
        // manager's name), not the verb that ends a subject.
        boolean serviceName = name.length() >= 4 && name.endsWith("服务")
                && !checks.hasStopWord(name.substring(0, name.length() - 2));
        if (checks.hasStopWord(name) && !serviceName) {
            return null;
        }
        if (checks.functionWord(name) && !lex.isCompanyOrganization(name)) {
            // "同样公布10月营收的…": an adverb opening the sentence, not a name.
            return null;
        }
        // A person announces too ("张明表示"); only a company publishes its results ("某某公布上半年财报").
        boolean results = RESULTS_REPORT.matcher(lead).region(best, lead.length()).find();
        // "南充还举行了…签约仪式": a place holding an event is no company.
        if (!results && checks.isPersonName(name) || checks.isPlace(name) || checks.isParticipant(name)) {
            return null;
        }
        return name;
    }

    /**
     * "岑某在会上透露，集团…", "朱某说，企业全年…": a seminar participant from a company opening the clause with a
     * verb of speech; what the clauses after it say of 集团 or 企业 is that company's.
     */
    String speakersCompany(String clauseLead) {
        if (seminars.isEmpty()) {
            // Only a participant of the article's seminars speaks for a company here.
            return null;
        }
        // "”某某坦言，公司去年营收…": a quotation closed before the speaker.
        String lead = CLOSED_QUOTE.matcher(clauseLead).replaceFirst("");
        for (SeminarEvent s : seminars) {
            for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                if (p.name() == null || p.organization() == null) {
                    continue;
                }
                String name = SimplifiedText.of(p.name());
                if (!lead.startsWith(name)) {
                    continue;
                }
                Matcher said = SPEECH.matcher(lead).region(name.length(), Math.min(lead.length(), name.length() + 8));
                if (!said.lookingAt()) {
                    continue;
                }
                for (String org : SimplifiedText.of(p.organization()).split("、")) {
                    if (lex.isCompanyOrganization(org) || checks.isBusiness(org)) {
                        return companies.resolve(org, 0);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The first organization HanLP recognises in the sentence before a figure whose subject is left implicit
     * ("华光重工深耕锻件领域20多年，外销占比约30%"). Only such candidate sentences are segmented.
     */
    String organizationBefore(int sentenceStart, int end) {
        if (end - sentenceStart < 2) {
            return null;
        }
        List<Term> terms = Segmenter.ENTITIES.seg(t.substring(sentenceStart,
                Math.min(end, sentenceStart + FigureSubjects.SUBJECT_WINDOW)));
        for (Term term : terms) {
            String nature = term.nature == null ? "" : term.nature.toString();
            if (nature.startsWith("nt")) {
                // "目前我们全集团": an organisation the segmenter joins from a pronoun and a reference back is
                // not a name.
                return names.looksLikeName(term.word) && !checks.hasAggregate(term.word)
                        && !lex.anaphors.contains(term.word) && !checks.functionWord(term.word)
                        ? companies.resolve(term.word, sentenceStart) : null;
            }
            // Only the sentence subject counts: times, numbers, punctuation and lead words may come first.
            boolean skippable = nature.startsWith("t") || nature.startsWith("m") || nature.startsWith("w")
                    || nature.startsWith("q") || lex.leadWords.contains(term.word);
            if (!skippable) {
                return null;
            }
        }
        return null;
    }

    /**
     * The company a sentence names after its figures ("营收从…跃升至38.2亿元——这是某某科技有限公司交出的答卷",
     * "…，成长最快的正是某某精密"), with where it is written; null when the sentence has none.
     */
    CompanyNames.Name cataphor(int from, int to) {
        if (!SpanChecks.hasAny(t.substring(from, to), "是")) {
            return null;
        }
        Matcher m = CATAPHOR.matcher(t).region(from, to);
        if (!m.find()) {
            return null;
        }
        int at = m.end();
        for (int i = companies.firstRegisteredFrom(at); i < registered.size()
                && registered.get(i).start() - at <= CATAPHOR_DESCRIPTOR; i++) {
            // "——这是伺服器主机板厂某某电子股份有限公司…": a registered name, after the words of its trade at most.
            int start = registered.get(i).start();
            int gap = at;
            while (gap < start && CompanyNames.isNameChar(t.charAt(gap))) {
                gap++;
            }
            if (gap == start) {
                return new CompanyNames.Name(at, registered.get(i).end(), registered.get(i).name());
            }
            break;
        }
        int end = at;
        while (end < to && end - at < 12 && CompanyNames.isNameChar(t.charAt(end)) && t.charAt(end) != '的') {
            end++;
        }
        if (end < to && "。！!；;".indexOf(t.charAt(end)) < 0) {
            return null;
        }
        String name = t.substring(at, end);
        if (name.length() < 2 || !names.looksLikeName(name) || names.isCommonWord(name) || checks.functionWord(name)
                || checks.isPersonName(name)) {
            return null;
        }
        String full = companies.resolve(name, at);
        return full.equals(name) && !lex.isCompanyOrganization(name) ? null : new CompanyNames.Name(at, end, full);
    }

    /**
     * "某某截至今年六月底止的六个月，收入为…", "某某去年全年，营收…": a clause that is a name and a period only;
     * the figures in the clauses after it are that company's. Null when the clause is anything else.
     */
    String namedBeforePeriod(int cs, int ce, List<Periods.Mention> mentions) {
        for (Periods.Mention pm : mentions) {
            if (pm.start() <= cs || pm.start() > cs + 12 || pm.start() >= ce) {
                // (A period of a later clause is not this clause's.)
                continue;
            }
            if (pm.period() == null || pm.end() < ce && (!MONTH_COUNT.matcher(t).region(pm.end(), ce).matches()
                    || !keywords.find(t, pm.end(), ce).isEmpty())) {
                // "某驰（Raychi）7月，", "宏某机车2月挂牌1.77万辆，": the name, its month and at most what it sold.
                return null;
            }
            if (PART_OF.matcher(t).region(pm.end(), Math.min(t.length(), pm.end() + 4)).lookingAt()) {
                // "车用镜头第三季已占整体营收约35%": a part of a company's business, not a company.
                return null;
            }
            // "排名第二的某某机车全年挂牌…": the rank before the name.
            String name = SpanChecks.withoutRank(t.substring(cs, pm.start()).strip());
            if (SpanChecks.hasAny(name, "（(")) {
                // "某驰（Raychi）7月挂牌…": the name in Latin letters is an aside.
                name = LATIN_ASIDE.matcher(name).replaceAll("");
            }
            for (String w : leadWords) {
                if (name.startsWith(w) && name.length() - w.length() >= 2) {
                    name = name.substring(w.length());
                    break;
                }
            }
            // "珠宝钟表零售商某某珠宝截至今年3月底止的年度，…": the name after what the company is (a head word alone
            // before the rest is the company in focus: "公司计划今年…").
            String headless = checks.afterHeadWord(name);
            if (!lex.headWords.contains(name.substring(0, name.length() - headless.length()))) {
                name = headless;
            }
            if (checks.standsAlone(name) && !lex.headWords.contains(name) && !checks.isParticipant(name)) {
                return companies.resolve(name, pm.start() - name.length());
            }
            return null;
        }
        return null;
    }

    /** The company of {@code reported} whose name opens {@code [at, ce)} before 的, else null. */
    String reportedOpening(int at, int ce, Set<String> reported) {
        for (String r : reported) {
            if (r.length() >= 2 && at + r.length() < ce && t.startsWith(r, at) && t.charAt(at + r.length()) == '的') {
                return r;
            }
        }
        return null;
    }

    /** Whether a clause opens with a word of two characters or more referring back to the company (公司, 该集团). */
    boolean opensWithAnaphor(String lead) {
        for (String a : lex.anaphors) {
            if (a.length() >= 2 && lead.startsWith(a) && !(lead.length() > a.length()
                    && lex.nameSuffixes.stream().anyMatch(x -> lead.startsWith(x, a.length())))) {
                return true;
            }
        }
        return false;
    }
}
