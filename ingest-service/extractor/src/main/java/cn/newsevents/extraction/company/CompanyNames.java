package cn.newsevents.extraction.company;

import cn.newsevents.extraction.text.DictionaryWords;
import cn.newsevents.extraction.text.Segmenter;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds company names in simplified text: registered names by their ending (有限公司, 集团...), and names
 * written right before a company job title (远航汽车副总裁). Also judges whether a short subject such as
 * 星河通信 can be a company name. HanLP is used only on name candidates, to drop a person name glued in front
 * ("王某某常州某某有限公司" in profile headers).
 */
final class CompanyNames {
    /** A name at {@code [start, end)} of the text; {@code name} may be shorter than the span after trimming. */
    record Name(int start, int end, String name) {
    }

    /**
     * A descriptor opening with where or whose a company is, ending in a trade word: 内地乳制品企业, 本地物流股, 德国泵阀企业,
     * 内房系物业管理公司.
     */
    private static final Pattern DESCRIPTOR = Pattern.compile(
            "(?:内地|本地|国内|本港|本澳|海外|民营|国有|外资|港资|台资|上市|龙头|老牌|知名|在港上市的"
                    + "|德国|美国|日本|韩国|法国|英国|瑞士|瑞典|荷兰|意大利|丹麦|芬兰|奥地利|新加坡)[^、，,（(]{0,8}?(?:企业|厂商|股|商|集团)"
                    // "内房系物业管理公司某某服务集团股份有限公司": whose family of companies, its trade, then its name.
                    + "|[\\u4e00-\\u9fff]{1,2}系[^、，,（(]{0,8}?(?:企业|公司|股|商)");
    /** A kind of firm ending a descriptor ("机床企业", "制造商"): what follows it starts a name. */
    private static final Pattern ONE_AFTER_KIND = Pattern.compile("(?:企业|公司|集团|厂商|厂家|品牌|龙头|商)$");
    /** 建筑服务商某某控股有限公司, 地产发展商某某集团, 澳门博企某某集团: the company's trade, ending in a kind of firm, before its name. */
    private static final Pattern TRADE_HEAD = Pattern.compile(
            "(?:供应|供货|营办|经营|发展|投资|开发|运营|营运|制造|生产|经销|代理|服务|零售|批发|贸易|分销|承包|建材|物流|出口|品牌|设计)商|连锁品牌|(?<=[\\u4e00-\\u9fff]{2})连锁(?![店超集品经企公有药餐])|(?<!自有)品牌|通路|业者|龙头|平台|(?:博|房|药|车|险|券|乳|酒|钢|煤|茶|鞋)企(?!业)|(?<=[\\u4e00-\\u9fffA-Za-z]{2})厂(?:商|(?![家房区]))");
    /** "目前我们全集团": a pronoun or a word for now is never part of a name; the name starts after it. */
    private static final Pattern SPEAKER_OR_NOW = Pattern.compile("目前|现在|现时|当前|如今|我们|他们|咱们");
    /** A short name in brackets closing a name: "某某教育集团有限公司（某某教育）", "（某某餐饮，2573）". */
    static final Pattern TRAILING_SHORT_NAME = Pattern.compile(
            "[（(]([\\u4e00-\\u9fff]{2,8})(?:[，,、] ?[0-9]{3,6}(?:\\.[A-Za-z]{2})?)?[)）]$");
    /** 餐饮集团, 物流集团 opening a registered name; the word before 集团 must be a common noun of a trade. */
    private static final Pattern TRADE_GROUP = Pattern.compile("[A-Za-z0-9]*([\\u4e00-\\u9fff]{2,6})(?:集团|集團|公司)");
    /*
     * Characters every match of a pattern holds: a span with none of them is not searched (most spans before a
     * name's ending hold none). DESCRIPTOR ends in 企业, 厂商, 股, 商, 集团 or 公司; TRADE_HEAD's words all hold one of
     * these (供应商, 连锁, 品牌, 通路, 业者, 龙头, 平台, 药企, 厂); SPEAKER_OR_NOW's words open with one; LEADING_TIME's
     * hold a digit, 年, 月, 季 or 以 (以来).
     */
    private static final String DESCRIPTOR_CHARS = "企商股团司";
    private static final String TRADE_HEAD_CHARS = "商锁牌路者头台企厂";
    private static final String SPEAKER_OR_NOW_CHARS = "目现当如我他咱";
    private static final String LEADING_TIME_CHARS = "0123456789年月季以";
    private static final int MAX_NAME = 24;
    /** Where a company is listed, as a kind of company, no name: "科创板公司某某股份有限公司". */
    private static final Pattern LISTING_KIND = Pattern.compile(
            "(?:科创板|创业板|主板|北交所|新三板|A股|港股|美股|中概股|沪市|深市)(?:上市)?公司");
    /** A short name and its stock code in brackets: "某某坊（08179）". */
    private static final Pattern CODED_NAME_AFTER = Pattern.compile("[\\u4e00-\\u9fff]{2,6}[（(][0-9]{4,6}[)）]");
    /** A stock code after a listed company's name ("某某（0700）", "某某(600519.SH)"). */
    static final Pattern STOCK_CODE = Pattern.compile(
            "[（(](?:港股|股份|股票|A股|H股)?(?:代号|代码|编号)?[:：]?[0-9]{3,6}(?:[.\\-][A-Za-z]{2})?[)）]");
    /** "847家", "多家": a number of companies, not one. */
    static final Pattern COUNTED_COMPANIES = Pattern.compile("[0-9一二三四五六七八九十几多两数百千][家间]");
    /** 子公司, 分公司, 总公司…, 为私人公司: a kind of company, not a name; 电子/量子公司 are names. */
    private static final Pattern GENERIC_END = Pattern.compile("(?:上市|联营|合营|附属|于|於|该|这家|那家|本|(?<![电原量粒种因光离分王])子|分|总|母|各|其"
            + "|为私人|为家族|为民营|为国有|为外资|为合资|是私人|是家族|是民营|是国有|是外资|是合资)$");
    /** A place's ending closing a name; 超市, 夜市 and 门市 are shops, not cities. */
    private static final Pattern PLACE_END = Pattern.compile("[省县区镇乡村国州]$|(?<![超夜门菜])市$");
    /*
     * The characters a match of a pattern ending in $ ends in, or a line break before which $ holds too: a name ending
     * otherwise (某某科技, 某某集团) is not searched. GENERIC_END: 上市, 联营, 附属, 于, 该, 这家, 本, 子, 分, 总, 母, 各,
     * 其, 为私人, 为家族, 为民营, 为国有, 为外资; PLACE_END: 省, 县, 区, 镇, 乡, 村, 国, 州, 市.
     */
    private static final String GENERIC_LAST = "市营属于於该家本子分总母各其人族有资\n\r\u0085\u2028\u2029";
    private static final String PLACE_LAST = "省县区镇乡村国州市\n\r\u0085\u2028\u2029";
    /** Dates and periods written before a name ("2023年集团"): the name starts after them. */
    private static final Pattern LEADING_TIME = Pattern.compile(
            "[0-9]{1,4}(?:年度|财年|年|月份|月|日)|[〇零一二三四五六七八九十]{1,4}(?:年度|年|月份|月)|今年|去年|前年|上半年|下半年|全年|季度|年底|年末|以来|[0-9]+");
    private final CompanyLexicon lex;
    private final KeywordScanner suffixes;
    private final KeywordScanner titles;
    private final List<String> boundaries;
    /** For each of {@link #boundaries}, {@link #charMask} of its characters. */
    private final long[] boundaryMasks;
    private final List<String> nonCompany;
    /** The same words, to tell cheaply whether a text holds none of them (most candidate names hold none). */
    private final KeywordScanner nonCompanyScanner;

    CompanyNames(CompanyLexicon lex) {
        this.lex = lex;
        this.suffixes = new KeywordScanner(lex.nameSuffixes);
        this.titles = new KeywordScanner(lex.titles);
        this.boundaries = CompanyLexicon.longestFirst(lex.nameBoundaries);
        this.boundaryMasks = boundaries.stream().mapToLong(CompanyNames::charMask).toArray();
        java.util.Set<String> all = new java.util.LinkedHashSet<>(lex.scopeWords);
        all.addAll(lex.aggregateWords);
        this.nonCompany = CompanyLexicon.longestFirst(all);
        this.nonCompanyScanner = new KeywordScanner(all);
    }

    /** Whether every bracket of {@code s} closes in it. */
    static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    static boolean isNameChar(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '（' || c == '）' || c == '(' || c == ')' || c == '·'
                || c == '&';
    }

    /** Registered company names (ending in 有限公司, 集团...) in {@code text[from, to)}. */
    List<Name> registered(String text, int from, int to) {
        List<Name> raw = new ArrayList<>();
        Map<String, Integer> leadingWords = new HashMap<>();
        for (KeywordScanner.Hit m : suffixes.find(text, from, to)) {
            int end = m.end();
            int start = walkLeft(text, m.start(), from);
            Name n = trim(text, start, m.start(), end, leadingWords);
            String own = n == null ? null : n.name().substring(0, n.name().length() - (end - m.start()));
            if (n != null && lex.anaphors.contains(m.word()) && lex.nameSuffixes.stream().anyMatch(own::endsWith)) {
                // 某某控股有限公司集团主席: 集团 written again after the full name is not a longer name.
                continue;
            }
            if (n != null && !LISTING_KIND.matcher(n.name()).matches()) {
                raw.add(n);
            }
        }
        return dropGluedPersons(text, withoutTradeGroups(text, raw));
    }

    /**
     * "连锁中式快餐集团某某饮食集团控股有限公司", "物业管理公司某某物业服务集团有限公司", "茶餐厅连锁集团某某坊（08179）": a
     * group or company word of a trade written right before a company's name describes it; it is no company of its own.
     */
    private static List<Name> withoutTradeGroups(String text, List<Name> raw) {
        List<Name> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Name n = raw.get(i);
            // "茶餐厅连锁集团某某坊（08179）": a short name and its stock code after the trade's group word.
            boolean named = i + 1 < raw.size() && raw.get(i + 1).start() == n.end()
                    || CODED_NAME_AFTER.matcher(text).region(n.end(), Math.min(text.length(), n.end() + 16)).lookingAt();
            boolean described = named
                    && (n.name().endsWith("集团") || n.name().endsWith("集團") || n.name().endsWith("公司"))
                    && (n.name().length() <= 8 && isTradePhrase(n.name().substring(0, n.name().length() - 2))
                    // "内房系物业管理公司某某…", "本澳餐饮集团某某…": where or whose, and the trade, a descriptor as a
                    // whole (本 may have been trimmed off the name).
                    || DESCRIPTOR.matcher(n.name()).matches()
                    || n.start() >= 1 && DESCRIPTOR.matcher(text).region(n.start() - 1, n.end()).matches());
            if (!described) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * "连锁餐饮集团某某餐饮": the name after a group or company word of a trade written before it; else the name.
     */
    String withoutTradeGroup(String name) {
        if (!name.contains("集团") && !name.contains("集團") && !name.contains("公司")) {
            // Every match of TRADE_GROUP ends in its group word: a name without one has no trade's group before it.
            return name;
        }
        Matcher m = TRADE_GROUP.matcher(name);
        // "本地连锁餐饮集团某某餐饮", "本地中菜及茶餐厅连锁集团某某坊": the trade may follow words of place or other
        // trades; the longest trade phrase right before the group word counts.
        for (int start = 0; start + 4 <= name.length(); start++) {
            if (start > 0 && !Character.isIdeographic(name.charAt(start))) {
                continue;
            }
            m.region(start, name.length());
            if (!m.lookingAt()) {
                continue;
            }
            int end = m.end();
            if (lex.headWords.contains(name.substring(m.start(1), end))) {
                // "本地上市公司一季报": 上市公司 is a kind of company, not a trade's group.
                continue;
            }
            if (name.length() - end >= 2 && !name.startsWith("控股", end)
                    && lex.nameSuffixes.stream().noneMatch(x -> name.startsWith(x, end))
                    && !lex.organizationKinds.containsKey(name.substring(end))
                    && (isTradeWord(m.group(1)) || isTradePhrase(m.group(1)))) {
                // (某某餐饮集团控股: 控股 after the group word is part of the name.)
                return name.substring(end);
            }
        }
        return name;
    }

    /** Whether every word of {@code words} is a common noun, verbal noun or attribute (连锁, 中式, 快餐, 冷链). */
    private static boolean isTradePhrase(String words) {
        if (words.length() >= 3 && (words.startsWith("连锁") || words.endsWith("连锁"))) {
            // 连锁中菜集团, 餐饮连锁集团: a chain of a trade, whatever the words of the trade.
            return true;
        }
        List<Term> terms = Segmenter.WORDS.seg(words);
        if (terms.isEmpty()) {
            return false;
        }
        boolean longWord = false;
        for (Term t : terms) {
            String nature = t.nature == null ? "" : t.nature.toString();
            // Common nouns (n, nz: 冷链, nis: 酒店), verbal nouns and attributes; never a person, place or body.
            boolean common = nature.startsWith("n") && !nature.startsWith("nr") && !nature.startsWith("ns")
                    && !nature.startsWith("nt") || nature.equals("vn") || nature.equals("b") || nature.equals("an")
                    || nature.equals("v");
            if (!common || t.word.length() < 2 && !nature.equals("n")) {
                return false;
            }
            longWord |= t.word.length() >= 2;
        }
        // 连锁饼店 (连锁, 饼, 店): one-character nouns of a trade, beside a word of two characters at least.
        return longWord;
    }

    /**
     * Names as written elsewhere in the text tell whether a glued prefix is a person ("王某" + "某某有限公司").
     * Only names opening a sentence can carry one (profile headers), so only those are segmented, once each.
     */
    private static List<Name> dropGluedPersons(String text, List<Name> raw) {
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Name n : raw) {
            written.add(n.name());
        }
        java.util.Map<String, Integer> cache = new java.util.HashMap<>();
        List<Name> out = new ArrayList<>(raw.size());
        for (Name n : raw) {
            char before = n.start() == 0 ? '\n' : text.charAt(n.start() - 1);
            if ("\n。！？!?”」 ".indexOf(before) < 0) {
                out.add(n);
                continue;
            }
            int person = cache.computeIfAbsent(n.name(), k -> personPrefix(k, written));
            out.add(person == 0 ? n : new Name(n.start() + person, n.end(), n.name().substring(person)));
        }
        return out;
    }

    /**
     * Organizations named right before a job title of the title table ("。远航汽车副总裁李某"); {@code written}
     * holds the registered names of the text, to tell a person name glued in front.
     */
    List<Name> titled(String text, int from, int to, java.util.Set<String> written) {
        List<Name> out = new ArrayList<>();
        Map<String, Integer> leadingWords = new HashMap<>();
        for (KeywordScanner.Hit m : titles.find(text, from, to)) {
            if (m.start() > from && (text.charAt(m.start() - 1) == '兼' || text.charAt(m.start() - 1) == '、')) {
                // 某某执行董事兼总经理: the second post of a pair; the first one's hit names the company.
                continue;
            }
            // "某某精工相关负责人": which of the company's people, not part of its name.
            int end = m.start() - 2 >= from && (text.startsWith("相关", m.start() - 2)
                    || text.startsWith("有关", m.start() - 2)) ? m.start() - 2 : m.start();
            int start = walkLeft(text, end, from);
            if (end - start < 2) {
                continue;
            }
            Name n = trim(text, start, end, end, leadingWords);
            if (n != null && n.name().contains("兼")) {
                // 集团主席兼行政总裁: two posts, no company between them.
                continue;
            }
            char before = n == null || n.start() == 0 ? '\n' : text.charAt(n.start() - 1);
            if (n != null && "\n。！？!?”」 ".indexOf(before) >= 0) {
                int person = personPrefix(n.name(), written);
                n = person == 0 ? n : new Name(n.start() + person, n.end(), n.name().substring(person));
            }
            if (n != null && (lex.anaphors.contains(n.name()) || lex.headWords.contains(n.name()))) {
                continue;
            }
            if (n != null) {
                // 某某控股有限公司集团主席: the group written again before its chairman's post.
                for (String a : lex.anaphors) {
                    String rest = n.name().substring(0, Math.max(0, n.name().length() - a.length()));
                    if (n.name().endsWith(a) && rest.length() > 2 && lex.nameSuffixes.stream().anyMatch(rest::endsWith)) {
                        n = new Name(n.start(), n.end() - a.length(), rest);
                        break;
                    }
                }
            }
            if (n != null && lex.isCompanyOrganization(n.name())) {
                out.add(n);
            } else if (n != null && n.name().length() <= 8 && looksLikeName(n.name())
                    && !hasNonCompanyKind(n.name())) {
                out.add(n);
            }
        }
        return out;
    }

    boolean hasNonCompanyKind(String name) {
        for (var e : lex.organizationKinds.entrySet()) {
            if (!e.getValue() && name.endsWith(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static int walkLeft(String text, int pos, int floor) {
        int start = pos;
        int depth = 0;
        // Where the first closing bracket met stands: the rightmost one, the last to be matched.
        int firstClose = -1;
        while (start > floor && pos - start < MAX_NAME && isNameChar(text.charAt(start - 1))) {
            char c = text.charAt(start - 1);
            if (c == '）' || c == ')') {
                if (depth == 0) {
                    firstClose = start - 1;
                }
                depth++;
            } else if (c == '（' || c == '(') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            start--;
        }
        if (depth > 0) {
            // "（记者 某某 通讯员 某某）德国某某集团": a bracket closing with no opening in the name ends an aside before it.
            start = firstClose + 1;
        }
        // "（同期声）某某股份有限公司": a name never opens with a bracket; an aside before it is no part of it.
        while (start < pos && (text.charAt(start) == '（' || text.charAt(start) == '(')) {
            int close = start + 1;
            while (close < pos && text.charAt(close) != '）' && text.charAt(close) != ')') {
                close++;
            }
            start = Math.min(pos, close + 1);
        }
        return start;
    }

    /**
     * The name in {@code text[start, end)} whose own part (before the ending at {@code suffixStart}) starts after
     * the last boundary word, without a person name glued in front; null when nothing name-like is left.
     * {@code leadingWords} holds, for the names read so far in one text, how many characters of a function word open
     * them (a name written again is not segmented again).
     */
    private Name trim(String text, int start, int suffixStart, int end, Map<String, Integer> leadingWords) {
        int s = start;
        String part = text.substring(start, suffixStart);
        long partMask = charMask(part);
        for (int k = 0; k < boundaries.size(); k++) {
            if ((boundaryMasks[k] & ~partMask) != 0) {
                // A character of the word is missing from the part: the word is not in it, and a word not in the
                // part changes nothing below. Most of the hundred words are skipped so, without a search.
                continue;
            }
            String b = boundaries.get(k);
            int i = part.lastIndexOf(b);
            int cut = start + i + b.length();
            if (i >= 0 && cut == suffixStart && suffixStart != end) {
                // "二季度单季公司实现…": a boundary word right before the ending leaves no name.
                return null;
            }
            if (i == 0 && b.length() == 1 && "和与及".contains(b)) {
                // "会中，和晟精密工业股份有限公司董事长…": 和 opening the name joins nothing before it.
                continue;
            }
            if (i >= 3 && b.length() == 1 && "和与及".contains(b) && ONE_AFTER_KIND.matcher(part.substring(0, i - 1)).find()) {
                // 日本机床企业东和工机株式会社: 和 one character after a kind of firm joins no two names; the name
                // starts after the kind.
                s = Math.max(s, start + i - 1);
                continue;
            }
            if (i >= 0 && b.length() == 1 && "和与及".contains(b)
                    && (i - cn.newsevents.extraction.text.Places.placeEnd(part, 0, part.length()) == 1
                    || i >= 2 && part.charAt(i - 2) == '股')) {
                // 山东瑾和食品科技有限公司: 和 after the place and one character joins no two names; nor after the kind
                // of stock and one character (生物科技股星和生物科技有限公司).
                continue;
            }
            if (i >= 0 && cut > s && suffixStart - cut >= 2
                    && (b.length() < 2 || !isTradeWord(text.substring(cut, suffixStart)))) {
                // "某某显示技术有限公司": a boundary verb that leaves only a trade (技术) is part of the name.
                s = cut;
            }
        }
        // 内地乳制品企业某某控股有限公司 / 本地物流股某某控股: a descriptor of the company's trade before its name.
        if (holdsAny(text, s, suffixStart, DESCRIPTOR_CHARS)) {
            Matcher described = DESCRIPTOR.matcher(text).region(s, suffixStart);
            while (described.find()) {
                if (suffixStart - described.end() >= 2) {
                    s = described.end();
                }
            }
        }
        Matcher listed = LISTING_KIND.matcher(text).region(s, suffixStart);
        if (listed.lookingAt() && suffixStart - listed.end() >= 2) {
            // 科创板公司某某生物医药股份有限公司: where it is listed, then its name.
            s = listed.end();
        }
        int stock = s;
        while (stock < suffixStart && text.charAt(stock) != '股') {
            stock++;
        }
        if (stock - s >= 1 && stock < suffixStart && suffixStart - stock - 1 >= 2
                && "份东東价價票权權".indexOf(text.charAt(stock + 1)) < 0
                && (tradeOnly(text.substring(s, stock)) || stock - s <= 6 && "控持参參入配".indexOf(text.charAt(stock - 1)) < 0)) {
            // 生物科技股某某生物科技有限公司, 内房股某某置业集团有限公司, 内房系物管股某某服务集团有限公司: the kind of
            // stock the company is, before its name.
            s = stock + 1;
        }
        if (holdsAny(text, s, suffixStart, TRADE_HEAD_CHARS)) {
            Matcher trade = TRADE_HEAD.matcher(text).region(s, suffixStart);
            while (trade.find()) {
                if (suffixStart - trade.end() >= 2) {
                    s = trade.end();
                }
            }
        }
        Matcher tradeGroup = TRADE_GROUP.matcher(text).region(s, suffixStart);
        if (tradeGroup.lookingAt() && suffixStart - tradeGroup.end() >= 2 && (isTradeWord(tradeGroup.group(1))
                || isTradePhrase(tradeGroup.group(1)))) {
            // 餐饮集团某某餐饮事业股份有限公司: the trade's group word before the name, not a group of that name.
            s = tradeGroup.end();
        }
        if (holdsAny(text, s, suffixStart, SPEAKER_OR_NOW_CHARS)) {
            Matcher speaker = SPEAKER_OR_NOW.matcher(text).region(s, suffixStart);
            while (speaker.find()) {
                s = speaker.end();
            }
        }
        if (holdsAny(text, s, suffixStart, LEADING_TIME_CHARS)) {
            Matcher time = LEADING_TIME.matcher(text).region(s, suffixStart);
            while (time.find()) {
                s = time.end();
            }
        }
        s = afterLeadingVerb(text, s, suffixStart, leadingWords);
        while (s < suffixStart && (text.charAt(s) == '（' || text.charAt(s) == '(')
                && text.indexOf(text.charAt(s) == '（' ? '）' : ')', s) >= end) {
            // 某某超商（某某便利股份有限公司）: the bracket opening before a full name is not part of it.
            s++;
        }
        String own = text.substring(s, suffixStart);
        if (own.length() < 2 && suffixStart != end) {
            return null;
        }
        if (!ownPartIsSpecific(own)) {
            return null;
        }
        return new Name(s, end, text.substring(s, end));
    }

    /**
     * A 64-bit summary of the characters of {@code s}: bit {@code c % 64} for each character {@code c}. A word whose
     * summary has a bit the text's lacks cannot occur in the text.
     */
    private static long charMask(String s) {
        long mask = 0;
        for (int i = 0; i < s.length(); i++) {
            mask |= 1L << s.charAt(i);
        }
        return mask;
    }

    /** Whether {@code text[from, to)} holds one of {@code chars}. */
    private static boolean holdsAny(String text, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean ownPartIsSpecific(String own) {
        if (counted(own) || endsInAny(own, GENERIC_LAST) && GENERIC_END.matcher(own).find()) {
            return false;
        }
        if (!nonCompanyScanner.containsAny(own)) {
            return true;
        }
        for (String w : nonCompany) {
            if (own.contains(w) && (w.length() > 1)) {
                return own.length() > w.length() + 1 && !own.endsWith(w);
            }
        }
        return true;
    }

    /**
     * Length of a person name glued before a company name ("许某江苏某某重工股份有限公司"): HanLP must tag the
     * first word as a person name, and what follows must start with a place name or appear in the text on its own.
     */
    private static int personPrefix(String name, java.util.Set<String> written) {
        if (name.length() < 7) {
            return 0;
        }
        for (int k = 3; k >= 2; k--) {
            // The same company written elsewhere without the prefix, and a prefix that reads as a person name.
            if (written.contains(name.substring(k)) && isPersonName(name.substring(0, k))) {
                return k;
            }
        }
        List<Term> terms = Segmenter.NAMES_AND_PLACES.seg(name);
        if (terms.size() < 2 || terms.get(0).nature == null || !terms.get(0).nature.startsWith("nr")) {
            return 0;
        }
        int len = terms.get(0).word.length();
        if (len < 2 || len > 3) {
            return 0;
        }
        String rest = name.substring(len);
        boolean place = terms.get(1).nature != null && terms.get(1).nature.startsWith("ns");
        return place || written.contains(rest) ? len : 0;
    }

    private static boolean isPersonName(String s) {
        List<Term> terms = Segmenter.NAMES.seg(s);
        return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.startsWith("nr");
    }

    /** Whether a short subject ("星河通信", "华光电子A") can be a company name by itself. */
    boolean looksLikeName(String s) {
        if (s == null || s.length() < 2 || s.length() > 16) {
            return false;
        }
        if ("（(）)".indexOf(s.charAt(0)) >= 0 || !balanced(s)) {
            // "（即2024年10月至…）": an aside, or a part of one, is no name.
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        if (counted(s)) {
            return false;
        }
        if (nonCompanyScanner.containsAny(s)) {
            for (String w : nonCompany) {
                // "国际" ends many company names (某某国际, 某某国际控股) or stands inside them after the name's own
                // part (某某国际教育) while "国际市场" is a market.
                if (s.contains(w) && !(w.equals("国际") && s.length() >= 4
                        && (s.endsWith(w) || lex.isCompanyOrganization(s)
                        || s.indexOf(w) >= 2 && !s.endsWith("市场") && !s.endsWith("业务")))) {
                    return false;
                }
            }
        }
        if (lex.anaphors.contains(s)) {
            return false;
        }
        if (cn.newsevents.extraction.text.Lexicon.TITLES.longestAt(s, 0, s.length()) == s.length()) {
            // "县长表示，…": a post is no company.
            return false;
        }
        if ((s.contains("和") || s.contains("与") || s.contains("及")) && joinsTwo(s)) {
            return false;
        }
        for (var e : lex.organizationKinds.entrySet()) {
            if (!e.getValue() && s.endsWith(e.getKey())) {
                return false;
            }
        }
        return !endsInAny(s, PLACE_LAST) || !PLACE_END.matcher(s).find();
    }

    /** Whether {@code s} counts companies ("三家", "5间"): {@link #COUNTED_COMPANIES}, searched when 家 or 间 is in it. */
    static boolean counted(String s) {
        return (s.indexOf('家') >= 0 || s.indexOf('间') >= 0) && COUNTED_COMPANIES.matcher(s).find();
    }

    /** Whether the last character of {@code s} is one of {@code chars}. */
    private static boolean endsInAny(String s, String chars) {
        return !s.isEmpty() && chars.indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /**
     * Whether 和, 与 or 及 stands in {@code s} as a word of its own, joining two names ("甲和乙"), rather than
     * inside a word of the name (景和医药, 与时科技).
     */
    private static boolean joinsTwo(String s) {
        int offset = 0;
        for (Term term : Segmenter.WORDS.seg(s)) {
            int at = offset;
            offset += term.word.length();
            if ((term.word.equals("和") || term.word.equals("与") || term.word.equals("及"))
                    && !afterOneCharacter(at, s.length()) && !(at == 0 && term.word.equals("和"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the segmenter reads the word as one common word (a verb, adjective, adverb, pronoun, number, time or
     * function word: "确保", "其中") or as numbers and measures only ("半年"): not a company.
     */
    boolean isCommonWord(String word) {
        List<Term> terms = Segmenter.WORDS.seg(word);
        if (terms.isEmpty()) {
            return false;
        }
        boolean quantities = true;
        for (Term term : terms) {
            String nature = term.nature == null ? "" : term.nature.toString();
            quantities &= !nature.isEmpty() && "mqt".indexOf(nature.charAt(0)) >= 0;
        }
        if (quantities) {
            return true;
        }
        String nature = terms.size() == 1 && terms.get(0).nature != null ? terms.get(0).nature.toString() : "";
        return !nature.isEmpty() && "vadrmtpcuqfb".indexOf(nature.charAt(0)) >= 0;
    }

    /**
     * Whether the segmenter finds a pronoun, preposition, conjunction, particle or adverb in the candidate: a clause
     * ("这一数据仅次于", "由于其"), not a name.
     */
    /** Trade words only (生物科技, 智能装备): up to four characters, common nouns to the segmenter, no proper name. */
    private static boolean tradeOnly(String words) {
        if (words.isEmpty() || words.length() > 4) {
            return false;
        }
        for (Term term : Segmenter.WORDS.seg(words)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            if (!nature.equals("n") && !nature.equals("vn")) {
                return false;
            }
        }
        return true;
    }

    /** A trade (餐饮, 物流, 航运): one common noun to the segmenter, not a proper name. */
    private static boolean isTradeWord(String word) {
        List<Term> terms = Segmenter.WORDS.seg(word);
        if (terms.size() != 1 || terms.get(0).nature == null) {
            return false;
        }
        String nature = terms.get(0).nature.toString();
        return nature.equals("n") || nature.equals("vn");
    }

    boolean hasFunctionWord(String candidate) {
        if (!DictionaryWords.mayContain(candidate, CompanyNames::isFunctionClass)) {
            // Most names hold no word any dictionary calls a function word: no need to segment them.
            return false;
        }
        int offset = 0;
        for (Term term : Segmenter.WORDS.seg(candidate)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            int at = offset;
            offset += term.word.length();
            if (term.word.equals("地") && candidate.endsWith("地") && candidate.length() >= 3) {
                // 某某置地, 某某天地: 地 ending a name is a noun, not the adverbial particle.
                continue;
            }
            if (term.word.equals("和") && (afterOneCharacter(at, candidate.length()) || at == 0 && candidate.length() >= 2)) {
                // 和铭科技, 和泰: 和 opening a name joins nothing before it.
                continue;
            }
            if (term.word.length() == 1 && nature.startsWith("d") && afterOneCharacter(at, candidate.length())) {
                // 菜都农业, 新都化工: one character, then a character an adverb elsewhere, then the trade.
                continue;
            }
            if (isFunctionClass(nature)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a conjunction at {@code at} of a name of {@code length} characters follows one character only: 瑾和食品,
     * 新和轴承 join no two names (each would be one character long).
     */
    private static boolean afterOneCharacter(int at, int length) {
        return at == 1 && length >= 3;
    }

    /** Pronouns, prepositions, conjunctions, particles and adverbs. */
    private static boolean isFunctionClass(String nature) {
        return !nature.isEmpty() && "rpcud".indexOf(nature.charAt(0)) >= 0;
    }

    /**
     * Where a name starts once a function word glued in front is left out ("并某某公司", "其某某集团"):
     * the segmenter's first word, when it is one and at least two characters of the name remain. {@code leadingWords}
     * keeps the answer for each name of one text, which is often written several times.
     */
    private static int afterLeadingVerb(String text, int start, int suffixStart, Map<String, Integer> leadingWords) {
        if (suffixStart - start < 4) {
            return start;
        }
        String own = text.substring(start, suffixStart);
        return start + leadingWords.computeIfAbsent(own, CompanyNames::leadingWord);
    }

    /** How many characters a function word glued in front of {@code own} takes ("并某某公司": 1), else 0. */
    private static int leadingWord(String own) {
        if (!DictionaryWords.mayOpenWith(own, CompanyNames::gluesToName)) {
            // Most names open with a word no dictionary calls a preposition, conjunction, adverb, pronoun or
            // particle: no need to segment them.
            return 0;
        }
        List<Term> terms = Segmenter.WORDS.seg(own);
        if (terms.size() < 2 || terms.get(0).nature == null) {
            return 0;
        }
        String nature = terms.get(0).nature.toString();
        int rest = own.length() - terms.get(0).word.length();
        String next = terms.get(1).nature == null ? "" : terms.get(1).nature.toString();
        if ("和与及".contains(terms.get(0).word) && terms.get(1).word.length() == 1
                && (next.startsWith("ng") || next.startsWith("b") || next.startsWith("a"))) {
            // 和晟精密工业: a conjunction before one bound character is the name's first character, no conjunction.
            return 0;
        }
        // Verbs are not dropped: many names open with one (远航电子, 腾飞集团); verbs that open clauses before a
        // name are in name-boundaries.tsv.
        return gluesToName(nature) && rest >= 2 ? terms.get(0).word.length() : 0;
    }

    /** Word classes that open a clause before a name rather than the name: p, c, d, r, u and their subclasses. */
    private static boolean gluesToName(String nature) {
        return nature.startsWith("p") || nature.startsWith("c") || nature.startsWith("d")
                || nature.startsWith("r") || nature.startsWith("u");
    }
}
