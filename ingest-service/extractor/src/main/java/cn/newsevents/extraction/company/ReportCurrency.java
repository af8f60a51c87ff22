package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Unit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The currency a report means by a bare 元: New Taiwan dollars in a report that prices in 新台币 and never in another
 * named currency, or in one written in traditional characters under a Taiwan dateline ("台北报导") or naming a body
 * only Taiwan has (行政院, 经济部); Hong Kong dollars in one written in traditional characters about the Hong Kong
 * market (本港, 港股, dividends in 仙); the currency the report declares for them (（港元，下同）); else yuan.
 */
final class ReportCurrency {
    /** A Taiwan dateline ("记者某某/台北报导", "（中央社台北3日电）"). */
    private static final Pattern TAIWAN_DATELINE = Pattern.compile(
            "(?:台北|台中|台南|高雄|新北|桃园|新竹|基隆|嘉义|彰化|屏东|宜兰|花莲|台东)(?:[0-9一二三四五六七八九十]{1,3}日)?(?:报导|电|讯)");
    private static final int DATELINE_REACH = 200;
    /** A currency declared for the rest of the report: （港元，下同）, （单位：美元，下同）, 9.74亿澳门元（下同）. */
    private static final Pattern DECLARED = Pattern.compile(
            "[（(](?:单位[:：])?(人民币|港元|港币|美元|新台币|台币|澳门元|澳门币|葡币)[，,、]?(?:下同|以下同)[)）]"
                    + "|(人民币|港元|港币|美元|新台币|台币|澳门元|澳门币|葡币)[（(](?:下同|以下同)[)）]");
    /** Institutions only Taiwan has, named in a report about a company there (经济部 is 商务部 on the mainland). */
    private static final Pattern TAIWAN_BODIES = Pattern.compile("行政院|立法院|经济部|金管会|台湾证券交易所|柜买中心");

    /** Words of the Hong Kong market: its exchange and index, dividends and earnings per share in cents (仙). */
    private static final Pattern HONG_KONG_MARKET = Pattern.compile(
            "本港|港股|恒指|恒生指数|港交所|联交所|[0-9.]+仙|末期息|中期息");

    private ReportCurrency() {
    }

    /**
     * @param original   the body as written
     * @param simplified the body in simplified characters, same length
     */
    static Unit of(String original, String simplified) {
        // Both shapes of a declared currency end in 下同: most reports have none and skip the search.
        Matcher declared = DECLARED.matcher(simplified);
        if (simplified.contains("下同") && declared.find()) {
            // "48.36亿元（港元，下同）": the report says which currency its bare 元 are.
            return switch (declared.group(1) != null ? declared.group(1) : declared.group(2)) {
                case "港元", "港币" -> Unit.HKD;
                case "美元" -> Unit.USD;
                case "新台币", "台币" -> Unit.TWD;
                case "澳门元", "澳门币", "葡币" -> Unit.MOP;
                default -> Unit.CNY;
            };
        }
        if (simplified.contains("人民币") || simplified.contains("港元") || simplified.contains("港币")
                || simplified.contains("澳门元")) {
            return Unit.CNY;
        }
        if (simplified.contains("新台币") || simplified.contains("台币")) {
            return Unit.TWD;
        }
        boolean traditional = !original.equals(simplified);
        if (traditional && (TAIWAN_DATELINE.matcher(simplified)
                .region(0, Math.min(simplified.length(), DATELINE_REACH)).find()
                || TAIWAN_BODIES.matcher(simplified).find())) {
            return Unit.TWD;
        }
        // "股东应佔溢利…每股盈利61.3仙，派末期息18仙": a Hong Kong market report prices in Hong Kong dollars.
        return traditional && HONG_KONG_MARKET.matcher(simplified).find() ? Unit.HKD : Unit.CNY;
    }

    /** The currency of an amount: a bare 元 is the report's currency unless 人民币 is written with it. */
    static Unit unitOf(cn.newsevents.extraction.normalize.Amount amount, String written, Unit reportCurrency) {
        Unit unit = amount.unit();
        return unit == Unit.CNY && reportCurrency != Unit.CNY && !written.contains("人民币") ? reportCurrency : unit;
    }
}
