package cn.newsevents.extraction.company;

import cn.newsevents.extraction.normalize.Periods;
import cn.newsevents.extraction.text.Captions;
import cn.newsevents.extraction.text.Lexicon;
import cn.newsevents.extraction.text.Places;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject of a figure: reads the words between the start of its clause and its keyword or amount ("某某科技前三季度
 * 营收…", "公司实现营收…", "该子公司仅实现营业收入…", "澳门去年全年幸运博彩毛收入…") and answers whose figure it is: a
 * company the article names ({@link Subject.Kind#NAMED}, with where the name starts), the company in focus referred
 * back to ({@link Subject.Kind#FOCUS}) or left implicit ({@link Subject.Kind#IMPLICIT}), or no company at all (a
 * region, a sector, an official: {@link Subject.Kind#NONE}). Looks at most {@link #SUBJECT_WINDOW} characters back.
 *
 * <p>It decides nothing about focus itself except for subsidiaries: a reference to a subsidiary the text introduced
 * (该子公司) and 公司 naming its parent again are read against, and recorded in, the {@link SubsidiaryFocus} the
 * reader owns. One instance per article, not thread-safe.
 */
final class FigureSubjects {
    /**
     * The subsidiary the text turned to and the company it belongs to, kept by the reader across clauses: a subject
     * 该子公司 names the subsidiary and remembers the parent, and 公司 after it names the parent again.
     */
    static final class SubsidiaryFocus {
        /** The company in focus before the text turned to one of its subsidiaries (该子公司), until 公司 returns to it. */
        String parentOfSubsidiary;
        /** The subsidiary whose parent {@link #parentOfSubsidiary} is. */
        String subsidiaryInFocus;
        /** The subsidiaries the text referred back to (该子公司). */
        final Set<String> subsidiaries = new HashSet<>();
    }

    /** How far before a keyword its subject may start. */
    static final int SUBJECT_WINDOW = 48;
    /** Whose share of a result, right before its keyword ("归属于公司普通股股东的", "归属于母公司所有者的"). */
    private static final Pattern OWNERS = Pattern.compile(
            "(?:归属于|归属|属于)[\\u4e00-\\u9fff]{0,10}?(?:股东|所有者|权益持有人|母公司)的?$");
    /** A plant or base of a company at the end of a subject (某地厂, 某地基地). */
    private static final Pattern SITE = Pattern.compile("(?:工厂|厂区|厂房|厂|生产基地|基地|园区|工厂区)$");
    /** A part's share of its whole right before the whole's keyword: "已占整体(营收)", "占公司总(营收)". */
    private static final Pattern PART_OF_WHOLE = Pattern.compile("(?:占|佔)(?:了)?(?:整体|整體|全部|公司|集团|集團)?(?:总|總)?$");
    /** A circumstance after a subject: "在原料价格大幅波动的情况下仍", "在行业下行的背景下". */
    private static final Pattern CIRCUMSTANCE = Pattern.compile("在[^，,；;。]{1,24}?(?:的)?(?:情况下|背景下|形势下|前提下|"
            + "压力下|环境下|带动下|推动下|拉动下|影响下|基础上)(?:仍然|依然|仍|也|还|亦|则)?");
    /** A bracket around a period already blanked out: "（即||||）". */
    private static final Pattern RESTATED_PERIOD = Pattern.compile("[（(](?:即|亦即|指)?\\|+[)）]");
    /** Quotation marks and title brackets, dropped from the words of a subject. */
    private static final Pattern QUOTES = Pattern.compile("[“”\"《》「」『』‘’]");
    private static final Pattern TRAILING_YEAR = Pattern.compile("(?:19|20)[0-9]{2}$");
    /** Blanks and the bars that stand for period words blanked out of a subject. */
    private static final Pattern LEADING_BLANKS = Pattern.compile("^[|\\s]+(?:[0-9０-９]{1,2}[日号](?:止)?)?");
    /** Masked periods ('|') and blanks closing a subject. */
    private static final Pattern TRAILING_MASK = Pattern.compile("[|\\s]+$");
    /** "另一家供应商、": another one of a kind, set before the company's own description and name. */
    private static final Pattern APPOSED = Pattern.compile("(?:另一家|另外一家|另一|一家)[^、，,]{1,8}、");
    /** What a company runs itself, before the brand it runs: "公司直营某某门店". */
    /** A plant or site of a company ending a subject: 厂区, 分厂, 工厂, 生产基地, 厂. */
    private static final String[] SITES = {"生产基地", "厂区", "分厂", "工厂", "厂"};

    /** Where a plant word ending {@code s[0, cut)} starts, when two characters or more stand before it; else -1. */
    private static int siteStart(String s, int cut) {
        if (cut < 3 || s.charAt(cut - 1) != '厂' && s.charAt(cut - 1) != '区' && s.charAt(cut - 1) != '地') {
            return -1;
        }
        for (String w : SITES) {
            if (cut - w.length() >= 2 && s.startsWith(w, cut - w.length())) {
                return cut - w.length();
            }
        }
        return -1;
    }

    /** The company the article gave whose plant {@code owner} names, its place after it dropped (某某纸品中山); else null. */
    private String ownerOfSite(String owner, int offset) {
        for (int end = owner.length(); end >= 2; end--) {
            String name = owner.substring(0, end);
            if (end < owner.length() && Places.placeEnd(owner, end, owner.length()) != owner.length()) {
                continue;
            }
            if (companies.knows(name)) {
                return companies.resolve(name, offset);
            }
            if (end < owner.length()) {
                break;
            }
        }
        return null;
    }

    private static final Pattern OWN_OUTLETS = Pattern.compile("(?:直营|自营|旗下|自有|加盟)");
    /** What the company in focus runs itself, opening a subject: 自营…门店, 直营…, 自有品牌…. */
    private static final Pattern OWN_OPENING = Pattern.compile("(?:直营|自营|自有)");
    /** A verb of having ending a subject ("某某科技有员工…"); not 国有, 所有, 没有, 只有, 还有. */
    private static final Pattern HAS = Pattern.compile(
            "(?:拥有|擁有|共有|现有|現有|聘有|聘用|雇用|僱用|(?<![国國所没沒只还還共现現拥擁聘])有)$");
    /** An official of a public body ("发改委负责同志", "商务局有关负责人"). */
    private static final Pattern OFFICIAL = Pattern.compile(
            "(?:委|局|厅|廳|办|辦|政府|管委会|管委會|部门|部門)(?:有关|有關|相关|相關)?(?:负责同志|負責同志|负责人|負責人|领导|領導|官员|官員)");
    /** A reference to a subsidiary the text introduced ("该子公司", "这家附属公司"). */
    private static final Pattern SUBSIDIARY_REFERENCE = Pattern.compile("(?:该|这家|此|上述)(?:全资|控股)?(?:子公司|附属公司)");
    /** The company itself, after a subsidiary's figures. */
    static final Pattern PARENT_REFERENCE = Pattern.compile("(?:公司|上市公司|本公司|母公司|集团)(?![债股])");
    /** "这家国家级专精特新“小巨人”企业": the company in focus, described. */
    private static final Pattern DESCRIBED_ANAPHOR = Pattern.compile("(?:这家|该)[^，,；;。]{0,16}(?:企业|公司|集团|厂)");
    /** Any period from the year 2000 on. */
    private static final Periods.Anchor ANY_YEAR = new Periods.Anchor(2000, null, null);

    private final CompanyLexicon lex;
    private final CompanyNames names;
    private final String t;
    private final ArticleCompanies companies;
    private final List<CompanyNames.Name> registered;
    private final SpanChecks checks;
    private final List<String> leadWords;
    private final List<String> stopWords;
    private final List<String> topicVerbs;
    private final List<String> headWords;
    private final List<String> prepositions;
    private final List<String> scopeWords;
    /** The first characters of the words for the company in focus (公司, 集团, 该公司, 本集团). */
    private final String anaphorFirsts;
    /** One matcher per pattern over the article, reset by each use of a region. */
    private final Map<Pattern, Matcher> matchers = new HashMap<>();

    /**
     * @param t         the article text in simplified characters
     * @param companies the companies the article names
     * @param checks    the checks of candidate spans of this article
     */
    FigureSubjects(CompanyLexicon lex, CompanyNames names, String t, ArticleCompanies companies, SpanChecks checks) {
        this.lex = lex;
        this.names = names;
        this.t = t;
        this.companies = companies;
        this.registered = companies.registered();
        this.checks = checks;
        this.leadWords = CompanyLexicon.longestFirst(lex.leadWords);
        this.stopWords = CompanyLexicon.longestFirst(lex.stopWords);
        this.topicVerbs = CompanyLexicon.longestFirst(lex.topicVerbs);
        this.headWords = CompanyLexicon.longestFirst(lex.headWords);
        this.prepositions = CompanyLexicon.longestFirst(lex.prepositions);
        this.scopeWords = CompanyLexicon.longestFirst(lex.scopeWords);
        StringBuilder firsts = new StringBuilder();
        for (String a : lex.anaphors) {
            if (a.isEmpty()) {
                // An empty word starts anywhere: every span is searched.
                firsts = null;
                break;
            }
            if (firsts.indexOf(a.substring(0, 1)) < 0) {
                firsts.append(a.charAt(0));
            }
        }
        this.anaphorFirsts = firsts == null ? null : firsts.toString();
    }

    private Matcher matcher(Pattern p) {
        return matchers.computeIfAbsent(p, q -> q.matcher(t));
    }

    /**
     * Reads the words between the clause start and a figure (its keyword or amount at {@code end}) as the company
     * they belong to.
     *
     * @param focus         the subsidiary the text turned to: a reference to one (该子公司) is recorded there, and
     *                      公司 after it names the parent again
     * @param lastReported  the company the latest figure was reported for: the parent of a subsidiary referred to
     * @param captionSpeech whether the paragraph is what a captioned speaker says (我们 is the caption's company)
     */
    Subject of(int clauseStart, int end, SubsidiaryFocus focus, String lastReported, boolean captionSpeech) {
        int cs = Math.max(clauseStart, end - SUBJECT_WINDOW);
        Matcher owners = matcher(OWNERS).region(cs, end);
        if (owners.find()) {
            // "归属于公司普通股股东的净亏损": whose share of the result, no subject; the subject is before it.
            end = owners.start();
        }
        if (matcher(SITE).region(cs, end).find() && ownSite(t.substring(cs, end))) {
            // "该公司在某地布局的硅材料基地员工总数…": the company in focus, then where and what it built.
            return new Subject(Subject.Kind.FOCUS, null, -1);
        }
        if (anaphorBeforePreposition(cs, end)) {
            // "年内集团为新建的校区投入资本开支约6.8亿元": the company in focus spends on something it names.
            return new Subject(Subject.Kind.FOCUS, null, -1);
        }
        if (matcher(PART_OF_WHOLE).region(cs, end).find()) {
            // "车用镜头已占整体营收约35%": a part of a company's business, no company.
            return new Subject(Subject.Kind.NONE, null, -1);
        }
        int at = end - 1;
        while (at > cs + 1 && t.charAt(at) != '在') {
            at--;
        }
        if (at > cs + 1) {
            // "某某纺织在原料价格大幅波动的情况下仍实现净利润…": the circumstance is no part of the subject.
            Matcher circumstance = matcher(CIRCUMSTANCE).region(at, end);
            if (circumstance.lookingAt()) {
                end = at;
            }
        }
        CompanyNames.Name last = null;
        for (int i = companies.firstRegisteredFrom(cs); i < registered.size() && registered.get(i).start() < end; i++) {
            if (registered.get(i).end() <= end) {
                last = registered.get(i);
            }
        }
        if (last != null) {
            String before = bracketedAfter(last.start(), cs);
            if (before != null) {
                // "某某超商（某某便利股份有限公司）门市数…": the name written first; the full name is an aside.
                return new Subject(Subject.Kind.NAMED, before, last.start() - 1 - before.length());
            }
            return new Subject(Subject.Kind.NAMED, last.name(), last.start());
        }
        char[] chars = t.substring(cs, end).toCharArray();
        for (Periods.Mention pm : Periods.findInComparison(t, cs, end, new Periods.Anchor(2000, null, null))) {
            for (int i = pm.start(); i < pm.end(); i++) {
                chars[i - cs] = '|';
            }
        }
        // "某某2023年产值…": a year glued to a keyword that starts with 年 is not part of the name.
        // "下半财年（即2024年10月至2025年3月）营业额": a bracket that only restates a period is part of it.
        masked(chars, RESTATED_PERIOD);
        // "某某集团(02187)昨(20日)公布…": the day it published, after its name, is no part of it.
        masked(chars, SpanChecks.DAY_ASIDE);
        String s = TRAILING_YEAR.matcher(QUOTES.matcher(new String(chars)).replaceAll("")).replaceAll("");
        String afterPeriod = nameAfterLastPeriod(s);
        int offset = cs;
        boolean changed = true;
        while (changed) {
            changed = false;
            int before = s.length();
            s = LEADING_BLANKS.matcher(s).replaceFirst("");
            // "【记者 某某】某某股份2021年扭亏为盈": a transcript's caption before the subject.
            s = s.substring(Captions.afterBracket(s, 0, s.length()));
            for (String w : leadWords) {
                if (s.startsWith(w)) {
                    s = s.substring(w.length());
                    break;
                }
            }
            if (s.length() != before) {
                offset += before - s.length();
                changed = true;
            }
        }
        if (OWN_OPENING.matcher(s).lookingAt()) {
            // "…经销商2614家，自营精酿酒馆“某某鲜啤屋”门店163家": the company in focus and its own brand (旗下
            // may open a subsidiary with a name of its own: 旗下子公司某某车电10月营收…).
            return new Subject(Subject.Kind.FOCUS, null, -1);
        }
        // "排名第二的某某超商门市数…": the rank before the name.
        String unranked = SpanChecks.withoutRank(s);
        offset += s.length() - unranked.length();
        s = unranked;
        int cut = s.indexOf('|');
        cut = cut < 0 ? s.length() : cut;
        int site = siteStart(s, cut);
        if (site >= 0) {
            // "某某纸品中山厂区去年产值…": a plant of a company the article gave, perhaps with its place: the company's
            // figure. "某地厂员工已达1,850人" with no such company: the plant of the company in focus.
            String owner = s.substring(0, site);
            String known = ownerOfSite(owner, offset);
            if (known != null) {
                return new Subject(Subject.Kind.NAMED, known, offset);
            }
            if (owner.length() <= 3) {
                return new Subject(Subject.Kind.FOCUS, null, -1);
            }
        }
        if (cut >= 2 && cut < s.length() && cut <= 4 && Places.placeEnd(s, 0, cut) == cut
                && !scopeWords.contains(s.substring(0, cut))
                && companies.resolve(s.substring(0, cut), offset).equals(s.substring(0, cut))) {
            // "澳门去年全年幸运博彩毛收入…", "全市1至5月…": a place, then the period: a figure of the region.
            return new Subject(Subject.Kind.NONE, null, -1);
        }
        int described = s.lastIndexOf('的', cut - 1);
        if (described >= 2 && cut - described - 1 >= 2) {
            // "某某装备自主研发的造雪机市场占有率", "我们的起重机出口占比": a product of a company the text named, or
            // of the company in focus; the figure is the company's.
            String owner = s.substring(0, described);
            if (lex.anaphors.contains(owner) || startsWithPossessive(owner)) {
                return new Subject(Subject.Kind.FOCUS, null, -1);
            }
            String ownerCompany = productOwner(owner, offset);
            if (ownerCompany != null && companies.resolveContained(s.substring(described + 1, cut),
                    offset + described + 1) == null) {
                return new Subject(Subject.Kind.NAMED, ownerCompany, offset);
            }
        }
        if (described >= 0 && cut - described - 1 >= 4) {
            // "同样公布营收的同业某某光电2月营收…": a clause describing the company before its name.
            offset += described + 1;
            s = s.substring(described + 1);
            cut -= described + 1;
        }
        // "外界再根据某某公司1-10月…": the subject is the name after the last preposition.
        for (String w : prepositions) {
            int i = s.lastIndexOf(w, cut - 1);
            if (i >= 0 && cut - (i + w.length()) >= 2) {
                offset += i + w.length();
                s = s.substring(i + w.length());
                cut -= i + w.length();
            }
        }
        for (String w : stopWords) {
            int i = s.indexOf(w);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        // (A period masked right before the cut, "某某同步公告8月自结…", is no part of the name.)
        s = withoutAnnouncement(TRAILING_MASK.matcher(s.substring(0, cut)).replaceFirst("").strip());
        Matcher origin = FigureLists.ORIGIN.matcher(s);
        if (origin.find() && s.length() - origin.end() >= 2) {
            offset += origin.end();
            s = s.substring(origin.end());
        }
        Matcher apposed = APPOSED.matcher(s);
        if (apposed.lookingAt() && s.length() - apposed.end() >= 2) {
            // "另一家供应商、PCB厂瀚昇科技10月营收…": what the company is, then the company.
            offset += apposed.end();
            s = s.substring(apposed.end());
        }
        boolean headed = false;
        for (String h : headWords) {
            int i = s.lastIndexOf(h);
            if (i >= 0 && s.length() - (i + h.length()) >= 2) {
                offset += i + h.length();
                s = s.substring(i + h.length());
                // "另一家中国企业某某", "厂商某某": a head word describing a name; "公司某某产品": the company in
                // focus and its product.
                headed = i > 0 || !lex.anaphors.contains(h);
                if (!headed && (OWN_OUTLETS.matcher(s).lookingAt() || lex.subjectAdverbs.contains(s))) {
                    // "公司直营“某某鲜奶屋”门店达到586家": the company in focus and its own brand; "公司原订今年资本
                    // 支出…": the company in focus and an adverb.
                    return new Subject(Subject.Kind.FOCUS, null, -1);
                }
                break;
            }
        }
        if (s.isEmpty()) {
            return new Subject(Subject.Kind.IMPLICIT, null, -1);
        }
        s = CompanyNames.STOCK_CODE.matcher(s).replaceAll("");
        String timeless = SpanChecks.withoutTrailingTime(s);
        if (timeless.length() >= 2) {
            // "某某锂电当月份额为3.6%": a time after the name.
            s = timeless;
        }
        Matcher has = HAS.matcher(s);
        if (has.find() && has.start() >= 2) {
            // "全集团有2100名员工", "某某科技拥有门店120家": the name without its verb of having.
            s = s.substring(0, has.start());
        } else if (has.find(0) && has.start() == 0 && has.end() == s.length() && s.length() >= 2) {
            // "目前聘有员工一百三十人": a verb of having and no name, the company in focus.
            return new Subject(Subject.Kind.FOCUS, null, -1);
        }
        if (OFFICIAL.matcher(s).find()) {
            // "某市发改委负责同志现场发布了总投资…": an official of a public body speaks; no company is named.
            return new Subject(Subject.Kind.NONE, null, -1);
        }
        if (SUBSIDIARY_REFERENCE.matcher(s).matches()) {
            // "该子公司2024年仅实现营业收入…": the subsidiary the text introduced last; the company in focus is
            // its parent again when a later clause says 公司.
            String subsidiary = companies.subsidiaryBefore(t, clauseStart);
            if (subsidiary != null) {
                focus.subsidiaries.add(subsidiary);
                if (lastReported != null && !lastReported.equals(subsidiary)) {
                    focus.parentOfSubsidiary = lastReported;
                    focus.subsidiaryInFocus = subsidiary;
                }
                return new Subject(Subject.Kind.NAMED, subsidiary, offset);
            }
        }
        if (focus.parentOfSubsidiary != null && PARENT_REFERENCE.matcher(s).lookingAt()) {
            // "该子公司…净亏损1.74亿元。此外，公司…研发投入…": 公司 is the listed company, not its subsidiary.
            String parent = focus.parentOfSubsidiary;
            focus.parentOfSubsidiary = null;
            return new Subject(Subject.Kind.NAMED, parent, offset);
        }
        if (s.length() < 2 || lex.anaphors.contains(s) || DESCRIBED_ANAPHOR.matcher(s).matches()
                || checks.startsWithKeyword(s) || siteOfCompany(s)
                || ofCompanyInFocus(s, offset) || captionSpeech && lex.possessives.contains(s)) {
            return new Subject(Subject.Kind.FOCUS, null, -1);
        }
        if (!names.looksLikeName(s) && s.length() >= 2) {
            // "昶和去年营收…" after 昶和金属工业股份有限公司: the opening of a name the article gave is that company,
            // however its last character reads (和, 及, 与).
            String full = companies.resolve(s, offset);
            int place = Math.max(0, cn.newsevents.extraction.text.Places.placeEnd(full, 0, full.length()));
            if (!full.equals(s) && (full.startsWith(s) || full.startsWith(s, place))) {
                return new Subject(Subject.Kind.NAMED, full, offset);
            }
        }
        if (names.looksLikeName(s)) {
            String full = companies.resolve(s, offset);
            if (full.equals(s) && checks.isPlace(s)) {
                // "北美客户", "华南营收": a region of the business, no company.
                return new Subject(Subject.Kind.NONE, null, -1);
            }
            // Precision guard: an unknown name that the segmenter reads as a common word ("半年", "规模") is
            // not a company.
            if (full.equals(s) && !lex.isCompanyOrganization(s) && checks.functionWord(s)) {
                return new Subject(Subject.Kind.NONE, null, -1);
            }
            if (full.equals(s) && names.isCommonWord(s)) {
                // "交易客户", "活跃用户": a word qualifying the metric noun right after it; the company is the
                // one in focus.
                boolean qualifies = offset + s.length() == end && s.length() <= 4;
                return new Subject(qualifies ? Subject.Kind.FOCUS : Subject.Kind.NONE, null, -1);
            }
            return new Subject(Subject.Kind.NAMED, full, offset);
        }
        String resolved = companies.resolveContained(s, offset);
        if (resolved != null) {
            return new Subject(Subject.Kind.NAMED, resolved, offset);
        }
        for (String w : scopeWords) {
            int i = s.indexOf(w);
            if (i >= 0 && !checks.hasAggregate(s)) {
                // "小鹰科技国内市场占有率": a company before the market word; "大型锻件国内…": a product line
                // of the company in focus.
                String before = s.substring(0, i);
                if (before.length() >= 2 && names.looksLikeName(before)) {
                    String full = companies.resolve(before, offset);
                    // "另一家中国企业某某动力全球份额": a name after a head word (企业, 厂商) is a company's.
                    if (!full.equals(before) || lex.isCompanyOrganization(before)
                            || headed && !names.isCommonWord(before)) {
                        return new Subject(Subject.Kind.NAMED, full, offset);
                    }
                }
                return new Subject(Subject.Kind.FOCUS, null, -1);
            }
        }
        if (afterPeriod != null) {
            // "…仅次于2008年某某航空138亿元的亏损": the name right after a period, right before the figure.
            return new Subject(Subject.Kind.NAMED, companies.resolve(afterPeriod, end - afterPeriod.length()),
                    end - afterPeriod.length());
        }
        return new Subject(Subject.Kind.NONE, null, -1);
    }

    /** "该公司在某地布局的(硅材料基地)": the subject opens with the company in focus and ends with its site. */
    private boolean ownSite(String before) {
        int de = before.lastIndexOf('的');
        if (de < 0) {
            return false;
        }
        for (String a : lex.anaphors) {
            if (before.startsWith(a) && de > a.length()) {
                return true;
            }
        }
        return false;
    }

    /** "云林厂员工…", "常州基地产值…": a plant or base named by its place is the company in focus. */
    private boolean siteOfCompany(String s) {
        Matcher site = SITE.matcher(s);
        if (!site.find()) {
            return false;
        }
        String place = s.substring(0, site.start());
        return Places.at(place, 0, place.length()) != null
                && Places.placeEnd(place, 0, place.length()) == place.length()
                || place.length() <= 2 && Lexicon.CITIES.longestAt(place, 0, place.length()) == place.length();
    }

    /**
     * Whether {@code t[from, to)} opens, after a period word at most (年内, 今年), with a word for the company in
     * focus and a preposition: "集团为…", "公司向…", "该公司对…", "集团在广东的学校…".
     */
    private boolean anaphorBeforePreposition(int from, int to) {
        if (!opensAnaphor(from, Math.min(from + 4, to - 1))) {
            // "年内集团为…": no word for the company in focus starts in the first five characters.
            return false;
        }
        for (String a : lex.anaphors) {
            // Only the first few characters are looked at: the cost per subject stays bounded.
            int i = -1;
            for (int k = from; k <= Math.min(from + 4, to - a.length()); k++) {
                if (t.startsWith(a, k)) {
                    i = k;
                    break;
                }
            }
            if (i < 0 || i + a.length() >= to || "为向对于在".indexOf(t.charAt(i + a.length())) < 0) {
                continue;
            }
            if (i == from || i == from + 2 && "年期季月".indexOf(t.charAt(from)) >= 0 && t.charAt(from + 1) == '内') {
                return true;
            }
            List<Periods.Mention> p = Periods.findInComparison(t, from, i, ANY_YEAR);
            if (p.size() == 1 && p.get(0).start() == from && p.get(0).end() == i) {
                return true;
            }
        }
        return false;
    }

    /** "公司流动电话用户", "集团海外业务收入": a line of business of the company in focus. */
    private boolean ofCompanyInFocus(String s, int at) {
        for (String a : lex.anaphors) {
            if (a.length() >= 2 && s.startsWith(a) && s.length() - a.length() >= 2
                    && companies.resolveContained(s.substring(a.length()), at + a.length()) == null
                    && companies.resolve(s.substring(a.length()), at + a.length()).equals(s.substring(a.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The company that makes what follows 的 in a subject: {@code owner} is a name the article introduced,
     * alone or with a verb of making ("某某装备自主研发"). Null when it is anything else.
     */
    private String productOwner(String owner, int at) {
        String name = owner;
        for (String w : lex.makerWords) {
            if (owner.endsWith(w) && owner.length() - w.length() >= 2) {
                name = owner.substring(0, owner.length() - w.length());
                break;
            }
        }
        String contained = companies.resolveContained(name, at);
        if (contained != null) {
            return contained;
        }
        String full = companies.resolve(name, at);
        return full.equals(name) ? null : full;
    }

    /** The name written right before a bracket that opens at {@code at - 1}, after any head word, else null. */
    private String bracketedAfter(int at, int floor) {
        if (at < 1 || "（(".indexOf(t.charAt(at - 1)) < 0) {
            return null;
        }
        int start = at - 1;
        while (start > floor && at - 1 - start < 10 && CompanyNames.isNameChar(t.charAt(start - 1))
                && "（()）".indexOf(t.charAt(start - 1)) < 0) {
            start--;
        }
        String name = t.substring(start, at - 1);
        for (String h : headWords) {
            int i = name.lastIndexOf(h);
            if (i >= 0 && name.length() - (i + h.length()) >= 2) {
                name = name.substring(i + h.length());
                break;
            }
        }
        for (String w : leadWords) {
            if (name.startsWith(w) && name.length() - w.length() >= 2) {
                name = name.substring(w.length());
            }
        }
        return name.length() >= 2 && names.looksLikeName(name) && !checks.functionWord(name)
                && !checks.hasAggregate(name) && !names.isCommonWord(name) ? name : null;
    }

    /**
     * A subject that ends with its announcing verb and the day it announced ("某某科技昨（5）日公布" before
     * "10月营收…"): the name without them.
     */
    private String withoutAnnouncement(String s) {
        for (String v : topicVerbs) {
            // "其业绩快报显示全年净利润…": also a word referring back (其) before the verb.
            if (s.endsWith(v) && (s.length() - v.length() >= 2
                    || lex.anaphors.contains(s.substring(0, s.length() - v.length())))) {
                String name = SpanChecks.TRAILING_TIME.matcher(s.substring(0, s.length() - v.length()))
                        .replaceFirst("").strip();
                // "某某同时公布", "某某昨日亦公布": an adverb, then a time, between the name and its verb.
                return SpanChecks.withoutTrailingTime(checks.withoutTrailingAdverb(name)).strip();
            }
        }
        return s;
    }

    /** Whether a word for the company in focus (公司, 集团, 该公司) may start in {@code t[from, last]}. */
    private boolean opensAnaphor(int from, int last) {
        if (anaphorFirsts == null) {
            return true;
        }
        for (int k = from; k <= last; k++) {
            if (anaphorFirsts.indexOf(t.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The name between the last period expression (masked as '|') and the end of {@code s}, else null. */
    private String nameAfterLastPeriod(String masked) {
        int bar = masked.lastIndexOf('|');
        if (bar < 0 || bar == masked.length() - 1) {
            return null;
        }
        String tail = masked.substring(bar + 1);
        for (String w : stopWords) {
            int i = tail.indexOf(w);
            if (i >= 0) {
                tail = tail.substring(0, i);
            }
        }
        return tail.length() >= 2 && names.looksLikeName(tail) && !names.isCommonWord(tail)
                && !checks.functionWord(tail)
                && !checks.startsWithKeyword(tail) && !checks.hasAggregate(tail) ? tail : null;
    }

    /** "我们的", "我们在某领域的": the speaker's company, the one in focus. */
    private boolean startsWithPossessive(String owner) {
        for (String w : lex.possessives) {
            if (owner.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** Blanks out (with |, as periods are) every match of {@code p}, an aside in brackets, in {@code chars}. */
    private static void masked(char[] chars, Pattern p) {
        boolean bracket = false;
        for (char c : chars) {
            bracket |= c == '（' || c == '(';
        }
        if (!bracket) {
            return;
        }
        Matcher m = p.matcher(new String(chars));
        while (m.find()) {
            java.util.Arrays.fill(chars, m.start(), m.end(), '|');
        }
    }
}
