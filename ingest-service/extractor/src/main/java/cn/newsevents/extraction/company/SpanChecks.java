package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.text.DictionaryWords;
import cn.newsevents.extraction.text.Lexicon;
import cn.newsevents.extraction.text.Segmenter;
import cn.newsevents.extraction.text.SimplifiedText;

import com.hankcs.hanlp.seg.common.Term;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity validation of a candidate span, for one article: whether words the other stages cut out of a clause
 * ("某某科技", "张某", "华南", "营收") can be a company's name, or are a person, a place, a function word, a group of
 * companies, a metric or a business of a company; and the trimming of a span's edges (a rank before it, a time or an
 * adverb after it). Reads only the span it is given, the lexicon and the article's seminar participants (a
 * participant is a person, never a company); it never reads the article's text.
 *
 * <p>One instance per article, not thread-safe: it caches the segmenter's answers for the candidates of its article,
 * which repeat from clause to clause. The static methods are pure and thread-safe.
 */
final class SpanChecks {
    /** A date or time of day written right after a name opening a sentence ("某某科技10月28日晚间披露…"). */
    static final Pattern TRAILING_TIME = Pattern.compile(
            "(?:于|於)?(?:(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?"
                    + "|[昨今前][（(][0-9０-９]{1,2}[)）]日|(?:今日|昨日|今天|昨天)[（(][0-9０-９]{1,2}日[)）]"
                    + "|(?:上|本|这|上个|这个)?(?:周|星期|礼拜)[一二三四五六日天](?:[（(][0-9０-９]{1,2}日?[)）])?"
                    + "|[0-9０-９一二三四五六七八九十]{1,3}[日号]|日前|近日|今日|昨日|今天|昨天|日內|日内"
                    + "|上个月|上月|本月|当月|单月|单季度?|当季度?|上周|本周|上星期|昨|今"
                    + "|(?:于|於)?(?:同日|当日|当天|同一天|早前|稍早|同期)"
                    // "康正医疗一季度表现亮眼": the period of the figures after the name.
                    + "|(?:(?:[0-9０-９]{4}|今|去|前|上|本)年度?)?(?:第?[一二三四1-4]季度?|首季度?|前[一二三]季度?|[上下]半年|全年)"
                    + "|(?:[0-9０-９]{4}|今|去|上|本)年度?"
                    // "某某便利年末门店728家": the time of a count after the name.
                    + "|(?:[0-9０-９]{4}|今|去|上|本)?(?:年末|年底|月末|月底|季末|季底))"
                    + "(?:晚间|晚間|晚上|晚|早间|早間|上午|中午|下午|傍晚|午间|午間|盘后|盤後|收市后|收市後|收盘后|收盤後"
                    + "|开市前|開市前|盘前|盤前)?$");
    /** A day written as a relative word and the day in brackets: "昨(20日)", "今（9）日". */
    static final Pattern DAY_ASIDE = Pattern.compile("[昨今前][（(][0-9一二三四五六七八九十]{1,3}日?[)）]日?");
    /** A period word: a span holding one is no name ("同期", "今年", "上月"). */
    static final Pattern PERIOD_WORD = Pattern.compile("同期|[年月季期]|今|昨");
    /** 排名第二的, 位居第三的: a rank written before a name. */
    private static final Pattern RANKED_PREFIX = Pattern.compile(
            "(?:排名|排行|位居|位列|名列)?第[一二三四五六七八九十0-9]{1,3}(?:名|位|大)?的");
    /** A business of a company, not a company: 模组事业, 储能事业部, 海外业务, 新能源板块. */
    private static final Pattern BUSINESS_UNIT = Pattern.compile("(?:事业|事业部|事业群|业务|板块)$");
    /** Endings of government bodies, associations and schools: no participant's business. */
    private static final Pattern PUBLIC_BODY = Pattern.compile("(?:政府|局|委|会|办|院|署|处|部|厅|中心|大学)$");

    private final CompanyLexicon lex;
    private final CompanyNames names;
    private final KeywordScanner keywords;
    private final List<SeminarEvent> seminars;
    private final List<String> stopWords;
    private final List<String> headWords;
    /** Segmentation answers for the candidate names of this article, which repeat from clause to clause. */
    private final Map<String, Boolean> functionWords = new HashMap<>();
    private final Map<String, String> adverbless = new HashMap<>();

    /**
     * @param keywords the metric keywords (a span holding one names a figure, not a company)
     * @param seminars the article's seminars: their participants are people
     */
    SpanChecks(CompanyLexicon lex, CompanyNames names, KeywordScanner keywords, List<SeminarEvent> seminars) {
        this.lex = lex;
        this.names = names;
        this.keywords = keywords;
        this.seminars = seminars;
        this.stopWords = CompanyLexicon.longestFirst(lex.stopWords);
        this.headWords = CompanyLexicon.longestFirst(lex.headWords);
    }

    /** {@link CompanyNames#hasFunctionWord}, asked once per distinct candidate of the article. */
    boolean functionWord(String name) {
        Boolean known = functionWords.get(name);
        if (known == null) {
            known = names.hasFunctionWord(name);
            functionWords.put(name, known);
        }
        return known;
    }

    /**
     * {@code name} without an adverb at its end ("某某同步", "某某亦"), when two characters or more are left; asked once
     * per distinct candidate of the article.
     */
    String withoutTrailingAdverb(String name) {
        String known = adverbless.get(name);
        if (known == null) {
            known = readWithoutTrailingAdverb(name);
            adverbless.put(name, known);
        }
        return known;
    }

    private String readWithoutTrailingAdverb(String name) {
        for (String adverb : lex.subjectAdverbs) {
            if (name.endsWith(adverb) && name.length() - adverb.length() >= 2) {
                return name.substring(0, name.length() - adverb.length());
            }
        }
        if (!DictionaryWords.mayEndWith(name, SpanChecks::isAdverb)) {
            // Most names end in a word no dictionary calls an adverb: no need to segment them.
            return name;
        }
        List<Term> terms = Segmenter.WORDS.seg(name);
        if (terms.size() >= 2) {
            Term last = terms.get(terms.size() - 1);
            String nature = last.nature == null ? "" : last.nature.toString();
            if (isAdverb(nature)
                    && name.length() - last.word.length() >= 2) {
                return name.substring(0, name.length() - last.word.length());
            }
        }
        return name;
    }

    /** A word class of adverbs in HanLP's tag set: d, and the adverbial uses of verbs and adjectives. */
    private static boolean isAdverb(String nature) {
        return nature.startsWith("d") || nature.equals("vd") || nature.equals("ad");
    }

    /** Whether {@code s} is a person: a seminar participant, a compound surname and given name, or a person name. */
    boolean isPersonName(String s) {
        if (isParticipant(s)) {
            return true;
        }
        if (s.length() >= 3 && s.length() <= 4 && Lexicon.SURNAMES.longestAt(s, 0, s.length()) == 2) {
            // 司徒某某, 欧阳某: a compound surname and a given name (the segmenter knows few of them).
            return true;
        }
        List<Term> terms = Segmenter.NAMES.seg(s);
        return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.startsWith("nr");
    }

    /** Whether {@code s} is one place name to the segmenter (北美, 华南, 东南亚). */
    boolean isPlace(String s) {
        List<Term> terms = Segmenter.NAMES_AND_PLACES.seg(s);
        return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.startsWith("ns");
    }

    /** Whether {@code s} holds a word a subject ends before (已, 实现, 方面…). */
    boolean hasStopWord(String s) {
        for (String w : stopWords) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} speaks of several companies: an aggregate word, a list (、) or a count ("三家"). */
    boolean hasAggregate(String s) {
        for (String w : lex.aggregateWords) {
            if (s.contains(w)) {
                return true;
            }
        }
        return s.contains("、") || CompanyNames.counted(s);
    }

    /**
     * Whether a span opening a clause can be a company's name on its own: name-shaped, no common word, function
     * word, reference back, metric word, group of companies or person.
     */
    boolean standsAlone(String name) {
        return names.looksLikeName(name) && !names.isCommonWord(name) && !functionWord(name)
                && !lex.anaphors.contains(name) && keywords.find(name, 0, name.length()).isEmpty()
                && !hasAggregate(name) && !isPersonName(name) && !isParticipant(name);
    }

    /**
     * Whether a span standing where a list puts its next company (…；悦宾便利3,181家) may be one: a name of three to
     * eight characters, neither a function word, an anaphor, a metric, an aggregate, a period nor a person. Two
     * ordinary words make many shop names (某某便利), so no common-word test.
     */
    boolean listedAsName(String name) {
        return name.length() >= 3 && name.length() <= 8 && !functionWord(name) && !lex.anaphors.contains(name)
                && keywords.find(name, 0, name.length()).isEmpty() && !hasAggregate(name)
                && !PERIOD_WORD.matcher(name).find() && !isPersonName(name) && !hasStopWord(name);
    }

    /** A subject that opens with a metric word ("净利润", "市占率继续") names a figure, not a company. */
    boolean startsWithKeyword(String s) {
        // The longest keyword opening the first twelve characters, read in one walk of the keyword trie: one of two
        // characters or more opens s when the longest does ("净利润率" holds 净利润 and 净利).
        String longest = keywords.wordAt(s, 0, Math.min(s.length(), 12));
        return longest != null && longest.length() >= 2;
    }

    /** Whether {@code name} is a seminar participant of the article. */
    boolean isParticipant(String name) {
        for (SeminarEvent s : seminars) {
            if (s.host() != null && s.host().name() != null && SimplifiedText.of(s.host().name()).equals(name)) {
                // "某某县长某某主持座谈会…某某致词表示": the host is a person too.
                return true;
            }
            for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                if (p.name() != null && SimplifiedText.of(p.name()).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A participant's organisation that is no body of government or association (某某老饼舖, 某某茶餐厅). */
    boolean isBusiness(String org) {
        return names.looksLikeName(org) && !names.hasNonCompanyKind(org) && !hasAggregate(org)
                && !PUBLIC_BODY.matcher(org).find();
    }

    /** {@code name} without a rank before it ("排名第二的某某"), when two characters or more are left. */
    static String withoutRank(String name) {
        Matcher ranked = RANKED_PREFIX.matcher(name);
        return ranked.lookingAt() && name.length() - ranked.end() >= 2 ? name.substring(ranked.end()) : name;
    }

    /**
     * The characters every match of {@link #TRAILING_TIME} ends in (…10月, …（20日）, …周三, …同期, …一季度, …年底,
     * …晚间, …盘后), or a line break (its {@code $} holds before one closing the text).
     */
    private static final String TIME_LAST = "月日号)）一二三四五六天前內内周期昨今早季度年末底间間上晚午后後\n\r\u0085\u2028\u2029";

    /** {@code name} without a time at its end (某某今（10）日, 某某同日); most names hold no character one needs. */
    static String withoutTrailingTime(String name) {
        return !name.isEmpty() && TIME_LAST.indexOf(name.charAt(name.length() - 1)) >= 0
                && hasAny(name, "月日号昨今前天内內早周期拜市盘盤季年") ? TRAILING_TIME.matcher(name).replaceFirst("") : name;
    }

    /**
     * Whether words opening a clause before what is said of them are a company's name: a name, not a common word,
     * a function word, an aggregate, a metric, a period, an anaphor, a person, a participant or a business unit.
     */
    boolean opensAsName(String name) {
        return names.looksLikeName(name) && !names.isCommonWord(name) && !functionWord(name)
                && !hasAggregate(name) && !hasStopWord(name) && keywords.find(name, 0, name.length()).isEmpty()
                && !PERIOD_WORD.matcher(name).find() && !lex.anaphors.contains(name) && !isPersonName(name)
                && !isParticipant(name) && !BUSINESS_UNIT.matcher(name).find();
    }

    /** "区域乳企某某食品" → 某某食品: a name after the last head word (企业, 乳企, 厂商…) leaving two characters or more. */
    String afterHeadWord(String name) {
        for (String h : headWords) {
            int i = name.lastIndexOf(h);
            if (i >= 0 && name.length() - (i + h.length()) >= 2) {
                return name.substring(i + h.length());
            }
        }
        return name;
    }

    /** Whether a registered ending (有限公司, 集团…) starts at {@code at} in {@code name}. */
    boolean opensWithSuffix(String name, int at) {
        for (String suffix : lex.nameSuffixes) {
            if (name.startsWith(suffix, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} holds any of the characters of {@code chars}. */
    static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
