package cn.newsevents.extraction.text;

/**
 * Chinese place names from the {@link Lexicon} gazetteer: a province and/or city as written
 * (山东省济南市, 苏州市, 新北), and one-character city names after a motion or location word (在京 = 北京).
 */
public final class Places {
    private static final java.util.regex.Pattern NOT_DISTRICTS = java.util.regex.Pattern.compile(
            "(?:工业|开发|园|科技|保税|服务|港|景|社|片|城|厂|校|商|试验|示范|产业|功能|风景|自贸|综保)区$");
    private Places() {
    }

    /** A place found in a text: [start, end) as written, the city (without 市) or null, the province or null. */
    public record Place(int start, int end, String city, String province) {
    }

    /** The place starting at {@code pos} (province, optional 省/市/自治区, city, optional 市), or null. */
    public static Place at(String s, int pos, int to) {
        int p = pos;
        String province = null;
        int pl = Lexicon.PROVINCES.longestAt(s, p, to);
        if (pl > 0) {
            province = Lexicon.PROVINCES.row(s.substring(p, p + pl))[0];
            p += pl;
            if (s.startsWith("省", p) || s.startsWith("市", p)) {
                p++;
            } else if (s.startsWith("自治区", p)) {
                p += 3;
            }
        }
        int cl = Lexicon.CITIES.longestAt(s, p, to);
        if (cl > 0 && province == null && isCountyLevel(s.substring(p, p + cl)) && !writtenAsPlace(s, p, p + cl)) {
            // 詹永康, 瑞安恒达: a county-level city's name is a given name or a company's too often to be read as a
            // place unless written with 市, after 在/赴/到, or opening a line (晋江召开…).
            cl = 0;
        }
        String city = null;
        if (cl > 0) {
            String[] row = Lexicon.CITIES.row(s.substring(p, p + cl));
            city = row[0];
            if (province == null) {
                province = row[2];
            }
            p += cl;
            if (s.startsWith("市", p)) {
                p++;
            }
        } else if (province != null && "municipality".equals(Lexicon.PROVINCES.value(province, 2))) {
            city = province;
        }
        if (city == null && province == null) {
            return null;
        }
        if (city == null) {
            return null;
        }
        return new Place(pos, p, city, province);
    }

    /**
     * The end of the place written at {@code pos}: a city with its district (杭州市余杭区), a province alone (浙江省), or
     * {@code pos} when none starts there.
     */
    public static int placeEnd(String s, int pos, int to) {
        Place p = at(s, pos, to);
        if (p != null) {
            return s.charAt(p.end() - 1) == '市' ? districtEnd(s, p.end(), to) : p.end();
        }
        int pl = Lexicon.PROVINCES.longestAt(s, pos, to);
        if (pl == 0) {
            return pos;
        }
        int end = pos + pl;
        if (s.startsWith("省", end) || s.startsWith("市", end)) {
            return end + 1;
        }
        return s.startsWith("自治区", end) ? end + 3 : end;
    }

    /**
     * 杭州市余杭区 / 嘉兴市海宁市 / 上海市浦东新区: the end of a district, county or county-level city named right after a
     * city at {@code pos} (two to four characters and 区, 县 or 市), or {@code pos} when there is none.
     */
    public static int districtEnd(String s, int pos, int to) {
        if (pos >= to || "各全本该市省区县委府".indexOf(s.charAt(pos)) >= 0 || s.startsWith("政府", pos)) {
            // 台南市政府永华市政中心, 市委, 市府: a body of the city, not a district.
            return pos;
        }
        for (int len = 3; len <= 5 && pos + len <= to; len++) {
            char c = s.charAt(pos + len - 1);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                return pos;
            }
            if ("区县市".indexOf(c) >= 0) {
                String word = s.substring(pos, pos + len);
                // 工业区, 开发区, 园区: a zone inside the city, not a district of it.
                return NOT_DISTRICTS.matcher(word).find() ? pos : pos + len;
            }
        }
        return pos;
    }

    /** The city of a one-character abbreviation at {@code pos} (京 -> 北京) or null. */
    public static String abbreviationAt(String s, int pos, int to) {
        if (pos >= to) {
            return null;
        }
        int len = Lexicon.CITY_ABBREVIATIONS.longestAt(s, pos, to);
        if (len == 0) {
            return null;
        }
        return Lexicon.CITY_ABBREVIATIONS.value(s.substring(pos, pos + len), 2);
    }

    /** The first city named anywhere in {@code s[from, to)}, or null. */
    public static Place first(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            Place p = at(s, i, to);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@code city} is a county (屏东: its bodies are 县政府, 县府), as the gazetteer marks it. */
    public static boolean isCounty(String city) {
        return city != null && "县".equals(Lexicon.CITIES.value(city, 4));
    }

    /** Whether {@code city} is a county-level city (its row names the prefecture city it belongs to). */
    public static boolean isCountyLevel(String city) {
        String prefecture = Lexicon.CITIES.value(city, 3);
        return prefecture != null && !prefecture.isEmpty();
    }

    private static boolean writtenAsPlace(String s, int start, int end) {
        if (end < s.length() && "区县镇乡".indexOf(s.charAt(end)) >= 0) {
            // 台南市永康区: a district of the same name elsewhere.
            return false;
        }
        return end < s.length() && s.charAt(end) == '市' || start == 0
                || "\n在赴到于至、".indexOf(s.charAt(start - 1)) >= 0;
    }

    /** The province of a city, or null. */
    public static String provinceOf(String city) {
        return city == null ? null : Lexicon.CITIES.value(city, 2);
    }

    /** The full name of an autonomous region (广西 -> 广西壮族自治区), or null for any other place. */
    public static String regionName(String province) {
        if (province == null || !"region".equals(Lexicon.PROVINCES.value(province, 2))) {
            return null;
        }
        String full = Lexicon.PROVINCES.value(province, 3);
        return full == null || full.isEmpty() ? null : full;
    }

    /** True when the province takes 省 (not a municipality or region). */
    public static boolean isProvince(String province) {
        return province != null && "province".equals(Lexicon.PROVINCES.value(province, 2));
    }
}
