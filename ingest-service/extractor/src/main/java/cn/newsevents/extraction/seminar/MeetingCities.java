package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.text.Lexicon;
import cn.newsevents.extraction.text.Places;
import cn.newsevents.extraction.text.SimplifiedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides where a meeting was held and what a local organisation stands for there. A clause names the city after
 * 在/赴/到 or at its opening (在杭州召开); a meeting held by a city post (市委书记, 市政府) with no city of its own
 * is in the city the headline names; 市委 and 省委 of such a meeting are the city's and its province's. Offsets
 * index the simplified text; returned names are the original text. Immutable.
 */
final class MeetingCities {
    /**
     * A district or county as a body's place (余杭区委, 清河县政府), after a break (full-width or ASCII punctuation) or
     * a city; 县委县政府 names none (no 委 or 府 in a name).
     */
    private static final Pattern DISTRICT = Pattern.compile(
            "(?:^|[，。、；：\\n“（是在,;:(]|市)((?:(?![委府])\\p{IsHan}){1,3}(?:新区|区|县))(?=委|政府|人民政府|召开|举行|举办|今年|领导|人大|政协"
                    // "南海区第三期恳谈会": the district's numbered meeting; "南康区家具产业政企恳谈会": its named one.
                    + "|第[一二三四五六七八九十0-9]|[\\p{IsHan}“”]{0,12}?(?:恳谈会|座谈会|交流会|早餐会))");
    /** A district's or a county's body written without its name, opening a clause. */
    /** A city's development zone's body written without the city: 经开区党工委, 高新区管委会. */
    private static final Pattern ZONE_BODY = Pattern.compile("(?:经开区|經開區|高新区|高新區)(?:党工委|黨工委|管委会|管委會)");
    private static final Pattern BARE_DISTRICT_BODY = Pattern.compile("(?<!\\p{IsHan})区(?:委|政府|长)");
    private static final Pattern BARE_COUNTY_BODY = Pattern.compile("(?<!\\p{IsHan})县(?:委|政府|长)");
    private static final Pattern NAMED_BODY = Pattern.compile("\\p{IsHan}{2}[区县](?:委|政府|府)");
    /** An outlet named by its place: "某某新闻", "某某电视台", "某某融媒". */
    private static final Pattern PLACE_OUTLET = Pattern.compile(
            "(\\p{IsHan}{2})(?:新闻|电视台|广播电视台|融媒|日报|发布|广电|在线|新闻网|报)");
    private final MeetingText text;
    private final String s;
    private final int body;
    /** The outlet (source line), simplified, or null. */
    private final String outlet;

    /**
     * @param body   where the body starts; the text before it is the headline
     * @param outlet the article's source line, or null
     */
    MeetingCities(MeetingText text, int body, String outlet) {
        this.text = text;
        this.s = text.s;
        this.body = body;
        this.outlet = outlet == null ? null : SimplifiedText.of(outlet);
    }

    /** The city where the meeting was held, from 在/赴/到 + place or a place opening {@code [from, to)}, or null. */
    String in(int from, int to) {
        for (int i = from; i < to; i++) {
            boolean cue = i == from || "在赴到于了抵访临".indexOf(s.charAt(i - 1)) >= 0
                    || i - 2 >= from && s.startsWith("移师", i - 2);
            if (!cue) {
                continue;
            }
            Places.Place p = Places.at(s, i, to);
            if (p != null) {
                int end = s.charAt(p.end() - 1) == '市' ? Places.districtEnd(s, p.end(), to) : p.end();
                return text.orig.substring(p.start(), end);
            }
            if (i > from && s.charAt(i - 1) == '在') {
                String abbreviation = Places.abbreviationAt(s, i, to);
                if (abbreviation != null && i + 1 < to && !PostedPersons.allIdeographs(s, i + 1, i + 2)
                        || abbreviation != null && i + 1 < to && "出召举主参".indexOf(s.charAt(i + 1)) >= 0) {
                    return abbreviation;
                }
            }
        }
        return null;
    }

    /** The rest of a registered company name after the place it opens with. */
    private static final Pattern COMPANY_AFTER = Pattern.compile(
            "\\p{IsHan}{1,16}?(?:有限公司|有限责任公司|股份|集团)");

    /** The answers of {@link #governing(String)} so far, by county-level city. */
    private final java.util.Map<String, String> governingCities = new java.util.HashMap<>();

    /** How far back in its sentence a person's post looks for the city it belongs to. */
    private static final int OWN_CITY_REACH = 60;

    /**
     * "江阴市委副书记、市长某某主持，副市长某某出席": the city written with 市 before {@code at} in the same sentence
     * (the nearest, within {@link #OWN_CITY_REACH}), whose bodies a bare 市 post there belongs to; else null.
     */
    String cityBefore(int at) {
        int floor = Math.max(0, at - OWN_CITY_REACH);
        for (int i = Math.min(at, s.length()) - 1; i > floor; i--) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n' || c == '；') {
                return null;
            }
            if (c == '市' && i + 1 < s.length() && "委政人".indexOf(s.charAt(i + 1)) >= 0) {
                int len = Lexicon.CITIES.longestEndingAt(s, i, Math.max(floor, i - 4));
                if (len > 0) {
                    return Lexicon.CITIES.row(s.substring(i - len, i))[0];
                }
            }
        }
        return null;
    }

    /**
     * "第二场、第三场分别在晋江、石狮举行": the places listed after 分别在 in {@code [from, to)}, one per meeting, as
     * written, when there are {@code count} of them; else null.
     */
    List<String> listed(int from, int to, int count) {
        int at = -1;
        for (int i = from; i + 3 <= to; i++) {
            if (s.startsWith("分别在", i)) {
                at = i + 3;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int p = at;
        while (out.size() < count) {
            Places.Place place = Places.at(s, p, to);
            if (place == null) {
                return null;
            }
            out.add(text.orig.substring(place.start(), place.end()));
            p = place.end();
            if (out.size() < count) {
                if (p < to && "、和及与".indexOf(s.charAt(p)) >= 0) {
                    p++;
                } else {
                    return null;
                }
            }
        }
        return out;
    }

    /** The first city the headline names, or null. */
    String headline() {
        Places.Place hp = Places.first(s, 0, Math.min(body, s.length()));
        return hp == null ? null : hp.city();
    }

    /** Whether the meeting's host holds a city post, so the meeting is in the city the article is about. */
    static boolean localPost(MeetingDraft e) {
        if (e.host != null && e.host.organization() != null && e.host.organization().startsWith("市")) {
            return true;
        }
        return e.host != null && e.host.title() != null && e.host.title().startsWith("市");
    }

    /** The city a place name written in any script lies in, or null. */
    static String cityName(String city) {
        if (city == null) {
            return null;
        }
        String simplifiedCity = SimplifiedText.of(city);
        Places.Place p = Places.first(simplifiedCity, 0, simplifiedCity.length());
        return p == null ? null : p.city();
    }

    /**
     * 市委 -> 杭州市委, 省委 -> 浙江省委 when the meeting's city is known; 区政府 -> 杭州市余杭区政府 when the meeting's
     * place names its district or county; 市府经济发展局 (Taiwan's short form of 市政府) -> 台中市经济发展局.
     *
     * @param place the meeting's place as the article writes it (杭州市余杭区), or null
     */
    static String expand(String organization, String city, String place) {
        return expand(organization, city, place, null, null, null);
    }

    /**
     * 某某高新区党工委、管委会 (or 区党工委、管委会): the park's administrative committee is the park's, as its party
     * committee is.
     */
    private static String withParkOfCommittee(String organization) {
        if (organization == null || organization.indexOf('、') < 0) {
            return organization;
        }
        String[] parts = organization.split("、");
        for (int i = 1; i < parts.length; i++) {
            String prev = parts[i - 1];
            int committee = Math.max(prev.lastIndexOf("党工委"), prev.lastIndexOf("黨工委"));
            if (committee >= 1 && committee + 3 == prev.length() && (parts[i].equals("管委会") || parts[i].equals("管委會"))) {
                parts[i] = prev.substring(0, committee) + parts[i];
            }
        }
        return String.join("、", parts);
    }

    /** 重庆市政协、市工商联: a later 市 post of the person is in the city of the first, whatever the meeting's. */
    private static String withOwnCity(String organization) {
        String[] parts = organization.split("、");
        String ownCity = null;
        for (int i = 0; i < parts.length; i++) {
            int cityEnd = parts[i].indexOf('市');
            if (ownCity == null && cityEnd >= 2 && !parts[i].startsWith("市")) {
                ownCity = parts[i].substring(0, cityEnd);
            } else if (ownCity != null && parts[i].startsWith("市")) {
                parts[i] = ownCity + parts[i];
            }
        }
        return String.join("、", parts);
    }

    /**
     * {@link #expand(String, String, String)}, and when the meeting's own place does not say: 市政府 of the city,
     * 省政府 of the province and 区政府 of the district the article names first ({@code articleProvince}, {@code articleDistrict}, either
     * may be null).
     */
    static String expand(String organization, String cityOrNull, String place, String articleCity,
                         String articleProvince, String articleDistrict) {
        String expanded = expandEach(withParkOfCommittee(organization), cityOrNull, place, articleCity, articleProvince,
                articleDistrict);
        if (expanded == null || expanded.indexOf('、') < 0) {
            return expanded;
        }
        // 省委常委、省委秘书长: two posts of one body name it once.
        return String.join("、", new java.util.LinkedHashSet<>(List.of(expanded.split("、"))));
    }

    private static String expandEach(String organization, String cityOrNull, String place, String articleCity,
                                     String articleProvince, String articleDistrict) {
        String city = cityOrNull != null ? cityOrNull : articleCity;
        if (organization == null) {
            return null;
        }
        if (city == null && articleProvince == null && articleDistrict == null) {
            return withOwnCity(organization);
        }
        String district = districtOf(place);
        if (district == null && (place == null || place.endsWith("镇") || place.endsWith("鎮") || place.endsWith("街道")
                || place.endsWith("乡") || place.endsWith("鄉"))) {
            // A meeting in a town (北滘镇) is in the district the article names.
            district = articleDistrict;
        }
        String province = city == null ? null : Places.provinceOf(city);
        // 自治区党委, 自治区工商联 in a 南宁 article: the region's (广西壮族自治区).
        String region = Places.regionName(province);
        if (!Places.isProvince(province)) {
            province = articleProvince;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : withOwnCity(organization).split("、")) {
            if (!sb.isEmpty()) {
                sb.append('、');
            }
            String county = part.startsWith("县府") || part.startsWith("縣府") ? countyOf(place, city, part) : null;
            if (county != null) {
                // 县府产业发展处 in 新竹县: the county government.
                part = county + "政府" + part.substring(2);
            }
            if (part.startsWith("市府") && part.length() > 2) {
                part = "市" + part.substring(2);
            } else if (part.equals("市府")) {
                part = "市政府";
            }
            if ((part.startsWith("区") || part.startsWith("县")) && district != null
                    && district.charAt(district.length() - 1) == part.charAt(0)) {
                // 余杭区 + 区委 = 余杭区委; a new area keeps both: 滨海新区区委.
                // A county of one character keeps both for its party committee: 莒县 + 县委 = 莒县县委.
                boolean both = district.endsWith("新区") && part.startsWith("区委")
                        || district.length() == 2 && (part.startsWith("县委") || part.startsWith("縣委"));
                sb.append(district).append(both ? part : part.substring(1));
            } else if (part.startsWith("县") && district == null && Places.isCounty(city)) {
                // 副县长 in a 屏东 article: the county's government (屏东县政府).
                sb.append(city).append(part);
            } else if (part.startsWith("市") && city != null) {
                sb.append(city).append(part);
            } else if (city != null && district == null && ZONE_BODY.matcher(part).lookingAt()) {
                // 经开区党工委 in a 滁州 article: the city's development zone (滁州经开区党工委). (A county's
                // 开发区 is more often its own, and written out in full elsewhere: not expanded.)
                sb.append(city).append(part);
            } else if (part.startsWith("省") && province != null) {
                sb.append(province).append(part);
            } else if (part.startsWith("自治区") && region != null) {
                sb.append(region).append(part.substring(3));
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }

    /**
     * The county of a meeting for 县府: its place or city when that is a county, else a city named without its
     * ending (新竹) with the 县 (or 縣) of {@code part}; null for a city, province or district.
     */
    private static String countyOf(String place, String city, String part) {
        if (place != null && (place.endsWith("县") || place.endsWith("縣"))) {
            return place;
        }
        if (city == null || city.isEmpty() || part.isEmpty()) {
            return null;
        }
        char last = city.charAt(city.length() - 1);
        if (last == '县' || last == '縣') {
            return city;
        }
        return Character.isIdeographic(last) && "市省区區".indexOf(last) < 0 ? city + part.charAt(0) : null;
    }

    /**
     * The city whose bodies (市委, 市政府, 市工信局) an article about {@code city} speaks of: for a county-level city, its
     * prefecture city when the article names that as a place (in its headline or outlet, or written with 市:
     * 南平政企恳谈会 … 在武夷山市举行), else the city itself (五常市人民政府: 我市…). Null for null.
     */
    String governing(String city) {
        String prefecture = city == null ? null : Lexicon.CITIES.value(city, 3);
        if (prefecture == null || prefecture.isEmpty()) {
            return city;
        }
        // One search of the text per county-level city, however many meetings the article reports.
        return governingCities.computeIfAbsent(city, c -> namesAsPlace(prefecture) ? prefecture : c);
    }

    private boolean namesAsPlace(String prefecture) {
        int head = Math.min(body, s.length());
        for (int i = s.indexOf(prefecture); i >= 0; i = s.indexOf(prefecture, i + prefecture.length())) {
            // 某某银行, 某某陶瓷: a company named after the prefecture does not make the article the prefecture's.
            if (i < head || s.startsWith("市", i + prefecture.length())) {
                return true;
            }
        }
        return false;
    }

    /** The first province the article names (江西省经贸代表团 -> 江西), or null. */
    String articleProvince() {
        int at = Lexicon.PROVINCES.indexOf(s, 0, s.length());
        if (at < 0) {
            return null;
        }
        String province = Lexicon.PROVINCES.row(s.substring(at, at + Lexicon.PROVINCES.longestAt(s, at, s.length())))[0];
        return Places.isProvince(province) ? province : null;
    }

    /**
     * The city the body names most often, the first of those named as often (台南市政府今年推动的…; "南宁海关隶属钦州
     * 海关" in an article naming 钦州 throughout is 钦州's), or null.
     */
    String articleCity() {
        Map<String, Integer> named = new java.util.LinkedHashMap<>();
        for (int i = Math.min(body, s.length()); i < s.length(); i++) {
            Places.Place p = Places.at(s, i, s.length());
            if (p == null) {
                continue;
            }
            // 瑞安市恒达汽车部件有限公司 at a meeting elsewhere: a company of a county-level city comes from there, the
            // article need not. (A prefecture city opening a company's name is more often the article's own.)
            if (!Places.isCountyLevel(p.city())
                    || !COMPANY_AFTER.matcher(s).region(p.end(), s.length()).lookingAt()) {
                named.merge(p.city(), 1, Integer::sum);
            }
            i = p.end() - 1;
        }
        String most = null;
        for (Map.Entry<String, Integer> e : named.entrySet()) {
            if (most == null || e.getValue() > named.get(most)) {
                most = e.getKey();
            }
        }
        return most;
    }

    /**
     * The first district the article names as a body (浦东新区召开…, 某某区委), as written; else the outlet's own
     * district or county when the article speaks of 我区 or 我县 (某某新闻: "我区先后召开…" → 某某区); else null.
     */
    String articleDistrict() {
        if (s.indexOf('区') < 0 && s.indexOf('县') < 0) {
            return null;
        }
        String named = namedDistrict();
        return named != null ? named : outletDistrict();
    }

    private String outletDistrict() {
        if (outlet == null) {
            return null;
        }
        // "我区", or a district's bodies written bare ("区政府召开…，区委副书记、区长某某主持"): the outlet's district.
        // (Not when the article names its own county's or district's body: 云林县政府 in a 云嘉 paper.)
        boolean district = s.contains("我区");
        boolean county = s.contains("我县");
        // Each pattern is tried only on a text holding the words every match of it holds.
        if (!district && !county && !(containsAny(s, "区委", "区政府", "区府", "县委", "县政府", "县府")
                && NAMED_BODY.matcher(s).find())) {
            district = containsAny(s, "区委", "区政府", "区长") && BARE_DISTRICT_BODY.matcher(s).find();
            county = containsAny(s, "县委", "县政府", "县长") && BARE_COUNTY_BODY.matcher(s).find();
        }
        Matcher m = PLACE_OUTLET.matcher(outlet);
        if (district == county || !m.lookingAt() || Lexicon.CITIES.contains(m.group(1))) {
            // Neither or both: the article does not say which its outlet's place is; a city's outlet is no district's.
            return null;
        }
        // "莒县融媒": a county of one character is written with its 县 in the outlet's name.
        String place = m.group(1);
        char ending = district ? '区' : '县';
        return place.charAt(place.length() - 1) == ending ? place : place + ending;
    }

    /** Whether {@code s} holds one of {@code words}. */
    private static boolean containsAny(String s, String... words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether 区 or 县 stands before the first character of a word {@link #DISTRICT} looks for after it (区委, 县政府,
     * 区人大, 县第二…): a test before the pattern, which every match of it passes.
     */
    private boolean mayNameDistrictBody() {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '区' || c == '县') && "委政人召举今领第".indexOf(s.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return s.contains("恳谈会") || s.contains("座谈会") || s.contains("交流会") || s.contains("早餐会");
    }

    private String namedDistrict() {
        if (!mayNameDistrictBody()) {
            return null;
        }
        Matcher m = DISTRICT.matcher(s);
        while (m.find()) {
            String d = s.substring(m.start(1), m.end(1));
            boolean area = d.endsWith("港区") || d.endsWith("园区") || d.endsWith("景区") || d.endsWith("城区")
                    || d.endsWith("社区") || d.endsWith("片区") || d.endsWith("校区") || d.endsWith("厂区")
                    || d.endsWith("矿区") || d.endsWith("库区") || d.endsWith("林区") || d.endsWith("湾区");
            // 莘县 and 沛县 are one character and 县; a word before 区 or 县 (向区政府反映) is not.
            boolean oneCharacter = m.end(1) - m.start(1) == 2;
            if (oneCharacter && (d.endsWith("区") || "向在对为由到从经及与和其此这那给请".indexOf(d.charAt(0)) >= 0)) {
                continue;
            }
            if (!area && "全本我该各城园港景社片".indexOf(s.charAt(m.start(1))) < 0) {
                return text.orig.substring(m.start(1), m.end(1));
            }
        }
        return null;
    }

    /** 杭州市余杭区 -> 杭州市余杭区; 苏州市昆山市 and 台中 -> null: the place up to its district or county. */
    private static String districtOf(String place) {
        if (place == null) {
            return null;
        }
        String simplified = SimplifiedText.of(place);
        int end = Math.max(simplified.lastIndexOf('区'), simplified.lastIndexOf('县'));
        return end >= 2 ? place.substring(0, end + 1) : null;
    }
}
