package cn.newsevents.extraction.seminar;

import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.text.Lexicon;
import cn.newsevents.extraction.text.SimplifiedText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the drafts of one article into events. A session of a series takes the host, city, series and name its
 * first session has when it has none; a convener is the host when nobody chairs; a meeting with a city post and no
 * city is in the headline's city. Each event gets an id stable across runs (article, date, ordinal, name), its
 * evidence sentence, participants without the host, organisations completed with the city (市委 -> 杭州市委) and a
 * confidence from what was found. Drafts are completed in place; events keep the drafts' order.
 */
final class EventAssembly {
    private final String articleId;
    private final String orig;
    /** Posts of an association, with their modifiers. */
    private static final Pattern ASSOCIATION_POST = Pattern.compile(
            "(?:常务|执行|名誉|荣誉|永远|创会)?(?:副)?(?:会长|理事长|监事长|秘书长)");
    /** The ending of an association's name. */
    private static final Pattern ASSOCIATION = Pattern.compile("(?:总商会|商会|协会|联合会|总会|学会|促进会|联谊会|同业公会|公会|工商联(?![谊合]))");
    private static final int ASSOCIATION_REACH = 80;
    /** How far back in the article an association referred to as 该会 may have been named. */
    private static final int REFERRED_ASSOCIATION_REACH = 1500;
    /** "商会代表包括…": the delegates of an association named before. */
    private static final Pattern DELEGATES = Pattern.compile("(?:商会|协会|联合会|总会|该会|公会)代表");
    private static final int DELEGATES_REACH = 400;
    /** A body referred back to: 该局, 该会, 该署. */
    private static final Pattern ANAPHORIC_BODY = Pattern.compile("[该本]([局署厅会])");
    /** The head of a government department, or the deputy: 局长, 副署长, 厅长. */
    private static final Pattern DEPARTMENT_POST = Pattern.compile("(?:常务)?(?:副)?([局署厅])长");
    /** The ending of a department's name, not the start of a post (局长) or of a word (局面). */
    private static final java.util.Map<String, Pattern> DEPARTMENTS = java.util.Map.of(
            "局", Pattern.compile("局(?![长面势部限])"), "署", Pattern.compile("署(?![长名理])"),
            "厅", Pattern.compile("厅(?![长])"));
    /** Verbs of leading a party: the persons after one are the leader's party (simplified and traditional). */
    private static final List<String> LEADS = List.of("率领", "率領", "带领", "帶領", "带同", "帶同", "率");
    private final MeetingCities cities;
    /** The province and district the article names first: they complete 省政府 and 区政府 of a meeting with no place. */
    private String articleCity;
    private String articleProvince;
    private String articleDistrict;
    /** Short forms already spelled out in this article (bounded: a text of many short forms stays linear). */
    private final java.util.Map<String, String> spelled = new java.util.HashMap<>();
    private static final int MAX_SHORT_FORMS = 32;
    /** Longest full name a short form is looked for in. */
    private static final int FULL_FORM_REACH = 14;
    /** How far before a person the side they speak for (某某方面，) is looked for. */
    private static final int SIDE_REACH = 40;
    /** Characters a side's full name does not extend over: joining words and verbs before a name. */
    private static final String SIDE_STOPS = "与與和及同向对對在的由";

    EventAssembly(String articleId, MeetingText text, MeetingCities cities) {
        this.articleId = articleId;
        this.orig = text.orig;
        this.cities = cities;
    }

    List<SeminarEvent> assemble(List<MeetingDraft> drafts) {
        String headlineCity = cities.headline();
        if (!drafts.isEmpty()) {
            articleCity = cities.governing(cities.articleCity());
            articleProvince = cities.articleProvince();
            articleDistrict = cities.articleDistrict();
        }
        for (MeetingDraft e : drafts) {
            MeetingDraft h = e.seriesHead;
            if (h != null) {
                if (e.host == null) {
                    e.host = h.host;
                }
                if (e.city == null) {
                    e.city = h.city;
                }
                if (e.series == null) {
                    e.series = h.series;
                }
                if (e.name == null) {
                    e.name = h.name;
                }
            }
        }
        for (MeetingDraft e : drafts) {
            if (e.host == null && e.convener != null) {
                e.host = e.convener;
            }
        }
        for (MeetingDraft e : drafts) {
            if (e.city == null && e.seriesHead != null && e.seriesHead.city != null) {
                e.city = e.seriesHead.city;
            }
            if (e.city == null && headlineCity != null && MeetingCities.localPost(e)) {
                e.city = headlineCity;
            }
        }
        List<SeminarEvent> out = new ArrayList<>();
        for (MeetingDraft e : drafts) {
            out.add(event(e));
        }
        return out;
    }

    private SeminarEvent event(MeetingDraft e) {
        String meetingCity = MeetingCities.cityName(e.city);
        String cityName = cities.governing(meetingCity);
        if (meetingCity != null && !meetingCity.equals(cityName) && e.host != null && e.host.organization() != null) {
            // "台州市委常委、温岭市委书记某某主持…市委副书记、市长某某出席": a host whose last post is in the county-level
            // city's own body makes the bare 市 bodies of the meeting that city's.
            String[] hostBodies = SimplifiedText.of(e.host.organization()).split("、");
            String stem = meetingCity.endsWith("市") ? meetingCity : meetingCity + "市";
            if (hostBodies[hostBodies.length - 1].startsWith(stem)) {
                cityName = meetingCity;
            }
        }
        List<Participant> participants = new ArrayList<>();
        String hostOrganization = e.host == null ? null
                : e.host.organization() != null ? referredBodies(e.host.organization(), e.host.start())
                : associationBefore(e.host);
        String hostKey = e.host == null ? null : MeetingDraft.key(e.hostName(orig));
        List<PersonMention> mentions = new ArrayList<>();
        if (e.host != null) {
            mentions.add(e.host);
        }
        e.participants.values().forEach(p -> mentions.add(p.mention()));
        for (MeetingDraft.Pending p : e.participants.values()) {
            if (MeetingDraft.key(p.name()).equals(hostKey)) {
                continue;
            }
            String organization = p.mention().organization() != null ? p.mention().organization()
                    : impliedOrganization(p.mention().title());
            if (organization == null) {
                organization = sideOf(p.mention().start());
            }
            if (organization == null && hostOrganization != null) {
                organization = deputyOf(p.mention().title(), e.host.title(), hostOrganization);
            }
            if (organization == null) {
                organization = leaderOrganization(p.mention(), mentions);
            }
            if (organization == null) {
                organization = principalOrganization(p.mention(), mentions);
            }
            if (organization == null) {
                organization = associationBefore(p.mention());
            }
            if (organization != null) {
                organization = referredBodies(fullForms(organization), p.mention().start());
            }
            String ownCity = organization != null && organization.startsWith("市")
                    ? cities.cityBefore(p.mention().start()) : null;
            participants.add(new Participant(p.name(), p.mention().title(),
                    spelledOut(MeetingCities.expand(organization, ownCity != null ? ownCity : cityName, e.city,
                            articleCity, articleProvince, articleDistrict)), p.raised()));
        }
        Person host = e.host == null ? null : new Person(e.hostName(orig), e.host.title(),
                spelledOut(MeetingCities.expand(hostOrganization, cityName, e.city, articleCity, articleProvince,
                        articleDistrict)));
        double confidence = 0.55 + (e.fallbackDate ? -0.15 : 0.15) + (host != null ? 0.1 : 0)
                + (participants.isEmpty() ? 0 : 0.1) + (e.name != null ? 0.05 : 0);
        Evidence evidence = new Evidence(e.evidenceSentence.start(), e.evidenceSentence.end(),
                orig.substring(e.evidenceSentence.start(), e.evidenceSentence.end()));
        String nameOrSeries = e.name != null ? e.name : e.series;
        String id = Ids.eventId(articleId, "seminar", e.date, e.sequence, nameOrSeries);
        return new SeminarEvent(id, articleId, e.date, e.timeOfDay, e.city, e.name, e.series,
                e.sequence, host, e.focus, List.copyOf(participants), evidence,
                Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0, ExtractorVersion.CURRENT);
    }

    /**
     * 经科局 after 经济及科技发展局 was written out: a short form (three or four characters ending in a body's
     * ending) becomes the full name the article gave, the nearest span ending in the same character that holds the
     * short form's characters in order. Names the article never wrote out stay as written.
     */
    private String spelledOut(String organization) {
        if (organization == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : organization.split("、", -1)) {
            if (out.length() > 0) {
                out.append('、');
            }
            out.append(spelled.computeIfAbsent(part, this::fullForm));
        }
        return out.toString();
    }

    private String fullForm(String abbreviation) {
        int n = abbreviation.length();
        if (n == 2 && Lexicon.ORG_SUFFIXES.contains(abbreviation)) {
            return namedBody(abbreviation);
        }
        if (n < 3 || n > 4 || spelled.size() > MAX_SHORT_FORMS
                || Lexicon.ORG_SUFFIXES.longestEndingAt(abbreviation, n, n - 1) != 1) {
            return abbreviation;
        }
        char last = abbreviation.charAt(n - 1);
        for (int i = orig.indexOf(last); i >= 0; i = orig.indexOf(last, i + 1)) {
            int k = n - 2;
            int j = i - 1;
            while (j >= 0 && i - j <= FULL_FORM_REACH && k >= 0 && Character.isIdeographic(orig.charAt(j))) {
                if (orig.charAt(j) == abbreviation.charAt(k)) {
                    k--;
                }
                if (k >= 0) {
                    j--;
                }
            }
            boolean midName = i + 1 < orig.length() && (orig.charAt(i + 1) == '员' || orig.charAt(i + 1) == '員');
            if (k < 0 && i + 1 - j >= n + 2 && !midName) {
                String full = orig.substring(j, i + 1);
                if (!full.contains(abbreviation)) {
                    return full;
                }
            }
        }
        return abbreviation;
    }

    /**
     * 商会 written alone (商会会长某某) after the article named the body (与澳门某某商会代表座谈): the first name
     * written before the same word, else the word as written.
     */
    private String namedBody(String head) {
        for (int i = orig.indexOf(head); i >= 0; i = orig.indexOf(head, i + 1)) {
            int j = fullFormStart(orig, i, 0, i, false);
            if (i - j >= 2) {
                return orig.substring(j, i + head.length());
            }
        }
        return head;
    }

    /**
     * "商会方面，会长某某、理事长某某": the side a sentence opens with is the organisation of the posts listed after
     * it, written out as the article named it before (澳门中小型企业联合商会); null when there is no such side.
     */
    /** Words opening a list before its first name: 包括, 还有. */
    private static final Pattern LIST_LEAD = Pattern.compile("^(?:包括|包含|还有|還有|其中)");
    /** The full forms of short names, by short name, once per article. */
    private final java.util.Map<String, java.util.Optional<String>> fullForms = new java.util.HashMap<>();
    /** "某某医疗器械有限公司（简称「某某医械」）": a short name the text declares for the name before it. */
    private static final Pattern DECLARED_SHORT = Pattern.compile("[（(](?:以下)?(?:简称|簡稱|下称|下稱)[:：]?[「“\"『]");

    /**
     * Each part of {@code organization} written as a short name the article declared (港深医械 for 港深医疗器械
     * 有限公司), in full.
     */
    private String fullForms(String organization) {
        String[] parts = organization.split("、");
        boolean changed = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.length() < 2 || part.length() > 6 || Lexicon.ORG_SUFFIXES.longestEndingAt(part, part.length(), 0) > 0
                    && part.length() > 3) {
                continue;
            }
            String full = fullForms.computeIfAbsent(part, k -> java.util.Optional.ofNullable(declaredFor(k))).orElse(null);
            if (full != null && !full.equals(part)) {
                parts[i] = full;
                changed = true;
            }
        }
        return changed ? String.join("、", parts) : organization;
    }

    /** The name the article declares {@code shortName} for (某某有限公司（简称「短名」）), else null. */
    private String declaredFor(String shortName) {
        for (int i = orig.indexOf(shortName); i >= 0; i = orig.indexOf(shortName, i + 1)) {
            int open = i - 1;
            while (open >= 0 && i - open <= 8 && orig.charAt(open) != '（' && orig.charAt(open) != '(') {
                open--;
            }
            if (open < 0 || i - open > 8 || !DECLARED_SHORT.matcher(orig).region(open, i).matches()) {
                continue;
            }
            int j = fullFormStart(orig, open, 0, open, false);
            String full = LIST_LEAD.matcher(orig.substring(j, open)).replaceFirst("");
            return full.length() >= 2 ? full : null;
        }
        return null;
    }

    /** How far before its abbreviation an organisation may be named. */
    private static final int ABBREVIATION_REACH = 600;

    /**
     * The organisation named before {@code at} (within {@link #ABBREVIATION_REACH}) whose name holds the characters
     * of {@code abbreviation} in order, the first one opening a word of it and the name ending in an organisation
     * suffix right after the last one (中总 → 澳门中华工商总会); else null.
     */
    private String abbreviated(String abbreviation, int at) {
        int floor = Math.max(0, at - ABBREVIATION_REACH);
        for (int i = orig.lastIndexOf(abbreviation.charAt(0), at - 1); i >= floor;
             i = orig.lastIndexOf(abbreviation.charAt(0), i - 1)) {
            int k = 1;
            for (int e = i + 1; e < at && e - i < FULL_FORM_REACH && Character.isIdeographic(orig.charAt(e)); e++) {
                if (k < abbreviation.length() && orig.charAt(e) == abbreviation.charAt(k)) {
                    k++;
                    int suffix = k == abbreviation.length() ? Lexicon.ORG_SUFFIXES.longestAt(orig, e + 1, Math.min(at, e + 4)) : 0;
                    if (k == abbreviation.length() && (suffix > 0 || Lexicon.ORG_SUFFIXES.longestEndingAt(orig, e + 1, i) > 0)) {
                        return orig.substring(fullFormStart(orig, i, floor, i, false), e + 1 + suffix);
                    }
                }
            }
        }
        return null;
    }

    private String sideOf(int at) {
        int floor = Math.max(0, at - SIDE_REACH);
        int sentenceStart = Math.max(orig.lastIndexOf('。', at), orig.lastIndexOf('\n', at));
        int side = orig.lastIndexOf("方面", at);
        if (side < 0 || side < floor || side < sentenceStart) {
            return null;
        }
        int start = side;
        while (start > Math.max(sentenceStart + 1, side - 12) && Character.isIdeographic(orig.charAt(start - 1))) {
            start--;
        }
        String short_ = orig.substring(start, side);
        if (short_.length() >= 2 && short_.length() <= 4
                && Lexicon.ORG_SUFFIXES.longestEndingAt(short_, short_.length(), 0) == 0) {
            // "中总方面，副会长甲、乙": the abbreviation of an organisation named before (澳门中华工商总会).
            return abbreviated(short_, start);
        }
        if (short_.length() < 2 || Lexicon.ORG_SUFFIXES.longestEndingAt(short_, short_.length(), 0) == 0) {
            return null;
        }
        String best = short_;
        for (int i = orig.indexOf(short_); i >= 0 && i < start; i = orig.indexOf(short_, i + 1)) {
            String full = orig.substring(fullFormStart(orig, i, 0, i, false), i + short_.length());
            if (full.length() > best.length()) {
                best = full;
            }
        }
        return best;
    }

    /**
     * 某某会主委甲率副主委乙、丙出席: a post without its organization, in the party a person leads, is in the leader's
     * organization. The leader is the mention that ends right before 率 (率领, 带领…); later names of the same list
     * (joined by 、) follow it too.
     */
    private String leaderOrganization(PersonMention p, List<PersonMention> mentions) {
        int at = p.start();
        for (int hops = 0; hops < 8 && at > 0; hops++) {
            if (orig.charAt(at - 1) == '、') {
                PersonMention before = endingAt(at - 1, mentions);
                if (before == null || before.organization() != null) {
                    return null;
                }
                at = before.start();
                continue;
            }
            for (String verb : LEADS) {
                if (orig.startsWith(verb, at - verb.length())) {
                    PersonMention leader = endingAt(at - verb.length(), mentions);
                    if (leader == null) {
                        return null;
                    }
                    return leader.organization() != null ? leader.organization() : impliedOrganization(leader.title());
                }
            }
            return null;
        }
        return null;
    }

    /**
     * 商会会长、某公司董事长甲，副会长乙、丙出席: a deputy's post written without its organization, after the
     * principal's post in the same sentence, is in the principal's organization (the one written with that post).
     */
    private String principalOrganization(PersonMention p, List<PersonMention> mentions) {
        if (p.titles().size() != 1) {
            return null;
        }
        String title = SimplifiedText.of(p.titles().get(0));
        if (!title.startsWith("副") || title.length() < 3) {
            return null;
        }
        int sentenceStart = Math.max(orig.lastIndexOf('。', p.start()), orig.lastIndexOf('\n', p.start()));
        PersonMention nearest = null;
        int index = -1;
        for (PersonMention m : mentions) {
            if (m.end() > p.start() || m.start() <= sentenceStart || nearest != null && m.end() < nearest.end()) {
                continue;
            }
            for (int k = 0; k < m.titles().size(); k++) {
                if (SimplifiedText.of(m.titles().get(k)).equals(title.substring(1))
                        && m.organizations().size() == m.titles().size()) {
                    nearest = m;
                    index = k;
                }
            }
        }
        return nearest == null ? null : nearest.organizations().get(index);
    }

    /**
     * 某某总商会举行座谈会，会长甲主持，副会长乙、丙出席: a post of an association (会长, 理事长, 秘书长…) written
     * without its organization is in the association the paragraph named last before it; null when it named none.
     */
    private String associationBefore(PersonMention p) {
        if (p.titles().size() != 1) {
            return null;
        }
        String title = SimplifiedText.of(p.titles().get(0));
        Pattern body;
        if (ASSOCIATION_POST.matcher(title).matches()) {
            body = ASSOCIATION;
        } else {
            // 某某发展局举行座谈会，由局长甲主持，副局长乙出席: the head of a department, or the deputy, in the
            // department the paragraph named last.
            Matcher head = DEPARTMENT_POST.matcher(title);
            if (!head.matches()) {
                return null;
            }
            body = DEPARTMENTS.get(head.group(1));
        }
        String named = namedBefore(p.start(), body);
        if (named == null && body == ASSOCIATION) {
            // "…与某某出入口商会代表举行座谈会。\n出席座谈会的商会代表包括会长甲、副会长乙": the association's delegates,
            // the association named in the paragraph before.
            int floor = Math.max(0, p.start() - DELEGATES_REACH);
            int paragraph = p.start();
            while (paragraph > floor && orig.charAt(paragraph - 1) != '\n') {
                paragraph--;
            }
            String opening = SimplifiedText.of(orig.substring(paragraph, p.start()));
            int end = paragraph - 1;
            while (end > floor && orig.charAt(end - 1) == '\n') {
                end--;
            }
            if (paragraph > floor && DELEGATES.matcher(opening).find() && end > 0) {
                int previous = end;
                while (previous > 0 && end - previous < DELEGATES_REACH && orig.charAt(previous - 1) != '\n') {
                    previous--;
                }
                named = namedBefore(end, body, previous);
            }
        }
        return named;
    }

    /** The last organisation before {@code at} in its paragraph (within {@link #ASSOCIATION_REACH}) ending in {@code body}. */
    /**
     * "该局副局长某某": each body of {@code organization} referred back to (该局, 该会) as the one named before
     * {@code at}: a bureau in the paragraph, an association in the paragraph or, failing that, earlier in the article
     * ("该会副会长某某" paragraphs after the association held the meeting).
     */
    private String referredBodies(String organization, int at) {
        String[] parts = organization.split("、");
        boolean changed = false;
        for (int i = 0; i < parts.length; i++) {
            Matcher anaphor = ANAPHORIC_BODY.matcher(SimplifiedText.of(parts[i]));
            if (!anaphor.matches()) {
                continue;
            }
            boolean association = anaphor.group(1).equals("会");
            String named = namedBefore(at, association ? ASSOCIATION : DEPARTMENTS.get(anaphor.group(1)));
            if (named == null && association) {
                named = namedBefore(at, ASSOCIATION, Math.max(0, at - REFERRED_ASSOCIATION_REACH));
            }
            if (named != null) {
                parts[i] = named;
                changed = true;
            }
        }
        return changed ? String.join("、", parts) : organization;
    }

    private String namedBefore(int at, Pattern body) {
        return namedBefore(at, body, Math.max(Math.max(0, at - ASSOCIATION_REACH), orig.lastIndexOf('\n', at) + 1));
    }

    /** The last organisation in {@code [floor, at)} ending in {@code body}. */
    private String namedBefore(int at, Pattern body, int floor) {
        String before = SimplifiedText.of(orig.substring(floor, at));
        Matcher m = body.matcher(before);
        String found = null;
        while (m.find()) {
            int end = m.end();
            int j = fullFormStart(before, m.start(), 0, end, true);
            if (m.start() - j >= 1) {
                found = orig.substring(floor + j, floor + end);
            }
        }
        return found;
    }

    /**
     * Where the words of a name ending at {@code at} start: back over ideographs to a side stop (与, 和, 在…), the
     * floor, or {@link #FULL_FORM_REACH} characters before {@code anchor}; with {@code joined}, a 及 or 和 inside a
     * name (经济及科技发展局) does not stop it.
     */
    private static int fullFormStart(String s, int at, int floor, int anchor, boolean joined) {
        int j = at;
        while (j > floor && anchor - j < FULL_FORM_REACH && Character.isIdeographic(s.charAt(j - 1))
                && (SIDE_STOPS.indexOf(s.charAt(j - 1)) < 0 || joined && joinsWithinName(s, j - 1))) {
            j--;
        }
        return j;
    }

    /**
     * 经济及科技发展局: a 及 (or 和) after two characters that end no organisation joins two words of one name, not
     * two organisations.
     */
    private static boolean joinsWithinName(String s, int at) {
        char c = s.charAt(at);
        if (c != '及' && c != '和') {
            return false;
        }
        return at >= 2 && Character.isIdeographic(s.charAt(at - 1)) && Character.isIdeographic(s.charAt(at - 2))
                && SIDE_STOPS.indexOf(s.charAt(at - 1)) < 0 && SIDE_STOPS.indexOf(s.charAt(at - 2)) < 0
                && Lexicon.ORG_SUFFIXES.longestEndingAt(s, at, at - 2) == 0;
    }

    private static PersonMention endingAt(int end, List<PersonMention> mentions) {
        for (PersonMention m : mentions) {
            if (m.end() == end) {
                return m;
            }
        }
        return null;
    }

    /**
     * 副局长 next to the 局长 who chairs (or whose last post is 局长: 党组书记、主任 and 副主任): the chair's deputy
     * serves in the chair's organisation.
     */
    private static String deputyOf(String title, String hostTitle, String hostOrganization) {
        if (title == null || hostTitle == null || title.contains("、")) {
            return null;
        }
        String t = SimplifiedText.of(title);
        String h = SimplifiedText.of(hostTitle);
        h = h.substring(h.lastIndexOf('、') + 1);
        return t.startsWith("副") && t.substring(1).equals(h) ? hostOrganization : null;
    }

    /** The organization a post written alone names (副市长 -> 市政府), or null. */
    static String impliedOrganization(String title) {
        if (title == null) {
            return null;
        }
        for (String part : title.split("、")) {
            String org = Lexicon.TITLE_ORGANIZATIONS.value(part, 2);
            int modifier = Lexicon.TITLE_MODIFIERS.longestAt(part, 0, part.length());
            if (org == null && modifier > 0) {
                // 港区全国人大代表: the post without the words before it names the organization.
                org = Lexicon.TITLE_ORGANIZATIONS.value(part.substring(modifier), 2);
            }
            if (org != null) {
                return org;
            }
        }
        return null;
    }
}
