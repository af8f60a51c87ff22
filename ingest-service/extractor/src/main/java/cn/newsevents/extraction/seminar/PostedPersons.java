package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.text.Captions;
import cn.newsevents.extraction.text.DictionaryWords;
import cn.newsevents.extraction.text.Lexicon;
import cn.newsevents.extraction.text.Places;
import cn.newsevents.extraction.text.SimplifiedText;
import cn.newsevents.extraction.text.WordTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds people named together with their posts in one sentence of simplified text. Both orders are read:
 * ORG TITLE NAME (某某大学副校长张某), ORG NAME TITLE (某某促进会王某某理事长), and chains of posts joined by 、
 * (董事长、总经理刘某; 省委常委、副省长李某). Titles, organisation suffixes and surnames come from the
 * {@link Lexicon}; name hints from the segmenter settle names that punctuation does not end.
 */
final class PostedPersons {
    private static final String BREAKS = "，,；;：:。！？!?\n\r\t “”「」『』《》【】";
    private static final java.util.regex.Pattern PARTY_COMMITTEE = java.util.regex.Pattern.compile("[市县区省州旗]委$");
    private static final java.util.regex.Pattern PARTY_DEPARTMENT = java.util.regex.Pattern.compile(
            "(?:统战|宣传|组织|政法|社会工作)部|政法委");
    private static final String HARD_AFTER_NAME = "，,；;：:。！？!?、等（(）)\"“”「」【】 \t\n\r";
    /** Characters a name written before its title does not end with (they end organisation names). */
    /** How far before a post its counted group may start ("5位新材料企业"). */
    private static final int GROUP_REACH = 20;
    /** The longest remark in brackets between a post and its name (主持日常工作). */
    private static final int ASIDE = 10;
    /** A counted group right before a post: "5位企业", "4家企业", "多名企业". */
    private static final Pattern COUNTED_GROUP = Pattern.compile(
            "(?:[0-9０-９]+|[一二两三四五六七八九十几多数]+)(?:位|名|家)[^，,。；;、：:]{0,10}$");
    private static final String NOT_NAME_END = "会局部司团院所校厂委办处厅署社馆站联区市省县协";
    private static final String LEADING_JOINERS = "、及和与暨并,， ‧•・";

    private final WordTable intro;

    PostedPersons(WordTable intro) {
        this.intro = intro;
    }

    /**
     * People with posts in {@code s[from, to)}.
     *
     * @param names where the segmenter sees person names; asked only when surname and punctuation do not settle a name
     */
    List<PersonMention> find(String s, String orig, int from, int to, NameHints names) {
        List<PersonMention> out = new ArrayList<>();
        int regionStart = from;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (BREAKS.indexOf(c) >= 0 && !columnSpace(s, i, to)) {
                regionStart = i + 1;
                i++;
                continue;
            }
            if (c == '(' || c == '（') {
                PersonMention p = bracketed(s, orig, i, regionStart, to);
                if (p != null) {
                    out.add(p);
                    regionStart = p.end();
                    i = p.end();
                    continue;
                }
            }
            int tl = titleAt(s, i, to);
            if (tl == 0) {
                i++;
                continue;
            }
            int actingEnd = actingMarkerEnd(s, i + tl, to);
            // 董事总经理 陈卓谦: a list laid out in columns.
            int te = columnSpace(s, actingEnd, to) ? actingEnd + 1 : actingEnd;
            int asideStart = te;
            te = afterAside(s, te, to, names);
            int ne = nameAfter(s, te, to, names);
            if (ne > 0 && COUNTED_GROUP.matcher(s).region(Math.max(regionStart, i - GROUP_REACH), i).find()) {
                // "与5位企业负责人边吃边谈", "4家企业负责人应邀参加": a counted group holds the post, no person.
                regionStart = ne;
                i = ne;
                continue;
            }
            if (ne > 0) {
                int ns = te;
                int[] chinese = chineseNameAfterLatin(s, te, ne, to, names);
                if (chinese != null) {
                    // 总经理Simon Liu（刘思明）/ 行政总裁Eric Tsang曾振邦: the Chinese name is the one reported.
                    ns = chinese[0];
                    ne = chinese[1];
                }
                PersonMention p = build(s, orig, regionStart, i + tl, ns, ne, null);
                if (p != null && actingEnd > i + tl && !p.titles().isEmpty()) {
                    // 署长（署理）: the acting marker stays with the title.
                    List<String> titles = new ArrayList<>(p.titles());
                    titles.set(titles.size() - 1, titles.get(titles.size() - 1) + orig.substring(i + tl, actingEnd));
                    p = new PersonMention(p.start(), p.end(), p.nameStart(), p.nameEnd(), p.organizations(), titles);
                }
                if (p != null && te > asideStart && !p.titles().isEmpty()) {
                    // 助理署长（创新科技）: the remark stays with the post it qualifies.
                    List<String> titles = new ArrayList<>(p.titles());
                    titles.set(titles.size() - 1, titles.get(titles.size() - 1) + orig.substring(asideStart, te));
                    p = new PersonMention(p.start(), p.end(), p.nameStart(), p.nameEnd(), p.organizations(), titles);
                }
                if (chinese != null && p != null) {
                    p = new PersonMention(p.start(), chinese[2], ns, ne, p.organizations(), p.titles());
                    ne = chinese[2];
                }
                if (p != null) {
                    p = sharesOrganization(s, p, out, regionStart);
                    out.add(p);
                    ne = sharedPostList(s, p, ne, to, names, out);
                }
                int honorific = Lexicon.TITLES.longestAt(s, ne, to);
                if (honorific > 0 && HONORIFICS.contains(s.substring(ne, ne + honorific))) {
                    // 副院长某某教授、…: the honorific after the name opens no post of the next person.
                    ne += honorific;
                }
                regionStart = ne;
                i = ne;
                continue;
            }
            int ns = nameBefore(s, i, te, regionStart, to, names);
            if (ns >= 0) {
                int postEnd = ns > regionStart && s.charAt(ns - 1) == '的' ? ns - 1 : ns;
                PersonMention p = build(s, orig, regionStart, postEnd, ns, i, orig.substring(i, te));
                if (p != null) {
                    out.add(sharesOrganization(s, new PersonMention(p.start(), te, ns, i, p.organizations(),
                            p.titles()), out, regionStart));
                }
                regionStart = te;
                i = te;
                continue;
            }
            i = te;
        }
        return out;
    }

    /**
     * 全国政协委员甲、乙、丙 / 副市长甲、乙出席: bare names listed after a named post holder share the post. A listed
     * item is a name only when nothing of a post (title or organisation) stands in it before the next break.
     *
     * @return the end of the list (the end of the first holder's name when nobody else is listed)
     */
    private int sharedPostList(String s, PersonMention first, int ne, int to, NameHints names,
                               List<PersonMention> out) {
        int end = ne;
        while (end + 1 < to && s.charAt(end) == '、') {
            int start = end + 1;
            int nameEnd = nameAfter(s, start, to, names);
            if (nameEnd < 0 || titleAt(s, start, to) > 0 || postWithin(s, start, to)) {
                break;
            }
            out.add(new PersonMention(start, nameEnd, start, nameEnd, first.organizations(), first.titles()));
            end = nameEnd;
        }
        return end;
    }

    /** True when a title or an organisation suffix occurs from {@code from} to the next break or 、. */
    private static boolean postWithin(String s, int from, int to) {
        for (int i = from; i < to && i - from <= 24; i++) {
            char c = s.charAt(i);
            if (c == '、' || BREAKS.indexOf(c) >= 0) {
                return false;
            }
            if (titleAt(s, i, to) > 0 || Lexicon.ORG_SUFFIXES.longestAt(s, i, to) > 1) {
                return true;
            }
        }
        return false;
    }

    /** True when a title occurs in {@code s[from, to)}. */
    static boolean titleAnywhere(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (titleAt(s, i, to) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Length of the title starting at {@code i} (with modifiers such as 常务), or 0. */
    static int titleAt(String s, int i, int to) {
        int t = Lexicon.TITLES.longestAt(s, i, to);
        if (t == 0) {
            int m = Lexicon.TITLE_MODIFIERS.longestAt(s, i, to);
            if (m > 0) {
                int t2 = Lexicon.TITLES.longestAt(s, i + m, to);
                t = t2 > 0 ? m + t2 : 0;
            }
        }
        if (t == 0) {
            return 0;
        }
        int org = Lexicon.ORG_SUFFIXES.longestAt(s, i, to);
        return org > t ? 0 : t;
    }

    /**
     * 某某总会理事长张某、秘书长李某: a post without organization right after another person (joined by 、)
     * belongs to that person's organization.
     */
    private static PersonMention sharesOrganization(String s, PersonMention p, List<PersonMention> out,
                                                    int regionStart) {
        if (out.isEmpty() || namesItsOrganization(p)) {
            return p;
        }
        PersonMention prev = out.get(out.size() - 1);
        if (prev.organizations().isEmpty()) {
            return p;
        }
        String body = prev.organizations().get(prev.organizations().size() - 1);
        if (prev.end() != regionStart || regionStart >= s.length() || !joinerAt(s, regionStart)) {
            return p.organizations().isEmpty() && ministryPostOf(p, body)
                    ? new PersonMention(p.start(), p.end(), p.nameStart(), p.nameEnd(), List.of(body), p.titles())
                    : p;
        }
        if (p.organizations().isEmpty()) {
            return new PersonMention(p.start(), p.end(), p.nameStart(), p.nameEnd(), List.of(body), p.titles());
        }
        if (p.organizations().size() == 1 && isUnitOf(p.organizations().get(0), body)) {
            return new PersonMention(p.start(), p.end(), p.nameStart(), p.nameEnd(),
                    List.of(body + p.organizations().get(0)), p.titles());
        }
        return p;
    }

    /**
     * 某某部部长甲主持，常务次长乙出席: a post inside a ministry written alone, later in the sentence of a ministry's post
     * holder, is a post of that ministry.
     */
    private static boolean ministryPostOf(PersonMention p, String body) {
        String b = SimplifiedText.of(body);
        if (Lexicon.PARENT_BODIES.longestEndingAt(b, b.length(), 0) == 0) {
            return false;
        }
        for (String title : p.titles()) {
            if (!Lexicon.MINISTRY_POSTS.contains(title)) {
                return false;
            }
        }
        return !p.titles().isEmpty();
    }

    /** 、 or a conjunction (及, 和, 与, 以及, 暨) joining two post holders. */
    private static boolean joinerAt(String s, int i) {
        return "、及和与暨".indexOf(s.charAt(i)) >= 0 || s.startsWith("以及", i);
    }

    /**
     * 某某部副部长甲、外资局局长乙: a unit (局, 处, 司…) named alone right after a government body (…部) is that body's
     * unit, unless it names a place or a body of its own.
     */
    private static boolean isUnitOf(String unit, String body) {
        String u = SimplifiedText.of(unit);
        String b = SimplifiedText.of(body);
        int unitSuffix = Lexicon.UNIT_SUFFIXES.longestEndingAt(u, u.length(), 0);
        if (Lexicon.PARENT_BODIES.longestEndingAt(b, b.length(), 0) == 0 || unitSuffix == 0
                || Lexicon.ORG_SUFFIXES.longestEndingAt(u, u.length(), 0) > unitSuffix
                || u.startsWith(b) || Places.at(u, 0, u.length()) != null
                || Places.abbreviationAt(u, 0, u.length()) != null) {
            return false;
        }
        for (int i = 0; i < u.length(); i++) {
            if (Lexicon.PARENT_BODIES.longestAt(u, i, u.length()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** 王某某（某某集团董事长）: a name followed by its posts in brackets. */
    private PersonMention bracketed(String s, String orig, int open, int regionStart, int to) {
        int close = -1;
        boolean nested = false;
        for (int j = open + 1; j < Math.min(to, open + 48); j++) {
            char c = s.charAt(j);
            if (c == ')' || c == '）') {
                if (!nested) {
                    close = j;
                    break;
                }
                nested = false;
            } else if (BREAKS.indexOf(c) >= 0 || c == '(' || c == '（') {
                // 某某（博林精密机械（无锡）有限公司总裁）: one bracket inside, the place of a company's name.
                if (nested || BREAKS.indexOf(c) >= 0) {
                    return null;
                }
                nested = true;
            }
        }
        if (close < 0 || titleEndingAt(s, close, open + 1) == 0) {
            return null;
        }
        int ns = dottedNameBefore(s, open, regionStart);
        for (int len = 2; ns < 0 && len <= 4 && open - len >= regionStart; len++) {
            int start = open - len;
            int sl = surnameAt(s, start, open);
            if (sl == 0 || len - sl > 2 || !allIdeographs(s, start, open)) {
                continue;
            }
            char prev = start == 0 ? '，' : s.charAt(start - 1);
            if (start == regionStart || BREAKS.indexOf(prev) >= 0 || LEADING_JOINERS.indexOf(prev) >= 0
                    || intro.longestEndingAt(s, start, regionStart) > 0) {
                ns = start;
                break;
            }
        }
        if (ns < 0) {
            return null;
        }
        List<String> orgs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int partStart = open + 1;
        for (int j = open + 1; j <= close; j++) {
            // 某某（某某公司副总裁兼董事会秘书）: 兼 after a title joins a second post of the same person.
            boolean joint = j < close && s.charAt(j) == '兼' && j > partStart && titleEndingAt(s, j, partStart) > 0;
            if (j == close || s.charAt(j) == '、' || joint) {
                if (j > partStart) {
                    addPost(s, orig, partStart, j, orgs, titles, true);
                }
                partStart = j + 1;
            }
        }
        return titles.isEmpty() ? null : new PersonMention(ns, close + 1, ns, open, orgs, titles);
    }

    /** Length of the title ending at {@code end} (with modifiers), or 0. */
    static int titleEndingAt(String s, int end, int floor) {
        int t = Lexicon.TITLES.longestEndingAt(s, end, floor);
        if (t == 0) {
            return 0;
        }
        int length = t;
        // 永远名誉会长: modifiers stack.
        for (int k = 0; k < 3; k++) {
            int m = Lexicon.TITLE_MODIFIERS.longestEndingAt(s, end - length, floor);
            if (m == 0) {
                break;
            }
            length += m;
        }
        return length;
    }

    private int nameAfter(String s, int p, int to, NameHints names) {
        int end = readNameAfter(s, p, to, names);
        // "4家企业负责人应邀参加": a verb (应邀) after a post is no name, though 应 is a surname; "顾问费用": nor is a
        // common noun (费用), though 费 is one too.
        return end > 0 && DictionaryWords.onlyOfClass(s.substring(p, end), PostedPersons::notAName) ? -1 : end;
    }

    /**
     * "副总经理（主持日常工作）戚某": a remark in brackets between a post and its name is skipped; a bracket that holds a
     * name (董事长（某某）) is not. Returns where the name may start.
     */
    private int afterAside(String s, int p, int to, NameHints names) {
        if (p >= to || s.charAt(p) != '（' && s.charAt(p) != '(') {
            return p;
        }
        int close = p + 1;
        while (close < to && close - p <= ASIDE && s.charAt(close) != '）' && s.charAt(close) != ')') {
            close++;
        }
        if (close >= to || close - p > ASIDE || s.charAt(close) != '）' && s.charAt(close) != ')'
                || readNameAfter(s, p + 1, close, names) == close || !allIdeographs(s, p + 1, close)) {
            return p;
        }
        return readNameAfter(s, close + 1, to, names) > 0 ? close + 1 : p;
    }

    private static boolean verbOrAdverb(String nature) {
        return nature.startsWith("v") || nature.startsWith("d") || nature.startsWith("p") || nature.startsWith("c");
    }

    private static boolean notAName(String nature) {
        return verbOrAdverb(nature) || nature.equals("n");
    }

    private int readNameAfter(String s, int p, int to, NameHints names) {
        if (p >= to) {
            return -1;
        }
        int dotted = dottedName(s, p, to);
        if (dotted > 0) {
            return dotted;
        }
        int latin = latinName(s, p, to);
        if (latin > 0) {
            return latin;
        }
        int sl = surnameAt(s, p, to);
        if (sl == 0) {
            Integer hinted = names.endOfNameAt(p);
            if (hinted == null || hinted - p < 2 || hinted - p > 4 || !allIdeographs(s, p, hinted)) {
                return -1;
            }
            // 小林正树、: the segmenter sees a shorter name that neither punctuation nor a boundary word ends.
            if (fourCharacterName(s, p, to) && !hardAt(s, hinted, to) && !softAt(s, hinted, to)) {
                return p + 4;
            }
            if (hinted - p == 2 && hinted + 1 < to && allIdeographs(s, hinted, hinted + 1)
                    && (hardAt(s, hinted + 1, to) || Lexicon.NAME_FOLLOWERS.longestAt(s, hinted + 1, to) > 1)
                    && !hardAt(s, hinted, to) && !softAt(s, hinted, to)) {
                // 某嘉琳、: the segmenter's two-character name and one more character before the punctuation.
                return hinted + 1;
            }
            return hinted;
        }
        int l2 = p + sl + 1;
        int l3 = p + sl + 2;
        boolean ok2 = l2 <= to && allIdeographs(s, p, l2);
        boolean ok3 = l3 <= to && allIdeographs(s, p, l3);
        if (ok2 && hardAt(s, l2, to)) {
            return l2;
        }
        if (ok3 && hardAt(s, l3, to) && !(ok2 && "说称讲".indexOf(s.charAt(l2)) >= 0)) {
            // 方某说，…: a verb of speech before the comma is not the name's third character.
            return l3;
        }
        boolean soft2 = ok2 && softAt(s, l2, to);
        boolean soft3 = ok3 && softAt(s, l3, to);
        if (soft2 && soft3) {
            Integer hinted = names.endOfNameAt(p);
            // 王建和出席: a one-character word (和, 在) after two characters, a longer one (出席) after three.
            // 盛某也提出, 方某说: an adverb or a verb of speech (也, 则, 说…) is never a name's third character.
            boolean longerAfterThree = Lexicon.NAME_FOLLOWERS.longestAt(s, l2, to) == 1
                    && Lexicon.NAME_FOLLOWERS.longestAt(s, l3, to) > 1 && "也亦则均都还又即说称讲".indexOf(s.charAt(l2)) < 0;
            return hinted != null && hinted == l3 || longerAfterThree ? l3 : l2;
        }
        if (soft2) {
            return l2;
        }
        if (soft3) {
            return l3;
        }
        // (执行长暨共同创办人某某: no name when a title starts right after the "surname", 暨 here.)
        boolean titleInside = Lexicon.TITLES.longestAt(s, p + 1, to) > 0
                || Lexicon.TITLE_MODIFIERS.longestAt(s, p + 1, to) > 0;
        if (sl == 1 && ok2 && !titleInside && Lexicon.TITLES.longestAt(s, l2, to) >= 2) {
            // 王某教授，: a title right after two characters ends the name (no four-character name).
            return l2;
        }
        if (sl == 1 && ok3 && !titleInside && Lexicon.TITLES.longestAt(s, l3, to) >= 2) {
            // 某绮雯教授: a title right after three characters; the segmenter may see a two-character name and a
            // stray character.
            return l3;
        }
        // 田中健一、: four characters ended by punctuation, no shorter name ended by a boundary word.
        if (sl == 1 && fourCharacterName(s, p, to)) {
            return p + 4;
        }
        Integer hinted = names.endOfNameAt(p);
        if (hinted != null && (hinted == l2 || hinted == l3)) {
            return hinted;
        }
        return -1;
    }

    /** 省长 after 省委书记某某、: a post that names its own organization does not share the one before it. */
    private static boolean namesItsOrganization(PersonMention p) {
        for (String title : p.titles()) {
            if (Lexicon.TITLE_ORGANIZATIONS.contains(title)) {
                return true;
            }
        }
        return false;
    }

    /** Four ideographs at {@code p} followed by punctuation (not by the end of the region). */
    private static boolean fourCharacterName(String s, int p, int to) {
        int e = p + 4;
        return e < to && allIdeographs(s, p, e) && HARD_AFTER_NAME.indexOf(s.charAt(e)) >= 0;
    }

    /**
     * 署长（署理）/ 总经理（代）/ 副主任（代理主任）: the end of an acting marker in brackets right after a title, with
     * the post it acts in, else {@code te}.
     */
    private static int actingMarkerEnd(String s, int te, int to) {
        if (te >= to || s.charAt(te) != '（' && s.charAt(te) != '(') {
            return te;
        }
        int m = Lexicon.ACTING_MARKERS.longestAt(s, te + 1, to);
        if (m == 0 && te + 2 < to && (s.charAt(te + 1) == '代' || s.charAt(te + 1) == '兼')) {
            // 总经理（代）, 副理事长（兼秘书长）.
            m = 1;
        }
        if (m > 0 && te + 1 + m < to && s.charAt(te + 1 + m) != '）' && s.charAt(te + 1 + m) != ')') {
            m += titleAt(s, te + 1 + m, to);
        }
        int close = te + 1 + m;
        return m > 0 && close < to && (s.charAt(close) == '）' || s.charAt(close) == ')') ? close + 1 : te;
    }

    /**
     * 某某Simon Liu（刘思明） / Eric Tsang曾振邦: a Chinese name written right after a Latin one {@code [p, latinEnd)},
     * bracketed or not: {start, end, end of the whole mention}, or null.
     */
    private int[] chineseNameAfterLatin(String s, int p, int latinEnd, int to, NameHints names) {
        if (s.charAt(p) >= 0x80 || latinEnd >= to) {
            return null;
        }
        boolean bracket = s.charAt(latinEnd) == '（' || s.charAt(latinEnd) == '(';
        int start = bracket ? latinEnd + 1 : latinEnd;
        if (start >= to || surnameAt(s, start, to) == 0) {
            return null;
        }
        int end = nameAfter(s, start, to, names);
        if (end < 0) {
            return null;
        }
        if (bracket) {
            return end < to && (s.charAt(end) == '）' || s.charAt(end) == ')') ? new int[]{start, end, end + 1} : null;
        }
        return new int[]{start, end, end};
    }

    /**
     * 行政总裁Mary Chan、: a name in Latin letters after a title, one to four capitalised words (not acronyms), ended
     * by anything but a letter.
     */
    private static int latinName(String s, int p, int to) {
        int i = p;
        int words = 0;
        while (i < to && words < 4 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
            int w = i + 1;
            boolean lower = false;
            while (w < to && (Character.isLetter(s.charAt(w)) && s.charAt(w) < 0x80 || "'-.".indexOf(s.charAt(w)) >= 0)) {
                lower |= s.charAt(w) >= 'a' && s.charAt(w) <= 'z';
                w++;
            }
            if (!lower) {
                // CEO, HKEX: an acronym, not a name.
                return -1;
            }
            words++;
            i = w;
            if (i + 1 < to && s.charAt(i) == ' ' && s.charAt(i + 1) >= 'A' && s.charAt(i + 1) <= 'Z') {
                i++;
            } else {
                break;
            }
        }
        if (words == 0 || i - p < 3 || i < to && s.charAt(i) < 0x80 && Character.isLetterOrDigit(s.charAt(i))) {
            return -1;
        }
        return i;
    }

    /** 艾尔肯·吐尼亚孜, 埃隆·马斯克: a transliterated name with a middle dot, ended by punctuation. */
    /** Start of a transliterated name with a middle dot ending at {@code end} (托马斯·贝格（…）), or -1. */
    private static int dottedNameBefore(String s, int end, int floor) {
        int i = end;
        boolean dot = false;
        while (i > floor && end - i < 16) {
            char c = s.charAt(i - 1);
            if ("·•‧・".indexOf(c) >= 0) {
                if (i == end || dot && "·•‧・".indexOf(s.charAt(i)) >= 0) {
                    return -1;
                }
                dot = true;
            } else if (!allIdeographs(s, i - 1, i)) {
                break;
            }
            i--;
        }
        if (!dot || end - i < 3 || "·•‧・".indexOf(s.charAt(i)) >= 0) {
            return -1;
        }
        char prev = i == 0 ? '，' : s.charAt(i - 1);
        return i == floor || BREAKS.indexOf(prev) >= 0 || LEADING_JOINERS.indexOf(prev) >= 0 ? i : -1;
    }

    private static int dottedName(String s, int p, int to) {
        boolean dot = false;
        int i = p;
        while (i < to && i - p <= 16) {
            char c = s.charAt(i);
            if (c == '·' || c == '•' || c == '‧' || c == '・') {
                if (i == p || dot && s.charAt(i - 1) == c) {
                    return -1;
                }
                dot = true;
            } else if (!allIdeographs(s, i, i + 1)
                    || dot && "·•‧・".indexOf(s.charAt(i - 1)) < 0 && softAt(s, i, to)) {
                break;
            }
            i++;
        }
        return dot && i - p >= 3 && "·•‧・".indexOf(s.charAt(i - 1)) < 0 && (hardAt(s, i, to) || softAt(s, i, to))
                && !"会會".contains(s.substring(i - 1, i)) ? i : -1;
    }

    private int nameBefore(String s, int ts, int te, int regionStart, int to, NameHints names) {
        if (!(te >= to || hardAt(s, te, to) || softAt(s, te, to) || "及和与".indexOf(s.charAt(te)) >= 0)) {
            return -1;
        }
        if (te + 1 < to && s.charAt(te) == '、' && titleAt(s, te + 1, to) > 0) {
            // 东方电子总经理、党委书记某某: a chain of posts goes on; what stands before the first is an organisation.
            return -1;
        }
        for (int len = 4; len >= 2; len--) {
            int ns = ts - len;
            if (ns < regionStart) {
                continue;
            }
            int sl = surnameAt(s, ns, ts);
            if (sl == 0 || len - sl < 1 || len - sl > 2 || !allIdeographs(s, ns, ts)) {
                continue;
            }
            if (NOT_NAME_END.indexOf(s.charAt(ts - 1)) >= 0 || titleAt(s, ns + sl, ts) > 0) {
                continue;
            }
            char prev = ns == 0 ? '，' : s.charAt(ns - 1);
            // "某某环保科技公司的某某经理": the organisation, 的, then the name and the title after it.
            boolean boundary = ns == regionStart || BREAKS.indexOf(prev) >= 0 || LEADING_JOINERS.indexOf(prev) >= 0
                    || NOT_NAME_END.indexOf(prev) >= 0 || Lexicon.ORG_SUFFIXES.longestEndingAt(s, ns, regionStart) > 0
                    || prev == '的' && Lexicon.ORG_SUFFIXES.longestEndingAt(s, ns - 1, regionStart) > 0;
            if (boundary || Integer.valueOf(ts).equals(names.endOfNameAt(ns))) {
                return ns;
            }
        }
        return -1;
    }

    /** Academic ranks written after a name as an honorific when a post stands before it. */
    private static final java.util.Set<String> HONORIFICS = java.util.Set.of("教授", "博士");

    /** Builds a person from the post region [regionStart, postEnd) and the name [ns, ne). */
    private PersonMention build(String s, String orig, int regionStart, int postEnd, int ns, int ne, String titleAfterName) {
        int start = trimLead(s, regionStart, postEnd);
        List<String> orgs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int partStart = start;
        boolean introduced = true;
        for (int i = start; i <= postEnd; i++) {
            int marker = i < postEnd ? actingMarkerEnd(s, i, postEnd) : i;
            if (marker > i) {
                // 副主席（兼职）: a marker in brackets splits no posts.
                i = marker - 1;
                continue;
            }
            boolean jointPost = i < postEnd && s.charAt(i) == '暨' && i > partStart && titleEndingAt(s, i, partStart) > 0;
            if (i == postEnd || s.charAt(i) == '、' || s.charAt(i) == '兼' || jointPost) {
                if (i < postEnd && s.startsWith("代表", i - 2) && i - 2 > partStart) {
                    // 外资企业代表、某某公司总经理: the group the person speaks for, not a post.
                    partStart = i + 1;
                    continue;
                }
                if (i > partStart) {
                    // 工商联副主席（兼职）、某某公司董事长: the marker in brackets stays with its post.
                    int markerStart = actingMarkerStart(s, partStart, i);
                    int before = titles.size();
                    introduced &= addPost(s, orig, partStart, markerStart, orgs, titles, titleAfterName == null);
                    if (markerStart < i && titles.size() > before) {
                        titles.set(titles.size() - 1, titles.get(titles.size() - 1) + orig.substring(markerStart, i));
                    }
                }
                partStart = i + 1;
            }
        }
        if (titleAfterName != null && !(HONORIFICS.contains(titleAfterName) && !titles.isEmpty())) {
            // (工学院副院长某某教授: after a post, 教授 is an honorific, not a second post.)
            titles.add(titleAfterName);
        }
        joinPartyDepartment(orgs, titles);
        if (orgs.isEmpty() && !titles.isEmpty()) {
            String quoted = quotedBefore(s, orig, start);
            if (quoted != null) {
                // 「某某咖啡」创办人某某: a shop or brand in quotation marks right before the title is the organisation.
                orgs.add(quoted);
            }
        }
        if (titles.isEmpty() || !introduced && orgs.isEmpty()) {
            return null;
        }
        return new PersonMention(start, ne, ns, ne, orgs, titles);
    }

    /** Where a bracketed acting marker closing {@code [from, to)} starts (副主席（兼职）), else {@code to}. */
    private static int actingMarkerStart(String s, int from, int to) {
        if (to - from < 4 || s.charAt(to - 1) != '）' && s.charAt(to - 1) != ')') {
            return to;
        }
        for (int open = to - 2; open > from && to - open <= 8; open--) {
            char c = s.charAt(open);
            if (c == '（' || c == '(') {
                return actingMarkerEnd(s, open, to) == to ? open : to;
            }
        }
        return to;
    }

    /**
     * 市委常委、统战部部长: a standing member of a party committee who heads one of its departments serves in that
     * department of that committee (市委统战部), not in two bodies.
     */
    private static void joinPartyDepartment(List<String> orgs, List<String> titles) {
        if (orgs.size() != 2 || titles.size() != 2 || !"常委".equals(SimplifiedText.of(titles.get(0)))) {
            return;
        }
        String committee = SimplifiedText.of(orgs.get(0));
        String department = SimplifiedText.of(orgs.get(1));
        if (!PARTY_COMMITTEE.matcher(committee).find() || !PARTY_DEPARTMENT.matcher(department).matches()) {
            return;
        }
        String level = orgs.get(0).substring(orgs.get(0).length() - 2);
        String joined = orgs.get(0) + orgs.get(1);
        String title = level + titles.get(0) + "、" + orgs.get(1) + titles.get(1);
        orgs.clear();
        orgs.add(joined);
        titles.clear();
        titles.add(title);
    }

    /** The text of a quotation ending right before {@code at} (「…」, “…”), 2 to 20 characters, else null. */
    private static String quotedBefore(String s, String orig, int at) {
        if (at < 4 || "」”』".indexOf(s.charAt(at - 1)) < 0) {
            return null;
        }
        for (int open = at - 2; open >= 0 && at - 1 - open <= 21; open--) {
            char c = s.charAt(open);
            if ("「“『".indexOf(c) >= 0) {
                return at - 1 - (open + 1) >= 2 ? orig.substring(open + 1, at - 1) : null;
            }
            if (BREAKS.indexOf(c) >= 0) {
                return null;
            }
        }
        return null;
    }

    /**
     * Adds the organisation and title of the post {@code s[from, to)}; returns false when the region is a clause
     * with no organisation (感谢了…主任): its person is only spoken of.
     */
    private static boolean addPost(String s, String orig, int from, int to, List<String> orgs, List<String> titles,
                                   boolean expectTitle) {
        int t = expectTitle ? titleEndingAt(s, to, from) : 0;
        int orgEnd = to - t;
        while (orgEnd > from && s.charAt(orgEnd - 1) == ' ') {
            orgEnd--;
        }
        OrganizationSpan org = OrganizationSpan.read(s, from, orgEnd);
        if (!org.isEmpty()) {
            orgs.add(orig.substring(org.start(), org.end()) + sharedHead(s, orig, org, to - t, to));
        }
        String acting = orig.substring(org.actingStart(), org.start());
        if (t > 0) {
            titles.add(acting + orig.substring(to - t, to));
        }
        return !org.clauseOnly();
    }

    /**
     * 教育部长 / 行政院长: the first character of a head title also ends the organisation when the organisation
     * written before it has no ending of its own; returns that character, or "".
     */
    private static String sharedHead(String s, String orig, OrganizationSpan org, int titleStart, int titleEnd) {
        if (org.end() != titleStart || Lexicon.HEAD_TITLES.longestAt(s, titleStart, titleEnd) != titleEnd - titleStart
                || Lexicon.ORG_SUFFIXES.longestEndingAt(s, org.end(), org.start()) > 0) {
            return "";
        }
        return orig.substring(titleStart, titleStart + 1);
    }

    /**
     * A single space, narrow or ideographic, between two ideographs (or after a closing bracket) in a line laid out
     * in columns (某某有限公司 董事总经理 某某, 某某有限公司董事长　某某): not a break.
     */
    private static boolean columnSpace(String s, int i, int to) {
        return i > 0 && i + 1 < to && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000')
                && (Character.isIdeographic(s.charAt(i - 1))
                || s.charAt(i - 1) == '）') && Character.isIdeographic(s.charAt(i + 1));
    }

    /** Skips list introductions (与会代表包含, 由…率) and joiners at the start of a post region. */
    private int trimLead(String s, int from, int to) {
        int[] last = intro.lastIn(s, from, to);
        int start = last == null ? from : last[1];
        boolean moved = true;
        while (moved && start < to) {
            moved = false;
            if (LEADING_JOINERS.indexOf(s.charAt(start)) >= 0) {
                start++;
                moved = true;
            } else if (s.startsWith("以及", start)) {
                start += 2;
                moved = true;
            } else if (Captions.opensAt(s, start, to)) {
                // （受访者 某某公司总经理 某某）: the caption's mark, then the speaker's post.
                start = Captions.endAt(s, start, to);
                moved = true;
            } else if ("（(〔【[".indexOf(s.charAt(start)) >= 0) {
                // （某某社记者某某台北15日电）, 〔记者某某／台北报导〕: a bracket opening the region is a dateline or an
                // aside, never the start of an organization.
                int close = start + 1;
                while (close < to && "）)〕】]".indexOf(s.charAt(close)) < 0 && close - start <= 40) {
                    close++;
                }
                if (close < to && "）)〕】]".indexOf(s.charAt(close)) >= 0) {
                    start = close + 1;
                    moved = true;
                }
            }
        }
        if (start < to && isAsciiOrWideDigit(s.charAt(start))) {
            while (start < to && isDateChar(s.charAt(start))) {
                start++;
            }
            for (String tod : new String[]{"上午", "下午", "晚上", "中午"}) {
                if (s.startsWith(tod, start) && start + tod.length() <= to) {
                    start += tod.length();
                }
            }
        }
        return start;
    }

    private static boolean isDateChar(char c) {
        return isAsciiOrWideDigit(c) || "年月日号".indexOf(c) >= 0;
    }

    private static boolean isAsciiOrWideDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    static int surnameAt(String s, int p, int to) {
        if (p + 1 < to && Lexicon.SURNAMES.contains(s.substring(p, p + 2))) {
            return 2;
        }
        return p < to && Lexicon.SURNAMES.contains(s.substring(p, p + 1)) ? 1 : 0;
    }

    private static boolean hardAt(String s, int p, int to) {
        if (p >= to) {
            return true;
        }
        char c = s.charAt(p);
        if ((c == '今' || c == '昨') && p + 1 < to && "(（天日晚".indexOf(s.charAt(p + 1)) >= 0) {
            return true;
        }
        // "司长某某某本月十九日主持", "局长某某某两日均有出席": a time after the name.
        if (c == '本' && p + 1 < to && "月周週年日季".indexOf(s.charAt(p + 1)) >= 0
                || "两兩".indexOf(c) >= 0 && p + 1 < to && "日天".indexOf(s.charAt(p + 1)) >= 0) {
            return true;
        }
        return HARD_AFTER_NAME.indexOf(c) >= 0 || Character.isDigit(c) || (c < 0x80 && Character.isLetter(c))
                || (c >= '０' && c <= '９');
    }

    private static boolean softAt(String s, int p, int to) {
        return p < to && Lexicon.NAME_FOLLOWERS.longestAt(s, p, to) > 0;
    }

    static boolean allIdeographs(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) != Character.UnicodeScript.HAN || Character.isSurrogate(s.charAt(i))
                    || "、等".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
