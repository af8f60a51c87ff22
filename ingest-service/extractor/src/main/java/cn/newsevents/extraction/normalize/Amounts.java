package cn.newsevents.extraction.normalize;

import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.Unit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises Chinese amounts: "52316萬元" is 523160000 CNY, "约新台币60.5亿元" 6050000000 TWD (approx),
 * "2300余家" 2300 count (over), "40%以上" 40 percent (over), "近七成" 70 percent (under), "百亿元" 10000000000 CNY, "1兆元" 10^12 CNY.
 * Word tables live in {@code lexicon/company/amount-*.tsv}. {@link #REGEX} finds amounts inside text in linear
 * time (every repetition is bounded).
 */
public final class Amounts {
    private static final Map<String, Qualifier> BEFORE = new HashMap<>();
    private static final Map<String, Qualifier> AFTER = new HashMap<>();
    private static final Map<String, Qualifier> FUZZY = new HashMap<>();
    private static final Map<String, Unit> UNITS = new HashMap<>();
    private static final Map<String, Unit> CURRENCY_PREFIXES = new HashMap<>();

    static {
        for (String[] row : Tsv.read("lexicon/company/amount-qualifiers.tsv")) {
            Map<String, Qualifier> target = switch (row[2].strip()) {
                case "before" -> BEFORE;
                case "after" -> AFTER;
                default -> FUZZY;
            };
            for (String w : Tsv.spellings(row)) {
                target.put(w, Qualifier.valueOf(row[3].strip().toUpperCase()));
            }
        }
        for (String[] row : Tsv.read("lexicon/company/amount-units.tsv")) {
            for (String w : Tsv.spellings(row)) {
                UNITS.put(w, Unit.valueOf(row[2].strip()));
            }
        }
        for (String[] row : Tsv.read("lexicon/company/amount-currency-prefixes.tsv")) {
            for (String w : Tsv.spellings(row)) {
                CURRENCY_PREFIXES.put(w, Unit.valueOf(row[2].strip()));
            }
        }
    }

    private static final String DIGITS =
            "[0-9\uFF10-\uFF19]{1,15}+(?:,[0-9]{3}){0,5}+(?:[.\uFF0E][0-9\uFF10-\uFF19]{1,8}+)?";
    // A Chinese numeral starts with a digit or 十/百/千 ("百亿元"); a bare "亿元" is a unit, not an amount.
    private static final String CHINESE = "[零〇一二两兩三四五六七八九十百千][零〇一二两兩三四五六七八九十百千万亿兆萬億]{0,11}"
            + "(?:点[零〇一二三四五六七八九]{1,6}[十百千万亿兆萬億]{0,2})?";
    /** "19亿", and in speech "19个亿". */
    private static final String MAGNITUDE = "(?:[个個](?=[万亿萬億]))?[十百千万亿兆萬億]{0,3}";
    /**
     * Tenths of a whole written 成: "七成" is 70%, "3成" 30%, "一成二" 12%, "两成半" 25%. Not before a character that makes 成 a verb or part
     * of a word ("十亿成为", "一成不变", "三成员").
     */
    private static final String TENTHS = "[1-9一二两兩三四五六七八九]成(?:[一二三四五六七八九半](?![0-9一二三四五六七八九十百千万亿萬億]))?"
            + "(?![为為功交长長本立员員绩績果品不])";
    /**
     * The lower part of an amount written in two magnitudes, after 亿 or 兆: "4億3,718萬元" is 437180000, "1兆2,050億"
     * 1205000000000, "617億3千萬元" 61730000000; after 万, the units: "3萬1,731輛" is 31731, or thousands and
     * hundreds: "5萬4千人" is 54000; after 千, hundreds: "3千5百人" is 3500. A single digit after 万 is spoken for
     * thousands: "5万4" is 54000.
     */
    private static final String LOWER = "(?:(?<=[亿億兆])(?:[0-9]{1,4}+(?:,[0-9]{3})?+"
            + "|[1-9一二两兩三四五六七八九]千(?:[1-9一二两兩三四五六七八九]百)?)[万萬亿億]"
            + "|(?<=[万萬])[0-9]{1,4}+(?:,[0-9]{3})?+(?![0-9.,万萬亿億千百%％])"
            + "|(?<=[万萬])[1-9一二两兩三四五六七八九]千(?:[1-9一二两兩三四五六七八九]百)?(?![0-9万萬亿億])"
            + "|(?<=[0-9]千)[1-9一二两兩三四五六七八九]百(?![0-9万萬亿億]))?";
    /** A percentage in words, as spoken and in Hong Kong reports: "百分之七点三" is 7.3%, "百分之四" 4%. */
    private static final String PERCENT_WORDS = "百分之[零〇一二两兩三四五六七八九十点點]{1,8}";
    /** One space between a number and its magnitude or unit ("7.52 亿元"), only when one follows. */
    private static final String SPACE = "(?: (?=[十百千万亿兆萬億" + firstUnitCharacters() + "]))?";

    /** "比上年的8,140万美元多赚15.2%": 多 before a verb says how much more was earned, not "over". */
    private static final String NOT_BEFORE_VERB = "(?![赚缴收卖付花出了])";

    /**
     * An amount with its qualifiers, as a regex without capturing groups, to embed in rule patterns. It is an
     * atomic group: once an amount is read it is never re-read shorter, which keeps the rules cheap per position.
     */
    public static final String REGEX = "(?> ?(?:" + Tsv.alternation(BEFORE.keySet()) + ")?"
            + "(?:(?:" + Tsv.alternation(CURRENCY_PREFIXES.keySet()) + ") ?)?"
            + "(?:" + TENTHS + "|" + PERCENT_WORDS + "|" + DIGITS + "(?:" + Tsv.alternation(FUZZY.keySet()) + ")?" + SPACE
            + MAGNITUDE + LOWER + "|" + CHINESE + ")"
            + "(?:" + Tsv.alternation(FUZZY.keySet()) + ")?"
            + "(?:" + SPACE + "(?:" + Tsv.alternation(UNITS.keySet()) + "))?"
            + "(?:(?:" + Tsv.alternation(AFTER.keySet()) + ")" + NOT_BEFORE_VERB + ")?)";

    /**
     * A lookahead for the characters an amount of {@link #REGEX} can start with. A rule that opens with an amount puts
     * it first, so that a search rejects most positions with one character test.
     */
    public static final String LOOKAHEAD = "(?=[" + firstCharacters() + "])";

    private static final Pattern PARTS = Pattern.compile(
            "(?<before>" + Tsv.alternation(BEFORE.keySet()) + ")?"
                    + "(?:(?<currency>" + Tsv.alternation(CURRENCY_PREFIXES.keySet()) + ") ?)?"
                    + "(?:(?<tenths>" + TENTHS + ")|(?<pct>" + PERCENT_WORDS + ")|(?<digits>" + DIGITS + ")(?<fuzzy1>" + Tsv.alternation(FUZZY.keySet()) + ")?"
                    + SPACE + "(?<magnitude>" + MAGNITUDE + ")(?<lower>" + LOWER + ")|(?<chinese>" + CHINESE + "))"
                    + "(?<fuzzy2>" + Tsv.alternation(FUZZY.keySet()) + ")?"
                    + "(?:" + SPACE + "(?<unit>" + Tsv.alternation(UNITS.keySet()) + "))?"
                    + "(?:(?<after>" + Tsv.alternation(AFTER.keySet()) + ")" + NOT_BEFORE_VERB + ")?");

    private Amounts() {
    }

    private static String firstCharacters() {
        StringBuilder sb = new StringBuilder(" 0-9\uFF10-\uFF19零〇一二两兩三四五六七八九十百千");
        java.util.stream.Stream.concat(BEFORE.keySet().stream(), CURRENCY_PREFIXES.keySet().stream())
                .map(w -> w.charAt(0)).distinct()
                .forEach(c -> sb.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c));
        return sb.toString();
    }

    private static String firstUnitCharacters() {
        StringBuilder sb = new StringBuilder();
        for (String u : UNITS.keySet()) {
            char c = u.charAt(0);
            if (Character.isLetter(c) || c == '%' || c == '％') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Reads {@code text}, which must be one whole amount ("约18%", "87373萬元", "超100万户"). An amount with
     * neither a unit word nor a magnitude (a bare "2023") is not read: it is more often a year or an index.
     */
    public static Optional<Amount> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PARTS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group("tenths") != null) {
            String tenths = m.group("tenths");
            BigDecimal value = ChineseNumerals.parse(tenths.substring(0, 1)).orElseThrow().multiply(BigDecimal.TEN);
            if (tenths.length() == 3) {
                // 一成二 is 12%, 两成半 25%.
                value = value.add(tenths.charAt(2) == '半' ? BigDecimal.valueOf(5)
                        : ChineseNumerals.parse(tenths.substring(2)).orElseThrow());
            }
            return Optional.of(new Amount(value, Unit.PERCENT, qualifier(m), true));
        }
        if (m.group("pct") != null) {
            Optional<BigDecimal> spoken = ChineseNumerals.parse(m.group("pct").substring(3).replace('點', '点'));
            return spoken.map(v -> new Amount(v, Unit.PERCENT, qualifier(m), true));
        }
        String number = m.group("digits") != null
                ? m.group("digits") + m.group("magnitude").replace("个", "").replace("個", "")
                : m.group("chinese");
        Optional<BigDecimal> value = ChineseNumerals.parse(number);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String lower = m.group("lower");
        if (lower != null && !lower.isEmpty()) {
            // "3千5百万" is read as 三千五百万: digits before 千 and 百 count them, as numerals do.
            String written = lower.indexOf('千') >= 0 || lower.indexOf('百') >= 0 ? digitsAsNumerals(lower)
                    : lower.replace(",", "");
            Optional<BigDecimal> rest = ChineseNumerals.parse(written);
            String magnitude = m.group("magnitude");
            if (rest.isPresent() && lower.length() == 1 && magnitude != null
                    && (magnitude.endsWith("万") || magnitude.endsWith("萬"))) {
                // "5万4": the digit after 万 says thousands.
                rest = Optional.of(rest.get().multiply(BigDecimal.valueOf(1000)));
            }
            if (rest.isEmpty() || rest.get().compareTo(value.get()) >= 0) {
                // "1亿2亿": a second magnitude no smaller than the first is no lower part.
                return Optional.empty();
            }
            value = Optional.of(value.get().add(rest.get()));
        }
        String unitWord = m.group("unit");
        boolean hasMagnitude = (m.group("magnitude") != null && !m.group("magnitude").isEmpty())
                || (m.group("chinese") != null && m.group("chinese").chars().anyMatch(c -> "万亿兆萬億".indexOf(c) >= 0));
        Unit unit = unitWord == null ? null : UNITS.get(unitWord);
        if (m.group("currency") != null) {
            Unit prefix = CURRENCY_PREFIXES.get(m.group("currency"));
            if (unit == null || unit == Unit.CNY) {
                unit = prefix;
            }
        }
        boolean stated = unit != null;
        if (unit == null && !hasMagnitude) {
            return Optional.empty();
        }
        if (unit == null) {
            unit = Unit.CNY;
        }
        return Optional.of(new Amount(value.get(), unit, qualifier(m), stated));
    }

    private static String digitsAsNumerals(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '1' && c <= '9' ? "一二三四五六七八九".charAt(c - '1') : c);
        }
        return sb.toString();
    }

    private static Qualifier qualifier(Matcher m) {
        Qualifier q = null;
        if (m.group("before") != null) {
            q = BEFORE.get(m.group("before"));
        }
        if (m.group("fuzzy1") != null) {
            q = FUZZY.get(m.group("fuzzy1"));
        }
        if (m.group("fuzzy2") != null) {
            q = FUZZY.get(m.group("fuzzy2"));
        }
        if (m.group("after") != null) {
            q = AFTER.get(m.group("after"));
        }
        return q;
    }
}
