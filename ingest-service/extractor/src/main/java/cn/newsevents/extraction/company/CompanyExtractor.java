package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;
import cn.newsevents.extraction.text.Captions;
import cn.newsevents.extraction.text.SimplifiedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds company metrics and seminar attendance in an article. Thread-safe.
 *
 * <p>The stages, each a class of this package with its own tests:
 * <ol>
 *   <li>{@link ArticleCompanies}: the companies the article names, and short forms resolved to full names;</li>
 *   <li>{@link SharedFigures}: figures several companies share in one sentence: lists paired by position
 *       ({@link FigureLists}), boards ranked by a metric, and bracketed amounts continuing the figure before;</li>
 *   <li>{@link SeriesLists}: one company's figures listed after 分别, one per year or one per metric;</li>
 *   <li>{@link FigureTables}: figures laid out as a table (rows split by ｜), read by their columns;</li>
 *   <li>this class, clause by clause, keeps the company in focus: a metric rule ({@link CompanyRules}) finds a
 *       keyword and its figure; {@link FigureSubjects} reads the words before them as the company (a registered
 *       name, a short name, or 公司/该公司 referring to the company the paragraph is about); {@link OpeningNames}
 *       reads the names opening a clause (before a verb of announcing or a period, a speaker's company);
 *       {@link SpanChecks} tells whether a span can be a company's name at all; figures of groups of companies,
 *       sectors or regions are not reported;</li>
 *   <li>{@link FigurePeriods}: the period of each figure; {@link FigureCues}: its sign, outlook, growth and rank;
 *       {@link ReportCurrency}: the currency of a bare 元; {@link ComparisonBases}: the earlier period's figure a
 *       comparison gives right after it;</li>
 *   <li>{@link FigureAssembly}: events with ids and evidence, a figure reported twice kept once;</li>
 *   <li>{@link SeminarAttendance}: companies whose people took part in a seminar.</li>
 * </ol>
 */
public final class CompanyExtractor {
    private static final Pattern TOPIC_AFTER = Pattern.compile("(?:的是|当属|要数|首推|就是|的还有)([^，,；;：:。]{2,24})$"
            // "同日披露半年报的某某新材则交出了一份增长的成绩单": the company handing in its results.
            + "|的([^，,；;：:。的]{2,12}?)(?:则|也|亦|同样)?交出了?[^，,；;：:。]{0,12}(?:成绩单|答卷)$");
    /** Words one of which ends every match of {@link #TOPIC_COPULA}, tested first. */
    private static final List<String> COPULA_ENDS = List.of("企业", "企業", "公司", "厂商", "廠商", "厂家", "廠家",
            "药企", "藥企", "车企", "車企", "龙头", "龍頭", "之一");
    /** Words one of which ends the second form of {@link #TOPIC_AFTER}. */
    private static final List<String> HANDED_ENDS = List.of("成绩单", "答卷");
    /** A clause that says what a company is: "(排名第二的)某某医药是…唯一盈利的企业". */
    private static final Pattern TOPIC_COPULA = Pattern.compile(
            "(?:^|的)([^，,；;：:。的是]{2,10})(?:是|为|為)[^，,；;：:。]{0,24}(?:企业|企業|公司|厂商|廠商|厂家|廠家|药企|藥企|车企|車企|龙头|龍頭)(?:之一)?$");
    /** A clause ending in a trade descriptor and a name after 的 ("…的被动元件厂某某科技", "…的另一家连锁药房某某"). */
    private static final Pattern DESCRIBED_TOPIC = Pattern.compile("的[^，,；;：:。的]{0,10}?(?:厂商?|供应商|发展商|投资商|开发商|运营商|制造商|经销商|代理商|服务商|同行|同业|药房|药店|药企|车企|房企|险企)([^，,；;：:。的厂商]{2,10})$");
    /** 以某某为例, 以去年排名第六的某某为例: a company given as an example. */
    private static final Pattern EXAMPLE = Pattern.compile("以(?:[^，,。；;]{0,14}的)?([\\u4e00-\\u9fff]{2,12}?)为例");
    /** An anchor for reading periods out of context: any written year resolves, a relative one to 2000's. */
    private static final Periods.Anchor ANY_YEAR = new Periods.Anchor(2000, null, null);
    /** A clause that is a name and the units it sold or registered: "风行电动挂牌796辆". */
    private static final Pattern NAMED_UNITS = Pattern.compile("\\s*([\\u4e00-\\u9fff]{2,12}?)"
            + "(?:全年|当月|单月|[0-9]{1,2}月)?" + OpeningNames.UNITS_SOLD);
    /** A clause giving the cause of a change: 主因…, 由于…. */
    private static final Pattern CAUSE = Pattern.compile("\\s*(?:主因|主要因为|主要是因为|主要由于|由于|因为|因|受(?!惠|益))");
    /**
     * A clause opening with the company it speaks of ("第五名是某某", "某某则…", "至于(…的)某某", "据某某年报"); 则 ending
     * a word (准则, 原则, 规则) is no conjunction ("按企业会计准则，…").
     */
    private static final Pattern TOPIC_OPENER = Pattern.compile(
            "(?:而|但)?(?:(?:排名)?第[一二三四五六七八九十0-9]{1,3}(?:名|位)?(?:的)?(?:是|为)([\\u4e00-\\u9fff]{2,10})(?=[，,；;。]|$)"
                    + "|(?:[\\u4e00-\\u9fff]{0,3}?(?:厂商|企业|品牌|厂|一哥|二哥|三哥|龙头|连锁店|零售商))?([\\u4e00-\\u9fff]{2,8}?)"
                    // "药妆连锁店某某药房同期就逆市向好": 就 of a contrast, as Hong Kong reports write it.
                    + "(?:同期|同年)?(?:(?<![准规原细法守否总实])则|亦|受|凭借|凭着|就(?=逆市|受惠|录得|錄得|表现|錄|升|跌|增|减))(?!为|是)"
                    + "|至于(?:[^，,；;。]{0,16}?的)?([\\u4e00-\\u9fff]{2,8})$"
                    + "|(?:据|根据)([\\u4e00-\\u9fff]{2,10}?)(?:发布的|公布的|披露的)?(?:年报|半年报|三季报|一季报|季报|财报|公告)(?=[，,]|$)"
                    + "|另一家[^，,；;。]{0,10}?(?:厂|厂商|企业|公司|业者)([\\u4e00-\\u9fff]{2,8}?)(?:$|则)"
                    // "同为器械企业的某某医疗则有所承压": what the company is, then its name.
                    + "|(?:同为|作为|身为)[^，,；;。]{1,12}的([\\u4e00-\\u9fff]{2,8}?)(?:则|亦))");
    /**
     * A clause that is a company's trade and its name only: "至于散装航运业者某某航运", "同样以中部为据点的连锁超市某某百货";
     * or they and how it fares: "新锐品牌某某增长势头迅猛".
     */
    private static final Pattern DESCRIBED_NAME = Pattern.compile(
            "(?:至于|同样|而|另外|此外)?[^，,；;。：:]{0,16}?(?:业者|厂商|大厂|龙头企业|连锁超市|超市|百货|供应商|运营商|经营商"
                    + "|开发商|制造商|零售商|新锐品牌|新晋品牌|国产品牌)"
                    + "(?:([\\u4e00-\\u9fff]{2,6}?)(?:增长势头|增速|表现|逆势|异军突起|势头)[^，,；;。]{0,8}|([\\u4e00-\\u9fff]{2,8}))");
    /**
     * The trade words of {@link #DESCRIBED_NAME}: a clause holding a last character of them but none of the words
     * (企业, 市场, 业绩) cannot match either.
     */
    private static final List<String> DESCRIBED_TRADES = List.of("业者", "厂商", "大厂", "龙头企业", "连锁超市", "超市",
            "百货", "供应商", "运营商", "经营商", "开发商", "制造商", "零售商", "新锐品牌", "新晋品牌", "国产品牌");
    /**
     * The last characters of {@link #DESCRIBED_TRADES}: a clause holding none of them cannot match, and most clauses
     * hold none (tested before the pattern).
     */
    private static final String DESCRIBED_TRADE_ENDS = DESCRIBED_TRADES.stream()
            .map(w -> w.substring(w.length() - 1)).distinct().collect(java.util.stream.Collectors.joining());
    /** The counters ending every match of {@link #NAMED_UNITS} ("…挂牌796辆"): a clause ending otherwise is none. */
    private static final String UNIT_COUNTERS = "辆台部架套艘";
    /** The first characters of the verbs of visiting opening {@link #VISITED} (走访, 参观, 调研, 考察, 走进, 来到). */
    private static final String VISIT_FIRSTS = "走参调考来";
    /** A clause that is a place visited, "在某某智能装备". */
    private static final Pattern AT_COMPANY = Pattern.compile("在([\\u4e00-\\u9fff]{2,14})");
    /** How long a clause that is a trade and a name can be. */
    private static final int DESCRIBED_REACH = 28;
    /** Companies counted above a threshold, after the amount: "(超过10亿元)的有3家", "(以上)的企业达12家". */
    private static final Pattern COUNTED_ABOVE = Pattern.compile("(?:以上|以下)?的(?:(?:[\\u4e00-\\u9fff]{0,4}(?:企业|公司|厂商|厂家|单位))?"
            + "(?:有|达|达到|共有|共|为|增至)?[0-9一二两三四五六七八九十百]{1,4}(?:家|户)"
            // "营收超千亿元的企业仍是空白": the companies above a threshold, however many.
            + "|(?:民营|规上|工业|制造业|上市)?(?:企业|公司)(?:仍|还|已|共|有|达|数量|个数|家数|[，,。；;]))");
    /** 连续第三年研发投入超过10亿元: a streak of years above a threshold, not a figure of one period. */
    private static final Pattern STREAK = Pattern.compile("连续(?:第)?[0-9一二三四五六七八九十两]{1,2}年");
    /** 海外市场（主要为东南亚）收益, 内地业务收入, 内地业务以人民币计营业额: a segment's revenue, not the company's. */
    private static final Pattern SEGMENT = Pattern.compile(
            "(?:海外|境外|国内|内地|本地|地区|市场|业务|分部|板块|相关)(?:市场|业务)?(?:[（(][^）)]{0,12}[)）])?(?:的)?"
                    + "(?:以[^，,。；;]{1,6}计)?$");
    /** A company visited, its name before the place in it: "走访了某某工具数字化车间". */
    private static final Pattern VISITED = Pattern.compile(
            "(?:走访|参观|调研|考察|走进|来到)了?([\\u4e00-\\u9fff]{2,16}?)(?:的)?(?:数字化|智能化|生产|装配|研发)?(?:车间|生产线|产线|厂区|展厅|基地|工厂|园区)");
    /** Words after a counted keyword that make the count one of people or posts there ("60个门市储备干部职缺"). */
    private static final Pattern COUNTED_ROLE = Pattern.compile("储备|干部|职缺|职位|岗位|人员|店长|员工");
    /**
     * A period and a figure after a verb of reaching or after 累计 ("前2月累计7.12亿元"), making a clause: see
     * {@code continuedForPeriod}.
     */
    private static final Pattern PERIOD_THEN_FIGURE = Pattern.compile("(?:而|但|其中)?[^，,；;。：:]{2,14}?"
            + "(?:(?:累计|累計)(?:已经|已|也|则|則)?(?:达到|达|達到|達|为|為|突破|超过|超過|录得|錄得)?"
            + "|(?:已经|已|也|则|則)?(?:达到|达|達到|達|为|為|突破|超过|超過|录得|錄得))(?<amount>" + Amounts.REGEX
            + ")(?=$|[，,；;。])");
    /** "这两项数据分别为", "上述三项指标分别是": the metrics of a list named before, again. */
    private static final Pattern LISTED_AGAIN = Pattern.compile(
            "(?:这|該|该|上述|以上)(?:两|兩|二|三|四)项(?:数据|指标|數據|指標)?(?:则|則)?(?:分别|分別)(?:为|為|是|录得|錄得)?");
    /** An amount, perhaps after a minus sign. */
    private static final Pattern SIGNED_AMOUNT = Pattern.compile("(?<minus>[-－−])?(?<amount>" + Amounts.REGEX + ")");
    /** A figure after a verb of having or reaching, with an empty keyword: see {@code headedFigure}. */
    private static final Pattern HEADED_FIGURE = Pattern.compile("(?:共有|共计|合计|拥有|经营|开设|设有|有|达到|达|为|录得"
            + "|以(?=[^，,；;。]{1,16}(?:位居|居|位列|排名|列)))"
            + "(?<kw>)(?<amount>" + Amounts.REGEX + ")");
    /** A sentence opening a breakdown of the company's figures: 分产品看, 按业务划分, 分地区来看. */
    private static final Pattern BREAKDOWN = Pattern.compile(
            "(?:分|按|从)(?:产品|业务|板块|地区|区域|品类|产品线|行业|渠道)(?:结构)?(?:来?看|而言|划分|分)");
    /** A figure restated in another currency, the words before its amount: "营收约合新台币867亿元". */
    private static final Pattern CONVERTED_BEFORE = Pattern.compile("(?:约合|折合|合计约合|换算成|相当于)[^，,；;。0-9]{0,6}$");
    private static final int CONVERTED_REACH = 12;
    /** "旗下路氹及半岛物业的中场博彩收益": a business of the company in focus, not a company. */
    /** A sentence opening with a name and a condition it is in ("某某生物尚处于…", "某某科技仍未…"). */
    private static final Pattern NAME_STATE = Pattern.compile("([\\u4e00-\\u9fff]{2,8}?)(?:尚|仍|还|正|目前|依然|一直|已)"
            + "(?:处于|處於|处在|處在|在|是|未|无|無|没有|沒有)");
    /** A demonstrative reference to one company ("该公司", "这家企业"). */
    private static final Pattern DEMONSTRATIVE = Pattern.compile("(?:该|該|这家|這家)(?:公司|企业|企業|集团|集團)");
    /** A clause describing a company by what it published, its name last: "同日公布季报的深股某某新材". */
    private static final Pattern ANNOUNCER = Pattern.compile("(?:同日|同时|同時|同样|同樣|同期|当天|當天|当日|當日|另外|此外)?"
            + "(?:也|亦)?(?:公布|公佈|披露|发布|發布|发表|發表)[^，,；;。的]{0,10}的(?:[\\u4e00-\\u9fff]{1,2}股)?"
            + "([\\u4e00-\\u9fff]{2,8})");
    /** A speaker's caption in a transcript, the post in brackets after the name: "【某某（某某公司总经理）】". */
    private static final Pattern SPEAKER_CAPTION = Pattern.compile("\\s*【[\\u4e00-\\u9fff]{2,4}[（(]([^）)】]{3,30})[）)]】");
    /** A company's report or results, named as what a clause speaks of ("某某医药的一季报", "某某交出的成绩单"). */
    private static final Pattern REPORT_OF = Pattern.compile("([\\u4e00-\\u9fff]{2,10}?)(?:的(?:(?:19|20)[0-9]{2}年)?"
            + "(?:年报|年報|半年报|半年報|中报|中報|[一三]季报|[一三]季報|财报|財報|年度报告|年度報告|业绩|業績|成绩单|成績單)"
            // "某某科技交出的一季度成绩单是：营收…": what the company handed in.
            + "|(?:交出|递交|遞交)(?:了)?的)");
    private static final Pattern OWNED_UNIT = Pattern.compile("旗下[^，,；;。]{0,20}的$");
    private static final int OWNED_UNIT_REACH = 24;
    /** How far before a keyword the words opening a breakdown may stand. */
    private static final int BREAKDOWN_REACH = 60;
    static final String CLAUSE_BREAKS = "，,；;：:\n";
    static final String SENTENCE_BREAKS = "。！？!?\n";
    private static final int RULE_WINDOW = 40;
    /** How much of a paragraph's start is its opening, where the company it speaks of is named. */
    private static final int PARAGRAPH_OPENING = 40;
    /** Verbs whose object a company named after them is (进入某某公司供应商名录, 中标某某公司项目). */
    private static final Pattern OBJECT_VERB = Pattern.compile("进入|成为|加入|中标|入选|签约|携手|收购|并购|起诉|供货给|供应给");
    /**
     * "记者从某某有限公司获悉": the company the news came from; when another is in focus already (its parent group), the
     * news is about that one.
     */
    private static final Pattern SOURCE_AFTER = Pattern.compile("(?:获悉|了解到|得知|获得消息)");
    /** A subsidiary word right before its registered name ("全资附属公司某某工程有限公司"). */
    private static final Pattern SUBSIDIARY_BEFORE = Pattern.compile("(?:附属公司|子公司)$");
    /** Verbs of reporting a figure, right before a bare keyword such as 收入. */
    private static final Pattern REPORTING_VERB = Pattern.compile("(?:录得|实现|取得|贡献|錄得|實現|貢獻)$");
    /** What an amount spent is for, right after it: building or equipping a site. */
    private static final Pattern PURPOSE = Pattern.compile("[，,]?(?:用于|用於|在|于|於)?[\\u4e00-\\u9fff]{0,8}?"
            + "(?:兴建|興建|新建|扩建|擴建|建设|建設|建造|设厂|設廠|建厂|建廠|购置|購置|升级|升級|打造|投建)");
    /** Words of a change in a count before its keyword ("新增客户", "新开门店", "净增用户"). */
    private static final Pattern ADDED = Pattern.compile(
            "新增|增设|增設|收购|收購|并购|併購|新開|新开|新签|新簽|新招|净增|淨增|新拓展|新设|新設|新发展|新發展|新拓|关闭|關閉|关停|關停|净减|淨減|裁减|裁減|裁员|裁員|撤出|结业|結業");
    /** Words of a sum between a keyword and its figure ("研发投入合计…"). */
    private static final Pattern SUMMED = Pattern.compile("合计|合計|总计|總計|总和|總和");
    /** The figure right after a threshold it crossed: "，达到812.4亿元", "，达812亿元", "，为812亿元". */
    private static final Pattern REACHED = Pattern.compile("(?:大关|大關|关口|關口)?[，,]\\s*(?:达到|达|为|至)(" + Amounts.REGEX + ")");
    /** How far a bracket holds its colons and commas inside one clause. */
    static final int BRACKET_REACH = 20;

    private final CompanyLexicon lex = CompanyLexicon.get();
    private final CompanyNames names = new CompanyNames(lex);
    private final CompanyRules rules = new CompanyRules(lex);
    private final KeywordScanner leadScanner = new KeywordScanner(lex.leadWords);
    private final KeywordScanner topicVerbWords = new KeywordScanner(lex.topicVerbs);
    private final KeywordScanner keywords = new KeywordScanner(lex.keywords.keySet());
    private final FigureLists lists = new FigureLists(lex, names, keywords);
    private final SeriesLists seriesLists = new SeriesLists(lex);
    private final SeminarAttendance attendance = new SeminarAttendance(lex);

    /**
     * @param article    the article; evidence offsets index {@code article.text()}
     * @param simplified {@code article.text()} in simplified characters, same length
     * @param seminars   the seminars already found, for attendance events
     */
    public List<CompanyEvent> extract(Article article, String simplified, List<SeminarEvent> seminars) {
        List<SeminarEvent> sems = seminars == null ? List.of() : seminars;
        List<CompanyEvent> out = new ArrayList<>(new Reader(article, simplified, sems).metrics());
        out.addAll(attendance.events(article, simplified, sems));
        return out;
    }

    /** Metric extraction state for one article. */
    private final class Reader {
        private final Article article;
        private final String t;
        private final List<SeminarEvent> seminars;
        private final List<CompanyNames.Name> registered;
        /** The subsidiary the text turned to (该子公司) and its parent, until 公司 returns to the parent. */
        private final FigureSubjects.SubsidiaryFocus focus = new FigureSubjects.SubsidiaryFocus();
        /** The company the latest figure was reported for. */
        private String lastReported;
        /** The companies figures were reported for in the paragraph read last. */
        private final Set<String> previousParagraphReported = new LinkedHashSet<>();
        private final ArticleCompanies companies;
        private final FigureAssembly figures;
        private final FigureCues cues;
        private final FigurePeriods periods;
        /** Whether a span cut out of a clause can be a company's name; caches its answers for this article. */
        private final SpanChecks checks;
        /** The company a clause names at its opening (or a sentence at its close). */
        private final OpeningNames openings;
        /** Whose a figure is, from the words before it. */
        private final FigureSubjects subjects;
        /**
         * The company carried into the current paragraph only because earlier paragraphs named it (no figure of
         * its own yet): it owns figures whose subject is written (公司, 其…), not bare figures ("总投资额达150亿元"
         * after a visit to that company).
         */
        private String inherited;
        /** The distinct companies named so far (registered names before the paragraph, owners of figures). */
        private final List<String> named = new ArrayList<>();
        private int registeredSeen;
        /** The last figure reported: a list of bracketed amounts right after it continues its metric. */
        private FigureAssembly.Figure lastFigure;
        /** The companies that own a figure reported so far (at most a few dozen in real articles). */
        private final Set<String> reported = new HashSet<>();
        /** Where the amounts read by a metric rule start: one amount is one figure. */
        private final Set<Integer> emittedAmounts = new HashSet<>();
        /** The companies that announced their results (某某公布第三季业绩): later paragraphs report on them. */
        private final Set<String> announced = new HashSet<>();
        /** The figures comparisons after a reported figure give for earlier periods. */
        private final ComparisonBases bases;
        /** Figures several companies share in one sentence; it knows which amounts it reported. */
        private final SharedFigures shared;
        private final int publicationYear;
        /** The currency of a bare 元: New Taiwan dollars in articles that price in 新台币 and never in 人民币. */
        private final Unit defaultCurrency;
        /** The paragraph is what a captioned speaker says: 我们 is the caption's company. */
        private boolean captionSpeech;
        /** The company the headline names, for a body that names none. */
        private final String headlineCompany;
        /** The metrics of the latest list per metric, whose company, and the end of its paragraph. */
        private List<Metric> listedMetrics;
        private String listedFor;
        private int listedUntil;
        /** The metric a heading named ("门店数目方面，"), for the figures without a keyword up to {@link #headingUntil}. */
        private Metric headingMetric;
        private int headingUntil;

        Reader(Article article, String simplified, List<SeminarEvent> seminars) {
            this.article = article;
            this.t = simplified;
            this.seminars = seminars;
            this.checks = new SpanChecks(lex, names, keywords, seminars);
            this.cues = new FigureCues(lex, rules, simplified);
            this.periods = new FigurePeriods(simplified);
            int body = Math.min(Math.max(article.bodyOffset(), 0), t.length());
            this.companies = new ArticleCompanies(lex, names, t, body, seminars);
            this.figures = new FigureAssembly(article, companies::reportedAs);
            this.registered = companies.registered();
            this.openings = new OpeningNames(lex, names, keywords, t, companies, seminars, checks, topicVerbWords);
            this.subjects = new FigureSubjects(lex, names, t, companies, checks);
            String bodyText = t.substring(body);
            defaultCurrency = ReportCurrency.of(article.text().substring(body), bodyText);
            publicationYear = publicationYear();
            bases = new ComparisonBases(lex, rules, keywords, t, periods, cues, publicationYear, defaultCurrency);
            shared = new SharedFigures(lex, keywords, lists, t, companies, periods, cues, defaultCurrency);
            headlineCompany = headlineFocus(headlineCompany(body), body);
        }

        /**
         * The company a body that never writes the headline's name reports on: the full name of the body that the
         * headline's short form abbreviates (the same first two characters: 某某酒店集团 for 某某酒店娱乐集团有限公司),
         * else the headline's name. Null when the body writes the name again, or its first four characters: it is
         * found there, where it is written.
         */
        private String headlineFocus(String headline, int body) {
            if (headline == null || headline.length() < 3 || t.indexOf(headline, body) >= 0) {
                return null;
            }
            for (CompanyNames.Name r : registered) {
                if (r.start() >= body && r.name().startsWith(headline.substring(0, 2))) {
                    return r.name();
                }
            }
            // "某某光电法说会": a name the body writes in a shorter or longer form is found there.
            return t.indexOf(headline.substring(0, Math.min(4, headline.length())), body) < 0 ? headline : null;
        }

        /**
         * The company a headline names before its first metric word or its verb of announcing ("某某微电子前三季度净利润
         * 增长18%", "某某科技发布三季报"), or null. A body that never names its company ("公司实现营业收入…") reports
         * on this one.
         */
        private String headlineCompany(int body) {
            int end = t.indexOf('\n');
            end = end < 0 || end > body ? body : end;
            if (end <= 0) {
                return null;
            }
            int cs = 0;
            int ce = end;
            for (int i = 0; i < end; i++) {
                if (CLAUSE_BREAKS.indexOf(t.charAt(i)) >= 0 || Character.isWhitespace(t.charAt(i))) {
                    ce = i;
                    break;
                }
            }
            List<KeywordScanner.Hit> hits = keywords.find(t, cs, ce);
            if (!hits.isEmpty()) {
                Subject subject = subject(cs, hits.get(0).start());
                if (subject.kind() == Subject.Kind.NAMED && !checks.isPlace(subject.name())) {
                    return subject.name();
                }
            }
            return openings.namedBeforeTopicVerb(t.substring(cs, ce));
        }

        List<CompanyEvent> metrics() {
            int body = Math.min(Math.max(article.bodyOffset(), 0), t.length());
            int month = article.publishedAt() == null ? 0 : article.publishedAt().getMonthValue();
            Periods.Anchor anchor = new Periods.Anchor(publicationYear, month, null, null, null);
            int p = body;
            int previousLine = -1;
            FigureTables tables = new FigureTables(lex, keywords, checks, companies, t);
            while (p < t.length()) {
                int end = t.indexOf('\n', p);
                end = end < 0 ? t.length() : end;
                if (end > p && FigureTables.isRow(t, p, end) && end < t.length()
                        && FigureTables.isRow(t, end + 1, lineEnd(end + 1))) {
                    // A table: its header row and the rows after it are read by their columns, not as sentences.
                    List<FigureAssembly.Figure> rows = new ArrayList<>();
                    int tableEnd = tables.read(previousLine, p, end, anchor, anchor.latest(), defaultCurrency, rows);
                    if (tableEnd >= 0) {
                        rows.forEach(this::store);
                        previousLine = -1;
                        p = tableEnd + 1;
                        continue;
                    }
                }
                if (end > p) {
                    List<Periods.Mention> mentions = Periods.find(t, p, end, anchor);
                    periods.carry(anchor.latest());
                    // A period in an aside with its own figure ("（上年榜单中其营收为2108.5亿元）") sets no context
                    // for the paragraphs after it.
                    anchor = Periods.advance(anchor, mentions.stream().filter(m -> !periods.inAside(m)).toList());
                    paragraph(p, end, mentions);
                    anchor = anchor.nextParagraph();
                    previousLine = p;
                }
                p = end + 1;
            }
            return figures.events();
        }

        private int lineEnd(int from) {
            int end = t.indexOf('\n', from);
            return end < 0 ? t.length() : end;
        }

        private int publicationYear() {
            if (article.publishedAt() != null) {
                return article.publishedAt().getYear();
            }
            Matcher m = Pattern.compile("(?:19|20)[0-9]{2}(?=年)").matcher(t);
            int max = 0;
            while (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group()));
            }
            return max;
        }

        /** The period expressions of the paragraph being read. */
        private List<Periods.Mention> paragraphMentions;

        private void paragraph(int from, int to, List<Periods.Mention> mentions) {
            paragraphMentions = mentions;
            // An article that so far named one company only (by its registered name or as the owner of its
            // figures) keeps it in focus in its next paragraphs ("研发方面，公司前三季度研发投入…").
            // Kept incrementally (at most two names are ever held) so that the cost stays linear in the text.
            while (registeredSeen < registered.size() && registered.get(registeredSeen).start() < from) {
                if (named.size() < 2) {
                    addDistinct(named, registered.get(registeredSeen).name());
                }
                registeredSeen++;
            }
            String topic = named.size() == 1 ? named.get(0) : null;
            if (topic == null && named.size() == 2 && focus.subsidiaries.size() == 1 && named.containsAll(focus.subsidiaries)) {
                // A listed company and the subsidiary it reported on: the paragraphs after speak of the company.
                topic = named.get(0).equals(focus.subsidiaries.iterator().next()) ? named.get(1) : named.get(0);
            }
            if (topic == null && previousParagraphReported.size() == 1 && announced.size() == 1
                    && !announced.contains(previousParagraphReported.iterator().next())
                    && !opensWithReported(from, to)) {
                // "另一边厢，某某物流集团中期转盈为亏…。\n截至6月底，集团僱员总数为…": the company the paragraph before
                // reported on, not the one that published first.
                topic = previousParagraphReported.iterator().next();
            } else if (topic == null && announced.size() == 1) {
                // The one company that published its results stays in focus when others (its customers, its
                // peers) are named by the way.
                topic = announced.iterator().next();
            } else if (topic == null && announced.isEmpty() && reported.size() == 1) {
                // So does the one company figures were reported for so far.
                topic = reported.iterator().next();
            }
            if (topic == null && named.isEmpty() && announced.isEmpty() && reported.isEmpty()) {
                topic = headlineCompany;
            }
            String captioned = captionCompany(from, to);
            captionSpeech = captioned != null;
            if (captioned != null) {
                // 【同期声】某某公司总经理 某某 / 我们去年营收是19个亿: what the speaker says is of the caption's company.
                topic = captioned;
            }
            // A captioned speaker's figures are his company's, written with a subject or not.
            inherited = captioned == null && topic != null && !reported.contains(topic) && !announced.contains(topic)
                    ? topic : null;
            previousParagraphReported.clear();
            int s = from;
            while (s < to) {
                int e = s;
                while (e < to && SENTENCE_BREAKS.indexOf(t.charAt(e)) < 0) {
                    e++;
                }
                if (e > s) {
                    topic = sentence(s, e, mentions, topic);
                }
                s = e + 1;
            }
        }

        /**
         * Whether the paragraph's opening names (in full or by its first four characters) the company that published or
         * the one the paragraph before reported on.
         */
        private boolean opensWithReported(int from, int to) {
            String opening = t.substring(from, Math.min(to, from + PARAGRAPH_OPENING));
            // The two companies the choice is between: the one that published and the one reported on last.
            for (String c : List.of(announced.iterator().next(), previousParagraphReported.iterator().next())) {
                if (opening.contains(c.substring(0, Math.min(4, c.length())))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The company of a television caption ("【同期声】某某公司总经理 某某") opening the paragraph {@code [from, to)} or
         * on the line right before it, when it writes a registered name; else null.
         */
        private String captionCompany(int from, int to) {
            Matcher speaker = SPEAKER_CAPTION.matcher(t).region(from, to);
            if (speaker.lookingAt()) {
                // "【某某（某某药业连锁总经理）】「我们有38间分店…」": the company of the speaker's post.
                return speakerCompany(speaker.group(1), speaker.start(1));
            }
            // "（同期声）某某公司董事长 某某：现在我们…": the speech may follow the caption on its own line.
            int lineEnd = to;
            int captionEnd = Captions.endAt(t, from, to);
            if (captionEnd < 0) {
                lineEnd = from - 1;
                captionEnd = lineEnd <= 0 ? -1 : Captions.endAt(t, t.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd);
                if (captionEnd < 0) {
                    return null;
                }
            }
            for (int i = companies.firstRegisteredFrom(captionEnd); i < registered.size()
                    && registered.get(i).start() < lineEnd; i++) {
                return registered.get(i).name();
            }
            return null;
        }


        /** The company a caption's post names (某某药业连锁总经理 → the article's 某某药业连锁有限公司), else null. */
        private String speakerCompany(String post, int at) {
            int title = lex.firstTitle(post);
            if (title < 2) {
                // No post, or a post with no company before it.
                return null;
            }
            String org = post.substring(0, title);
            String full = companies.shortFormAt(t, at, at + org.length());
            if (full == null) {
                full = companies.resolve(org, at);
            }
            return !full.equals(org) || lex.isCompanyOrganization(org) ? full : null;
        }

        /** Adds a company unless it is already listed under the same or a longer or shorter form of its name. */
        private static void addDistinct(List<String> companies, String company) {
            for (int i = 0; i < companies.size(); i++) {
                String c = companies.get(i);
                if (c.contains(company)) {
                    return;
                }
                if (company.contains(c)) {
                    companies.set(i, company);
                    return;
                }
            }
            companies.add(company);
        }

        /** One matcher per rule pattern over the article, reset by each use of a region. */
        private final Map<Pattern, Matcher> ruleMatchers = new HashMap<>();

        private Matcher ruleMatcher(Pattern p) {
            return ruleMatchers.computeIfAbsent(p, q -> q.matcher(t));
        }

        /** The company the current sentence names after its figures, or null. */
        private CompanyNames.Name cataphor;

        /** The company the sentence before opened with and stated a condition of ("某某生物尚处于…"), or null. */
        private String stated;

        /** Reads one sentence and returns the company in focus after it. */
        private String sentence(int from, int to, List<Periods.Mention> mentions, String topicIn) {
            String topic = topicIn;
            if (stated != null && DEMONSTRATIVE.matcher(t).region(from, to).lookingAt()) {
                // "某某生物尚处于商业化早期。该公司一季度营业收入…": 该公司 is the company the sentence before spoke of.
                topic = stated;
            }
            Matcher state = NAME_STATE.matcher(t).region(from, to);
            stated = state.lookingAt() && checks.opensAsName(state.group(1)) ? companies.resolve(state.group(1), from) : null;
            cataphor = openings.cataphor(from, to);
            sentenceCount = null;
            sentenceFrom = from;
            referredPair = null;
            shared.sentence(from, to, mentions, lastFigure, this::addShared);
            List<int[]> clauses = new ArrayList<>();
            int c = from;
            while (c < to) {
                int e = c;
                int bracketOpen = -1;
                while (e < to && (CLAUSE_BREAKS.indexOf(t.charAt(e)) < 0 || isThousandsSeparator(t, e)
                        || (bracketOpen >= 0 && e - bracketOpen <= BRACKET_REACH && t.charAt(e) != '\n'))) {
                    // A colon or comma inside brackets ("（港股代号：1234）") does not end the clause.
                    char ch = t.charAt(e);
                    if (ch == '（' || ch == '(') {
                        bracketOpen = e;
                    } else if (ch == '）' || ch == ')') {
                        bracketOpen = -1;
                    }
                    e++;
                }
                if (e > c) {
                    clauses.add(new int[]{c, e});
                }
                c = e + 1;
            }
            for (int i = 0; i < clauses.size(); i++) {
                int cs = clauses.get(i)[0];
                int ce = clauses.get(i)[1];
                int next = i + 1 < clauses.size() ? clauses.get(i + 1)[1] : ce;
                topic = clause(from, cs, ce, next, mentions, topic);
            }
            // "其中甲入库98亿元；乙入库1.1亿元": companies named as the parts of a group's figure are not what the
            // following sentences speak of.
            int among = java.util.Objects.equals(topic, topicIn) ? -1 : indexIn("其中", from, to);
            if (among >= 0 && !partOfFigure(among + 2, to)) {
                return topicIn;
            }
            return topic;
        }

        /** Whether {@code n} closes its clause right after 的: the head of a phrase describing it. */
        private boolean headOfClause(CompanyNames.Name n, int ce) {
            return n.end() == ce && n.start() > 0 && t.charAt(n.start() - 1) == '的';
        }

        /** Whether the names of a clause are all one company's (a full name and itself again in brackets). */
        private static boolean oneName(List<CompanyNames.Name> inClause) {
            for (CompanyNames.Name n : inClause) {
                if (!n.name().equals(inClause.get(0).name())) {
                    return false;
                }
            }
            return true;
        }

        private String clause(int sentenceStart, int cs, int ce, int nextEnd, List<Periods.Mention> mentions,
                              String topicIn) {
            String topic = topicIn;
            int former = cs;
            while (former < ce && "而但且".indexOf(t.charAt(former)) >= 0) {
                former++;
            }
            if (t.startsWith("前者", former) || t.startsWith("后者", former)) {
                // "甲物业及乙服务分别公布中期收入…；前者纯利…至3.06亿元，后者则…录得亏损4,520万元": the first and the
                // second of the two companies last given figures.
                if (referredPair == null) {
                    // Both refer to the pair as it stood at the first of them in the sentence.
                    referredPair = List.copyOf(lastTwo);
                }
                topic = referredPair.size() < 2 ? null : referredPair.get(t.charAt(former) == '前' ? 0 : 1);
            }
            if (ce - cs >= 3 && (t.startsWith("方面", ce - 2) || t.startsWith("而言", ce - 2))) {
                // "科技投入方面，公司全年…": a heading of what follows gives no figure; it names a company only when it
                // is one the article gave ("云擎智能方面，公司…").
                String heading = t.substring(cs, ce - 2).strip();
                List<KeywordScanner.Hit> named = keywords.find(t, cs, ce - 2);
                Optional<Metric> headed = named.isEmpty() || named.get(named.size() - 1).end() != ce - 2 ? Optional.empty()
                        : lex.keywords.getOrDefault(named.get(named.size() - 1).word(), Optional.empty());
                if (headed.isPresent()) {
                    // "门店数目方面，截至3月底，甲旗下共有326间；乙则有298间": the figures of the paragraph after it are
                    // of that metric.
                    int paragraphEnd = t.indexOf('\n', ce);
                    headingMetric = headed.get();
                    headingUntil = paragraphEnd < 0 ? t.length() : paragraphEnd;
                    return topic;
                }
                String full = heading.length() >= 2 ? companies.resolve(heading, cs) : heading;
                return !full.equals(heading) || lex.isCompanyOrganization(heading) ? full : topic;
            }
            // A registered name opening the clause puts that company in focus.
            int leadEnd = Math.min(ce, cs + 2 * FigureSubjects.SUBJECT_WINDOW);
            String lead = stripLead(cs, leadEnd);
            int opening = lead == null ? leadEnd : leadEnd - lead.length();
            if (inherited != null && inherited.equals(topic) && lead != null && openings.opensWithAnaphor(lead)) {
                // "公司并未收缩研发。上半年研发投入1.12亿元": the paragraph speaks of the company in focus; its
                // figures without a subject are that company's.
                inherited = null;
            }
            if (focus.parentOfSubsidiary != null && lead != null && FigureSubjects.PARENT_REFERENCE.matcher(lead).lookingAt()) {
                // "该子公司…净亏损1.74亿元。此外，公司为维持现金流…": 公司 is the listed company, not its subsidiary.
                topic = focus.parentOfSubsidiary;
                focus.parentOfSubsidiary = null;
            }
            List<CompanyNames.Name> inClause = new ArrayList<>();
            for (int i = companies.firstRegisteredFrom(cs); i < registered.size() && registered.get(i).start() < ce; i++) {
                if (registered.get(i).end() <= ce) {
                    inClause.add(registered.get(i));
                }
                if (inClause.size() > 8) {
                    break;
                }
            }
            // The clause opens with a name (up to three characters before it: a person name glued in front in
            // profile headers), or names one company only: that company is in focus.
            // A name that is the object of a verb (并进入某某电力公司供应商名录) is not in focus.
            if (!inClause.isEmpty() && (inClause.get(0).start() <= opening + 3 || oneName(inClause)
                    && !OBJECT_VERB.matcher(t).region(cs, inClause.get(0).start()).find())
                    && (topic == null || !SOURCE_AFTER.matcher(t).region(inClause.get(0).end(), ce).lookingAt())) {
                if (topic != null && focus.parentOfSubsidiary == null && !topic.equals(inClause.get(0).name())
                        && companies.knows(topic) && SUBSIDIARY_BEFORE.matcher(t)
                        .region(Math.max(cs, inClause.get(0).start() - 4), inClause.get(0).start()).find()) {
                    // "集团在横琴的全资附属公司某某工程有限公司录得营业额…": the subsidiary is in focus; 集团 or 公司
                    // opening a later clause is its parent again.
                    focus.parentOfSubsidiary = topic;
                    focus.subsidiaryInFocus = inClause.get(0).name();
                }
                topic = inClause.get(0).name();
                if (topic.equals(inherited)) {
                    // Named again (the headline's company written out in the body): the figures after it are its.
                    inherited = null;
                }
            } else if (!inClause.isEmpty() && headOfClause(inClause.get(inClause.size() - 1), ce)) {
                // "甲与乙集团有限公司合资设立的丙（苏州）有限公司，2024年实现营业收入…": the clause is a phrase whose
                // head is the name closing it.
                topic = inClause.get(inClause.size() - 1).name();
            } else if (inClause.isEmpty() && lead != null) {
                // "钧晟精密为国内汽车扣件大厂之一，去年营收…": the short form of a name the article gave, opening the clause.
                String full = companies.shortFormAt(t, opening, ce);
                if (full != null) {
                    topic = full;
                }
            }
            // (Every example ends in 为例: a clause without it is not searched.)
            Matcher example = inClause.size() <= 1 && indexIn("为例", cs, ce) >= 0
                    ? EXAMPLE.matcher(t).region(cs, ce) : null;
            if (example != null && example.find()) {
                String given = example.group(1);
                // "以去年排名第六的某某为例，上半年份额…": the example is what the next clauses speak of; an unnamed
                // one (以某龙头为例) leaves no company in focus.
                topic = names.looksLikeName(given) && !given.startsWith("某") && !checks.functionWord(given)
                        && !checks.hasAggregate(given) ? companies.resolve(given, example.start(1)) : null;
            }
            Matcher opener = inClause.isEmpty() && opensWithTopicWord(cs, ce)
                    ? TOPIC_OPENER.matcher(t).region(cs, ce) : null;
            if (opener != null && opener.lookingAt()) {
                String name = opener.group(1) != null ? opener.group(1)
                        : opener.group(2) != null ? opener.group(2)
                        : opener.group(3) != null ? opener.group(3)
                        : opener.group(4) != null ? opener.group(4)
                        : opener.group(5) != null ? opener.group(5) : opener.group(6);
                int nameStart = opener.start();
                String headless = checks.afterHeadWord(name);
                if (headless.length() < name.length()) {
                    // "区域乳企某某食品则保持增长": the name after what the company is.
                    nameStart += name.length() - headless.length();
                    name = headless;
                }
                if (checks.opensAsName(name)) {
                    // "第五名是某某", "而新晋厂商某某则凭借…": the clause opens with the company it speaks of (not
                    // with a business of it: 模组事业受跌价冲击).
                    topic = companies.resolve(name, nameStart);
                }
            }
            if (inClause.isEmpty() && lead != null) {
                String again = openings.reportedOpening(opening, ce, reported);
                if (again != null) {
                    // "…，泰某生物的研发强度更为突出。2023年，该公司…": a company the article reported on, named again
                    // at a clause's opening, is what the clauses after it speak of.
                    topic = again;
                }
            }
            if (inClause.isEmpty()) {
                String named = openings.namedBeforePeriod(cs, ce, mentions);
                if (named != null) {
                    topic = named;
                    if (named.equals(inherited)) {
                        // Named again: the figures after it without a subject of their own are its.
                        inherited = null;
                    }
                }
            }
            Matcher at = inClause.isEmpty() && ce - cs <= DESCRIBED_REACH && t.charAt(cs) == '在'
                    ? AT_COMPANY.matcher(t).region(cs, ce) : null;
            if (at != null && at.matches()) {
                // "在某某智能装备，书记察看了生产线。这家企业去年实现营收…": the company visited, when the article gave it.
                String full = companies.resolve(at.group(1), at.start(1));
                if (!full.equals(at.group(1)) || lex.isCompanyOrganization(at.group(1))) {
                    topic = full;
                }
            }
            if (inClause.isEmpty() && ce - cs <= DESCRIBED_REACH
                    && holdsWord(cs, ce, DESCRIBED_TRADE_ENDS, DESCRIBED_TRADES)) {
                Matcher described = DESCRIBED_NAME.matcher(t).region(cs, ce);
                if (described.matches()) {
                    int g = described.group(1) != null ? 1 : 2;
                    String name = described.group(g);
                    if (checks.opensAsName(name)) {
                        // "至于散装航运业者某某航运，虽然8月营收…", "同样以中部为据点的连锁超市某某百货，8月营收…": a
                        // clause that is a company's trade and its name opens what is said of it.
                        topic = companies.resolve(name, described.start(g));
                    }
                }
            }
            if (inClause.isEmpty() && UNIT_COUNTERS.indexOf(t.charAt(ce - 1)) >= 0) {
                Matcher sold = ruleMatcher(NAMED_UNITS).region(cs, ce);
                if (sold.matches()) {
                    // "风行电动挂牌796辆，市占9.8%居第三": a name and the units it sold, then its share.
                    String name = SpanChecks.withoutRank(sold.group(1));
                    if (checks.standsAlone(name) && !SpanChecks.PERIOD_WORD.matcher(name).find()
                            && Periods.find(name, 0, name.length(), ANY_YEAR).isEmpty()) {
                        topic = companies.resolve(name, sold.start(1));
                    }
                }
            }
            if (inClause.isEmpty() && lead != null) {
                String spoken = openings.speakersCompany(lead);
                if (spoken != null) {
                    topic = spoken;
                }
            }
            boolean matched = false;
            List<KeywordScanner.Hit> hits = keywords.find(t, cs, ce);
            if (!hits.isEmpty() && holdsAny(cs, ce, "别別")) {
                // Figures listed one per year or one per metric after 分别.
                String listedFor = series(sentenceStart, cs, ce, hits, topic, mentions);
                if (listedFor != null) {
                    topic = listedFor;
                }
            }
            if (hits.isEmpty() && listedAgain(cs, ce, mentions)) {
                matched = true;
            }
            if (hits.isEmpty() && !matched && continuedForPeriod(sentenceStart, cs, ce, mentions)) {
                matched = true;
            }
            if (hits.isEmpty() && !matched && headingMetric != null && cs < headingUntil) {
                String owner = headedFigure(sentenceStart, cs, ce, nextEnd, topic, mentions);
                if (owner != null) {
                    topic = owner;
                    matched = true;
                }
            }
            if (hits.isEmpty()) {
                // "甲以入库税收2.47亿元位居榜首；乙以1.36亿元位列第二": a ranked clause continues the figure before it.
                shared.continued(sentenceStart, cs, ce, lastFigure, this::addShared);
                // "宏骐市占回升至61.5%，翔泰则为12.2%": another company's figure of the same metric and period.
                String contrasted = shared.contrasted(cs, ce, lastFigure, sentenceCount, figures::reports,
                        checks::listedAsName, this::addShared);
                if (contrasted != null && sentenceCount != null && lastFigure != sentenceCount) {
                    // "…；乙3,181家，市占率近三成": the listed company is what the rest of its part speaks of.
                    topic = contrasted;
                }
            }
            for (KeywordScanner.Hit hit : hits) {
                // Rules are tried only around a keyword, so their cost does not grow with the clause.
                for (CompanyRules.MetricRule rule : rules.metricRules) {
                    if (!rule.mayHaveKeywordAt(t, hit.start())) {
                        continue;
                    }
                    Matcher m = ruleMatcher(rule.keywordFirst() ? rule.at(t.charAt(hit.start())) : rule.pattern());
                    boolean found;
                    if (rule.keywordFirst()) {
                        int end = rule.nextClause() ? nextEnd : ce;
                        found = m.region(hit.start(), Math.min(end, hit.end() + RULE_WINDOW)).lookingAt();
                    } else {
                        int end = rule.amountAfterKeyword() ? Math.min(ce, hit.end() + RULE_WINDOW) : hit.end();
                        found = findAt(m.region(Math.max(cs, hit.start() - RULE_WINDOW), end), hit.start());
                    }
                    if (!found || emittedAmounts.contains(m.start("amount"))) {
                        // "归属于上市公司股东的净利润亏损3.86亿元": a figure read with the longer keyword is not read
                        // again with a shorter one (nor is the text before that one a subject).
                        continue;
                    }
                    Optional<Metric> metric = lex.keywords.getOrDefault(m.group("kw"), Optional.empty());
                    if (metric.isEmpty()) {
                        continue;
                    }
                    boolean count = lex.kinds.get(metric.get()) == CompanyLexicon.AmountKind.COUNT;
                    if (rule.countOnly() && !count) {
                        continue;
                    }
                    int subjectEnd = Math.min(m.start("kw"), m.start("amount"));
                    Subject subject = subject(cs, subjectEnd);
                    if (subject.kind() == Subject.Kind.NAMED && !partOfBreakdown(sentenceStart, m.start("kw"), subject)) {
                        topic = subject.name();
                    } else if (subject.refersBack() && topic == null) {
                        topic = openings.organizationBefore(sentenceStart, subjectEnd);
                    }
                    boolean emitted = emit(sentenceStart, cs, ce, nextEnd, m, metric.get(), subject, topic, mentions);
                    if (emitted) {
                        emittedAmounts.add(m.start("amount"));
                    }
                    matched |= emitted;
                    if (emitted) {
                        break;
                    }
                }
            }
            if (!matched) {
                // A keyword without a figure still tells which company the next clauses speak of.
                if (!hits.isEmpty() && !ruleMatcher(CAUSE).region(cs, ce).lookingAt()
                        && !lex.headWords.contains(hits.get(0).word())) {
                    // "主因手机销售收入减少": a cause names no company the next clauses report on; "药妆连锁店某某药房":
                    // a keyword that says what the company is describes the name after it.
                    Subject subject = subject(cs, hits.get(0).start());
                    if (subject.kind() == Subject.Kind.NAMED && !partOfBreakdown(sentenceStart, hits.get(0).start(), subject)) {
                        topic = subject.name();
                    }
                }
                String named = openings.namedBeforeTopicVerb(lead);
                if (named != null) {
                    topic = companies.resolve(named, opening);
                    if (OpeningNames.RESULTS_REPORT.matcher(lead).find()) {
                        // A company publishing its results is what the next paragraphs report on.
                        announced.add(topic);
                        if (this.named.size() < 2) {
                            addDistinct(this.named, topic);
                        }
                    }
                }
                // (Every match of ANNOUNCER and of REPORT_OF holds 的: a lead without it is not searched.)
                boolean of = lead != null && lead.indexOf('的') >= 0;
                Matcher announcer = named == null && of ? ANNOUNCER.matcher(lead) : null;
                if (announcer != null && announcer.matches() && checks.opensAsName(announcer.group(1))) {
                    // "同日公布季报的深股某某新材，首三季…": the company the clause describes by what it published.
                    topic = companies.resolve(announcer.group(1), opening + announcer.start(1));
                }
                Matcher report = named == null && of ? REPORT_OF.matcher(lead) : null;
                if (report != null && report.lookingAt() && checks.opensAsName(report.group(1))) {
                    // "某某医药的一季报更为亮眼。报告期内，公司…": the company whose report the clause speaks of.
                    topic = companies.resolve(report.group(1), opening);
                }
                Matcher visited = ruleMatcher(VISITED).region(cs, ce);
                if (named == null && holdsAny(cs, ce, VISIT_FIRSTS) && visited.find()) {
                    // "与会人员实地走访了某某工具数字化车间。据介绍，该公司…": the company visited is what the next
                    // sentence speaks of, when the article gave its name.
                    String name = visited.group(1);
                    String full = companies.resolve(name, visited.start(1));
                    if (!full.equals(name) || lex.isCompanyOrganization(name)) {
                        topic = full;
                    }
                }
                // (Every match of DESCRIBED_TOPIC opens with 的.)
                Matcher described = named == null && holdsAny(cs, ce, "的")
                        ? DESCRIBED_TOPIC.matcher(t).region(cs, ce) : null;
                if (described != null && described.find()) {
                    // "同样公布10月营收的被动元件厂某某科技，10月营收…": a clause that describes a company and names
                    // it last is what the next clauses report on.
                    String name = described.group(1);
                    if (names.looksLikeName(name) && !names.isCommonWord(name) && !checks.functionWord(name)) {
                        topic = companies.resolve(name, described.start(1));
                    }
                }
                Matcher copula = named == null && endsWithAny(ce, COPULA_ENDS)
                        ? TOPIC_COPULA.matcher(t).region(cs, ce) : null;
                if (copula != null && copula.find()) {
                    // "排在第二位的某某医药是唯一实现盈利的企业，2023年实现营业收入…": a clause saying what the
                    // company is makes it what the next clauses report on.
                    String name = copula.group(1);
                    if (names.looksLikeName(name) && !names.isCommonWord(name) && !checks.functionWord(name)
                            && !lex.anaphors.contains(name) && !checks.isPlace(name)) {
                        topic = companies.resolve(name, copula.start(1));
                    }
                }
                Matcher after = endsWithAny(ce, HANDED_ENDS) || holdsAny(cs, ce, "是属数推有")
                        ? TOPIC_AFTER.matcher(t).region(cs, ce) : null;
                if (after != null && after.find()) {
                    // "同日披露三季报的还有工业机器人企业某某智控（688702）": without its code and its trade.
                    String name = CompanyNames.STOCK_CODE.matcher((after.group(1) != null ? after.group(1) : after.group(2)).strip())
                            .replaceAll("");
                    name = checks.afterHeadWord(name);
                    if (names.looksLikeName(name)) {
                        topic = companies.resolve(name, after.group(1) != null ? after.start(1) : after.start(2));
                    }
                }
            }
            if (focus.parentOfSubsidiary != null && topic != null && !topic.equals(focus.subsidiaryInFocus)
                    && !topic.equals(focus.parentOfSubsidiary)) {
                // "…全资子公司某某…。乙则透露，一季度公司…": another company is in focus; 公司 is its, not the parent.
                focus.parentOfSubsidiary = null;
            }
            return topic;
        }

        /**
         * A figure of the metric a heading named, in a clause without a keyword of its own ("丸之屋在本港经营24间
         * 分店", "乙则有298间"): the first amount that fits the metric, after a verb of having or reaching, owned by
         * the clause's subject. The owner, or null when the clause gives none.
         */
        private String headedFigure(int sentenceStart, int cs, int ce, int nextEnd, String topic,
                                    List<Periods.Mention> mentions) {
            Matcher m = ruleMatcher(HEADED_FIGURE).region(cs, ce);
            while (m.find()) {
                if (emittedAmounts.contains(m.start("amount"))) {
                    continue;
                }
                Optional<Amount> amount = Amounts.parse(m.group("amount"));
                if (amount.isEmpty() || !lex.fits(headingMetric, amount.get())) {
                    continue;
                }
                // "分店网络方面，…员工总数约8,900人，去年同期约为9,600人": people are counted in 人, outlets in 间.
                char counter = m.group("amount").charAt(m.group("amount").length() - 1);
                boolean people = "人名位".indexOf(counter) >= 0;
                boolean places = "间家个所座处間個".indexOf(counter) >= 0;
                if (headingMetric == Metric.OUTLETS && people
                        || (headingMetric == Metric.EMPLOYEES || headingMetric == Metric.CUSTOMERS) && places) {
                    continue;
                }
                Subject subject = subject(cs, m.start());
                String owner = subject.kind() == Subject.Kind.NAMED ? subject.name() : topic;
                // Without a keyword the subject alone says the figure is a company's: a name the article gave, or
                // one whose figures it reported.
                if (owner == null || subject.kind() == Subject.Kind.NAMED && !companies.knows(owner)
                        && !lex.isCompanyOrganization(owner) && companies.resolve(owner, m.start()).equals(owner)
                        && !figures.reports(owner)) {
                    return null;
                }
                if (emit(sentenceStart, cs, ce, nextEnd, m, headingMetric, subject, owner, mentions)) {
                    emittedAmounts.add(m.start("amount"));
                    return owner;
                }
                return null;
            }
            return null;
        }

        /**
         * Whether a named subject is a part in a breakdown ("分业务看，…；社区增值服务收入4.9亿元"): a product line, a
         * business or a region of the company in focus, which stays in focus.
         */
        private boolean partOfBreakdown(int sentenceStart, int kw, Subject subject) {
            return !lex.isCompanyOrganization(subject.name())
                    && (ruleMatcher(BREAKDOWN).region(Math.max(sentenceStart, kw - BREAKDOWN_REACH), kw).find()
                    || subject.start() > sentenceStart && ruleMatcher(OWNED_UNIT)
                    .region(Math.max(sentenceStart, subject.start() - OWNED_UNIT_REACH), subject.start()).find());
        }

        private boolean emit(int sentenceStart, int cs, int clauseEnd, int nextEnd, Matcher m, Metric metric,
                             Subject subject, String topic, List<Periods.Mention> mentions) {
            // A rule may find its figure in the next clause: the figure's clause is then that one.
            int ce = Math.max(clauseEnd, m.end("amount"));
            int kw = m.start("kw");
            if (kw > cs && (t.charAt(kw - 1) == '占' || t.charAt(kw - 1) == '佔')) {
                return false;
            }
            if (lex.purposeKeywords.contains(m.group("kw"))
                    && !PURPOSE.matcher(t).region(m.end("amount"), Math.min(t.length(), m.end("amount") + 12)).lookingAt()) {
                // "斥资211亿港元回购股份" is no investment; "斥资45亿元兴建新厂", "投入4.6亿元用于电网升级" are.
                return false;
            }
            if (lex.bareKeywords.contains(m.group("kw")) && !namedRightBefore(subject, kw)) {
                // "游戏收入", "广告收入": a bare 收入 after other words is a segment's, not the company's.
                return false;
            }
            if (m.start("amount") < kw && ruleMatcher(COUNTED_ROLE).region(m.end("kw"),
                    Math.min(t.length(), m.end("kw") + 4)).lookingAt()) {
                // "开出60个门市储备干部职缺": the count is of jobs at the outlets, not of outlets.
                return false;
            }
            int digit = m.start("amount");
            while (digit < m.end("amount") && !Character.isDigit(t.charAt(digit))) {
                digit++;
            }
            if (ruleMatcher(CONVERTED_BEFORE).region(Math.max(cs, m.start("amount") - CONVERTED_REACH), digit).find()) {
                // "营收约合新台币867亿元": the figure reported before, in another currency.
                return false;
            }
            Optional<Amount> parsed = Amounts.parse(m.group("amount"));
            if (parsed.isEmpty() || cues.isAdjusted(cs, Math.max(kw, m.start("amount"))) || shared.isConsumed(m.start("amount"))
                    || periods.inComparisonBase(cs, m.start("amount"), mentions)
                    || shared.isConsumed(m.end("amount") - 1)) {
                return false;
            }
            if (ruleMatcher(COUNTED_ABOVE).region(m.end("amount"), Math.min(t.length(), m.end("amount") + 20)).lookingAt()) {
                // "纳税超过10亿元的有3家": a threshold for counting companies, no company's figure.
                return false;
            }
            Amount amount = parsed.get();
            if (amount.qualifier() == Qualifier.OVER && STREAK.matcher(t).region(cs, m.start("amount")).find()) {
                // "连续第三年研发投入超过10亿元": a threshold held for years, no figure of its own.
                return false;
            }
            if ((metric == Metric.REVENUE || metric == Metric.NET_PROFIT || metric == Metric.PROFIT)
                    && (subject.kind() != Subject.Kind.NAMED || !lex.isCompanyOrganization(subject.name()))) {
                Matcher breakdown = ruleMatcher(BREAKDOWN).region(Math.max(sentenceStart, kw - BREAKDOWN_REACH), kw);
                if (breakdown.find()) {
                    // "分产品看，光学基膜实现收入21.7亿元": a product line's or a region's part of the company's figure
                    // (its export share, "分地区看，出口收入占比…", is the company's own).
                    return false;
                }
            }
            if ((metric == Metric.REVENUE || metric == Metric.NET_PROFIT)
                    && SEGMENT.matcher(t).region(Math.max(cs, kw - 24), kw).find()) {
                // "海外市场（主要为东南亚）收益则为…": a segment's revenue.
                return false;
            }
            if (amount.qualifier() == Qualifier.OVER) {
                // "首次突破800亿元，达到812.4亿元": a threshold crossed, then the figure itself.
                Matcher reached = REACHED.matcher(t).region(m.end("amount"), Math.min(t.length(), m.end("amount") + 24));
                if (reached.lookingAt()) {
                    Optional<Amount> exact = Amounts.parse(reached.group(1));
                    if (exact.isPresent() && exact.get().unit() == amount.unit() && exact.get().qualifier() == null
                            && exact.get().value().compareTo(amount.value()) >= 0) {
                        amount = exact.get();
                    }
                }
            }
            CompanyLexicon.AmountKind kind = lex.kinds.get(metric);
            Unit unit = currency(amount, m.group("amount"));
            if (!lex.fits(metric, amount)) {
                return false;
            }
            if (kind == CompanyLexicon.AmountKind.COUNT) {
                unit = Unit.COUNT;
                if (!lex.countsWith(metric, m.group("amount"))) {
                    // "仅有的两家员工超过5000人的企业": 家 counts companies, not employees.
                    return false;
                }
                if (ADDED.matcher(t).region(Math.max(cs, Math.min(kw, m.start("amount")) - 8), kw).find()) {
                    // "今年新增海外客户11家", "新开门店30家", "关闭12间分店", "新招聘的300多名员工": what was added or
                    // taken away, not how many there are.
                    return false;
                }
                if ((t.startsWith("其中", cs) || t.startsWith("其中", cs + 1)) && subject.kind() != Subject.Kind.NAMED) {
                    // "门店总数1200家，其中直营门店305家": a part of the count, not the company's count ("其中甲年末门店
                    // 728家" names a company among several: its own count).
                    return false;
                }
            }
            if (subject.kind() != Subject.Kind.NAMED && m.start("amount") > m.end("kw")
                    && SUMMED.matcher(t).region(m.end("kw"), m.start("amount")).find()
                    && checks.hasAggregate(t.substring(sentenceStart, kw))) {
                // "百强企业中制造业企业有64家，研发投入合计218.5亿元": a sum over the companies the sentence counts.
                return false;
            }
            String company;
            double confidence;
            if (subject.kind() != Subject.Kind.NAMED && cataphor != null && m.end("amount") <= cataphor.start()) {
                // "上半年营收48.6亿元……，正是某某精密": figures before the company the sentence names last.
                company = cataphor.name();
                confidence = 0.7;
            } else if (subject.kind() == Subject.Kind.NAMED) {
                company = subject.name();
                confidence = 0.85;
            } else if (subject.kind() == Subject.Kind.FOCUS && topic != null
                    || subject.kind() == Subject.Kind.IMPLICIT && topic != null && !topic.equals(inherited)) {
                company = topic;
                confidence = 0.7;

            } else {
                return false;
            }
            if (company.equals(inherited) && subject.kind() != Subject.Kind.IMPLICIT) {
                // "公司实现营收…；净利润…": once the text names or refers back to the company in focus, the
                // figures after it without a subject of their own are that company's too.
                inherited = null;
            }
            if (!amount.unitStated()) {
                confidence -= 0.1;
            }
            Qualifier qualifier = amount.qualifier();
            Qualifier outlook = cues.outlook(sentenceStart, m.start("amount"));
            if (outlook != null) {
                qualifier = outlook;
            }
            int change = m.end("kw") < m.start("amount") ? bases.changeStart(m.end("kw"), m.start("amount")) : -1;
            // "占比由2023年的18.1%升至22.5%": the period inside the change is the base's, not the figure's.
            Period period = periods.periodOf(change >= 0 && !bases.datedAfterChange(change, m.start("amount"), mentions)
                    ? change : m.start("amount"), mentions);
            if (metric == Metric.INVESTMENT && m.group("kw").startsWith("总投资")
                    && !periods.datedWithin(cs, m.start("amount"), mentions)) {
                // "某某总投资2.8亿元的项目8月投产": a project's total, of no period unless its clause gives one.
                period = null;
            }
            if (qualifier != Qualifier.TARGET && kind != CompanyLexicon.AmountKind.COUNT && article.publishedAt() != null
                    && FigurePeriods.startsAfter(period,
                    article.publishedAt().getYear(), article.publishedAt().getMonthValue())) {
                // "明年还将追加投资2亿元": a figure of a period that has not begun is a plan or a forecast.
                qualifier = Qualifier.FORECAST;
            }
            BigDecimal value = FigureAssembly.plain(amount.value());
            if (cues.isLoss(m.start("kw"), m.start("amount"))) {
                value = value.negate();
            }
            int amountEnd = m.end("amount");
            BigDecimal growth = m.end("kw") <= m.start("amount")
                    ? cues.growth(m.end("kw"), m.start("amount"), m.start("amount")) : null;
            if (growth == null) {
                growth = cues.growth(amountEnd, ce, nextEnd);
            }
            Integer rank = cues.rank(amountEnd, ce, nextEnd);
            // At most a window before the figure: a clause without punctuation would copy the text up to here.
            int evStart = Math.max(Math.min(cs, subject.start() < 0 ? cs : subject.start()), m.start() - FigureCues.FIGURE_WINDOW);
            String person = person(company, sentenceStart, ce);
            addFigure(new FigureAssembly.Figure(company, metric, period, value, unit, qualifier, growth, rank, person,
                    evStart, m.end(), confidence));
            reported.add(company);
            previousParagraphReported.add(company);
            lastReported = company;
            if (named.size() < 2) {
                addDistinct(named, company);
            }
            for (FigureAssembly.Figure base : bases.after(m.start("amount"), amountEnd, nextEnd, change, company,
                    metric, kind, period, value.signum() < 0, evStart, mentions, confidence)) {
                store(base);
            }
            return true;
        }

        /** A figure of {@link #shared}: it continues the metric of later lists when {@code last}. */
        private void addShared(FigureAssembly.Figure f, boolean last) {
            if (last) {
                addFigure(f);
            } else {
                store(f);
            }
            reported.add(f.company());
            previousParagraphReported.add(f.company());
            lastReported = f.company();
            if (f.metric() == Metric.MARKET_SHARE && f.period() != null && paragraphMentions != null) {
                // "澜庭以17.6%的份额稳居第一，较去年同期的15.1%提升": a listed share compared with an earlier one.
                for (FigureAssembly.Figure base : bases.afterListedShare(f, paragraphMentions)) {
                    store(base);
                }
            }
        }

        /**
         * Keeps a figure; under a heading of R&D spending (研发投入方面，…甲、乙分别投入28.9亿元和17.3亿元) a figure read
         * as investment is the heading's.
         */
        private void store(FigureAssembly.Figure f) {
            if (f.metric() == Metric.INVESTMENT && paragraphHeading(f.evidenceEnd()) == Metric.RD_INVESTMENT) {
                f = new FigureAssembly.Figure(f.company(), Metric.RD_INVESTMENT, f.period(), f.value(), f.unit(),
                        f.qualifier(), f.yoyGrowth(), f.rank(), f.person(), f.evidenceStart(), f.evidenceEnd(),
                        f.confidence());
            }
            figures.add(f);
            if (f.company() != null && (lastTwo.isEmpty() || !lastTwo.get(lastTwo.size() - 1).equals(f.company()))) {
                lastTwo.remove(f.company());
                lastTwo.add(f.company());
                if (lastTwo.size() > 2) {
                    lastTwo.remove(0);
                }
            }
        }

        /** The last two companies given figures, in the order their figures came: what 前者 and 后者 refer to. */
        private final List<String> lastTwo = new ArrayList<>(2);
        /** The pair 前者 and 后者 refer to in the current sentence, once one of them was read. */
        private List<String> referredPair;

        /** The metric a heading opening the paragraph of {@code at} names ("研发投入方面，"), else null. */
        private Metric paragraphHeading(int at) {
            int p = t.lastIndexOf('\n', at - 1) + 1;
            int c = p;
            while (c < at && CLAUSE_BREAKS.indexOf(t.charAt(c)) < 0) {
                c++;
            }
            if (c >= at || c - p < 3 || !t.startsWith("方面", c - 2)) {
                return null;
            }
            List<KeywordScanner.Hit> named = keywords.find(t, p, c - 2);
            return named.isEmpty() || named.get(named.size() - 1).end() != c - 2 ? null
                    : lex.keywords.getOrDefault(named.get(named.size() - 1).word(), Optional.empty()).orElse(null);
        }

        private void addFigure(FigureAssembly.Figure f) {
            store(f);
            lastFigure = f;
            if (sentenceCount == null && f.unit() == Unit.COUNT && f.evidenceStart() >= sentenceFrom) {
                sentenceCount = f;
            }
        }

        /** The sentence's first count, which a list after a semicolon may continue (see SharedFigures.contrasted). */
        private FigureAssembly.Figure sentenceCount;
        private int sentenceFrom;

        /** A named subject, with nothing but its name, a period or punctuation right before the keyword. */
        private boolean namedRightBefore(Subject subject, int kw) {
            if (kw == 0) {
                return false;
            }
            char before = t.charAt(kw - 1);
            if (!Character.isIdeographic(before) || "年度季月期内".indexOf(before) >= 0) {
                return true;
            }
            if (subject.kind() != Subject.Kind.NONE) {
                for (String a : lex.anaphors) {
                    // "集团收入为…": the company referred back to, right before the bare keyword.
                    if (a.length() >= 2 && t.startsWith(a, kw - a.length())) {
                        return true;
                    }
                }
            }
            if (before == '的' && kw >= 2 && "年度季月期内".indexOf(t.charAt(kw - 2)) >= 0) {
                // "截至6月30日止六个月的收益": the period, then 的.
                return true;
            }
            // "集团录得收入…", "公司实现收入…": a verb of reporting right before the bare keyword, after the company
            // (not after a segment: "东南亚业务录得收入…").
            if (REPORTING_VERB.matcher(t).region(Math.max(0, kw - 2), kw).find()) {
                if (subject.kind() == Subject.Kind.NAMED) {
                    return true;
                }
                if (kw >= 3 && "年季月期内".indexOf(t.charAt(kw - 3)) >= 0 && subject.kind() != Subject.Kind.NONE) {
                    // "去年下半年录得收入…": the period, its verb, then the bare keyword.
                    return true;
                }
                for (String a : lex.anaphors) {
                    if (t.startsWith(a, kw - 2 - a.length())) {
                        return true;
                    }
                }
            }
            return subject.kind() == Subject.Kind.NAMED && t.startsWith(subject.name(), kw - subject.name().length())
                    || (subject.start() >= 0 && kw - subject.start() <= subject.name().length() + 1);
        }

        private Unit currency(Amount amount, String written) {
            return ReportCurrency.unitOf(amount, written, defaultCurrency);
        }



        /** Where {@code word} first stands in {@code t[from, to)}, else -1; the search stays inside the span. */
        private int indexIn(String word, int from, int to) {
            for (int i = from; i + word.length() <= to; i++) {
                if (t.startsWith(word, i)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * "净利润4.02亿元，其中归属于上市公司股东的净利润3.87亿元": 其中 opening the owners' share of the figure, not a
         * list of companies (nor of sectors: "其中工业投资增长12.7%").
         */
        private boolean partOfFigure(int at, int to) {
            return at + 2 <= to && (t.startsWith("归属", at) || t.startsWith("歸屬", at) || t.startsWith("归母", at)
                    || t.startsWith("歸母", at));
        }

        /**
         * Whether a clause holds the word {@link #TOPIC_OPENER} needs where it can stand: 第, 至, 据 or 另 within its first four
         * characters, or 则, 亦 or 受 within its first sixteen.
         */
        private boolean opensWithTopicWord(int cs, int ce) {
            for (int i = cs; i < Math.min(ce, cs + 16); i++) {
                char c = t.charAt(i);
                if (c == '则' || c == '亦' || c == '受' || c == '凭' || c == '就' || (c == '第' || c == '至' || c == '据' || c == '另') && i < cs + 4) {
                    return true;
                }
            }
            return false;
        }

        /** Finds the match of a rule whose keyword starts at {@code kwStart}. */
        private boolean findAt(Matcher m, int kwStart) {
            while (m.find()) {
                if (m.start("kw") == kwStart) {
                    return true;
                }
                if (m.start() > kwStart) {
                    return false;
                }
            }
            return false;
        }

        /** The subject of a figure whose keyword or amount starts at {@code end}, read by {@link #subjects}. */
        private Subject subject(int clauseStart, int end) {
            return subjects.of(clauseStart, end, focus, lastReported, captionSpeech);
        }

        /** The clause text after leading words such as 其中/此外, or null when nothing is left. */
        private String stripLead(int cs, int ce) {
            String s = t.substring(cs, ce);
            boolean changed = true;
            while (changed) {
                changed = false;
                String stripped = s.stripLeading();
                if (!stripped.equals(s)) {
                    s = stripped;
                    changed = true;
                }
                String w = leadScanner.wordAt(s, 0, s.length());
                if (w != null) {
                    s = s.substring(w.length());
                    changed = true;
                }
                int close = Captions.afterBracket(s, 0, s.length());
                if (close > 0) {
                    // "【记者 某某】某某科技交出的成绩单是：": a transcript's caption before what the clause says.
                    s = s.substring(close);
                    changed = true;
                }
            }
            return s.isEmpty() ? null : s;
        }

        /** Figures of one company listed after 分别 (per year, per metric); returns the company, else null. */
        private String series(int sentenceStart, int cs, int ce, List<KeywordScanner.Hit> hits, String topic,
                              List<Periods.Mention> mentions) {
            // Metric words listed before 分别 say what each figure is, whatever periods the sentence names.
            String company = series(seriesLists.perMetric(t, ce, hits), cs, topic, mentions);
            return company != null ? company
                    : series(seriesLists.perYear(t, sentenceStart, cs, ce, hits, mentions), cs, topic, mentions);
        }

        private String series(Optional<SeriesLists.Series> found, int cs, String topic, List<Periods.Mention> mentions) {
            if (found.isEmpty()) {
                return null;
            }
            SeriesLists.Series series = found.get();
            Subject subject = subject(cs, series.subjectEnd());
            String company = subject.kind() == Subject.Kind.NAMED ? subject.name()
                    : subject.kind() != Subject.Kind.NONE && topic != null ? topic : null;
            if (company == null) {
                return null;
            }
            for (SeriesLists.Item item : series.items()) {
                if (shared.isConsumed(item.start()) || emittedAmounts.contains(item.start())) {
                    return null;
                }
            }
            // A list per metric is of the clause's period (read where its metric words start).
            Period clausePeriod = series.items().get(0).period() != null ? null
                    : periods.periodOf(series.subjectEnd(), mentions);
            for (SeriesLists.Item item : series.items()) {
                Amount amount = Amounts.parse(t.substring(item.start(), item.end())).orElseThrow();
                BigDecimal value = FigureAssembly.plain(amount.value());
                Unit unit = lex.kinds.get(item.metric()) == CompanyLexicon.AmountKind.COUNT ? Unit.COUNT
                        : currency(amount, t.substring(item.start(), item.end()));
                addFigure(new FigureAssembly.Figure(company, item.metric(),
                        item.period() != null ? item.period() : clausePeriod, item.negative() ? value.negate() : value,
                        unit, amount.qualifier(), null, null, null, series.evidenceStart(), item.end(), 0.75));
                emittedAmounts.add(item.start());
            }
            reported.add(company);
            previousParagraphReported.add(company);
            lastReported = company;
            if (series.items().get(0).period() == null) {
                listedMetrics = series.items().stream().map(SeriesLists.Item::metric).toList();
                listedFor = company;
                listedUntil = t.indexOf('\n', cs) < 0 ? t.length() : t.indexOf('\n', cs);
            }
            return company;
        }

        /**
         * "营收、净利润分别为58.9亿元、-2.36亿元，去年同期这两项数据分别为71.2亿元和6.18亿元": the metrics a list
         * per metric named, again for another period, in the same paragraph. True when the clause gave them.
         */
        private boolean listedAgain(int cs, int ce, List<Periods.Mention> mentions) {
            if (listedMetrics == null || cs >= listedUntil) {
                return false;
            }
            Matcher again = ruleMatcher(LISTED_AGAIN).region(cs, ce);
            if (!again.find()) {
                return false;
            }
            List<int[]> amounts = new ArrayList<>();
            Matcher a = ruleMatcher(SIGNED_AMOUNT).region(again.end(), ce);
            while (a.find() && amounts.size() <= listedMetrics.size()) {
                amounts.add(new int[]{a.start("amount"), a.end("amount"), a.group("minus") != null ? 1 : 0});
            }
            if (amounts.size() != listedMetrics.size()) {
                return false;
            }
            Period period = periods.periodOf(again.start(), mentions);
            List<Amount> parsed = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                int[] at = amounts.get(i);
                Optional<Amount> amount = Amounts.parse(t.substring(at[0], at[1]));
                if (amount.isEmpty() || !lex.fits(listedMetrics.get(i), amount.get())
                        || emittedAmounts.contains(at[0]) || shared.isConsumed(at[0])) {
                    return false;
                }
                parsed.add(amount.get());
            }
            for (int i = 0; i < amounts.size(); i++) {
                int[] at = amounts.get(i);
                Amount amount = parsed.get(i);
                Metric metric = listedMetrics.get(i);
                BigDecimal value = FigureAssembly.plain(amount.value());
                boolean negative = at[2] == 1 || cues.isLoss(again.end(), at[0]) && metric == Metric.NET_PROFIT;
                Unit unit = lex.kinds.get(metric) == CompanyLexicon.AmountKind.COUNT ? Unit.COUNT
                        : currency(amount, t.substring(at[0], at[1]));
                addFigure(new FigureAssembly.Figure(listedFor, metric, period, negative ? value.negate() : value, unit,
                        amount.qualifier(), null, null, null, again.start(), at[1], 0.7));
                emittedAmounts.add(at[0]);
            }
            listedMetrics = null;
            return true;
        }

        /**
         * "公司去年营收42.6亿元，今年前10个月已达40.1亿元": a clause that is a period and a figure after a verb of
         * reaching, right after a figure of the same sentence, gives that figure's metric for its own period. True
         * when the clause gave it.
         */
        private boolean continuedForPeriod(int sentenceStart, int cs, int ce, List<Periods.Mention> mentions) {
            FigureAssembly.Figure last = lastFigure;
            if (last == null || last.evidenceEnd() < sentenceStart || last.evidenceEnd() > cs || last.period() == null) {
                return false;
            }
            Matcher m = ruleMatcher(PERIOD_THEN_FIGURE).region(cs, ce);
            if (!m.lookingAt() || emittedAmounts.contains(m.start("amount")) || shared.isConsumed(m.start("amount"))) {
                return false;
            }
            Periods.Mention own = null;
            // A binary search finds the first mention at the clause, so a long paragraph of such clauses costs no
            // more than its length.
            for (int i = Periods.firstStartingFrom(mentions, cs); i < mentions.size() && mentions.get(i).start() <= cs + 2;
                 i++) {
                Periods.Mention pm = mentions.get(i);
                if (pm.end() <= m.start("amount") && pm.period() != null) {
                    own = pm;
                }
            }
            if (own == null || own.period().equals(last.period()) || m.start("amount") - own.end() > 6) {
                return false;
            }
            Optional<Amount> parsed = Amounts.parse(m.group("amount"));
            if (parsed.isEmpty() || !lex.fits(last.metric(), parsed.get())
                    || parsed.get().unit().isMoney() != last.unit().isMoney()) {
                return false;
            }
            Amount amount = parsed.get();
            Unit unit = last.unit() == Unit.COUNT ? Unit.COUNT : currency(amount, m.group("amount"));
            // "今年力争突破7亿元", "预计全年可突破120亿元": a plan or a forecast for the period.
            Qualifier outlook = cues.outlook(cs, m.start("amount"));
            addFigure(new FigureAssembly.Figure(last.company(), last.metric(), own.period(),
                    FigureAssembly.plain(amount.value()), unit, outlook != null ? outlook : amount.qualifier(), null,
                    null, null, cs,
                    m.end("amount"), 0.65));
            emittedAmounts.add(m.start("amount"));
            return true;
        }

        /**
         * Whether {@code t[from, to)} holds any of {@code chars}: a test a pattern needing one of them is skipped by
         * when it fails (no substring is built).
         */
        private boolean holdsAny(int from, int to, String chars) {
            for (int i = from; i < to; i++) {
                if (chars.indexOf(t.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether one of {@code words}, each ending in a character of {@code ends}, ends in {@code t(from, to]}. */
        private boolean holdsWord(int from, int to, String ends, List<String> words) {
            for (int i = from; i < to; i++) {
                if (ends.indexOf(t.charAt(i)) >= 0 && endsWithAny(i + 1, words)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code t} ends at {@code end} with one of {@code words}. */
        private boolean endsWithAny(int end, List<String> words) {
            for (String w : words) {
                if (end >= w.length() && t.startsWith(w, end - w.length())) {
                    return true;
                }
            }
            return false;
        }

        /** A seminar participant of this company named in the sentence, as the person who gave the figure. */
        private String person(String company, int from, int to) {
            for (SeminarEvent s : seminars) {
                for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                    if (p.name() != null && p.organization() != null
                            && sameCompany(SimplifiedText.of(p.organization()), company)
                            && t.substring(Math.max(from, to - 400), to).contains(SimplifiedText.of(p.name()))) {
                        return p.name();
                    }
                }
            }
            return null;
        }
    }

    private static boolean sameCompany(String a, String b) {
        return a.contains(b) || b.contains(a);
    }

    /** A comma between a digit and three digits ("3,558") at {@code i}: part of a number, not a clause break. */
    static boolean isThousandsSeparator(String t, int i) {
        if (t.charAt(i) != ',' || i == 0) {
            return false;
        }
        if (!Character.isDigit(t.charAt(i - 1))) {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (i + k >= t.length() || !Character.isDigit(t.charAt(i + k))) {
                return false;
            }
        }
        return i + 4 >= t.length() || !Character.isDigit(t.charAt(i + 4));
    }

    /** A word class of adverbs in HanLP's tag set: d, and the adverbial uses of verbs and adjectives. */
    private static boolean isAdverb(String nature) {
        return nature.startsWith("d") || nature.equals("vd") || nature.equals("ad");
    }
}
