package cn.newsevents.query.web;

import cn.newsevents.extraction.model.CompanyEvent;
import cn.newsevents.extraction.model.Metric;
import cn.newsevents.extraction.model.Person;
import cn.newsevents.extraction.model.Qualifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** How the page words values for readers: Chinese labels and amounts in 万/亿 as newspapers write them. */
final class Formats {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final Map<String, String> CURRENCIES = Map.of("CNY", "元", "USD", "美元", "HKD", "港元",
            "TWD", "新台币元", "EUR", "欧元", "JPY", "日元", "GBP", "英镑", "MOP", "澳门元", "AUD", "澳元");
    private static final Map<Metric, String> METRICS = Map.ofEntries(
            Map.entry(Metric.REVENUE, "营业收入"), Map.entry(Metric.TAX, "纳税"), Map.entry(Metric.NET_PROFIT, "净利润"),
            Map.entry(Metric.PROFIT, "利润"), Map.entry(Metric.RD_INVESTMENT, "研发投入"),
            Map.entry(Metric.OUTPUT_VALUE, "产值"), Map.entry(Metric.MARKET_SHARE, "市场份额"),
            Map.entry(Metric.EXPORT_SHARE, "出口占比"), Map.entry(Metric.CUSTOMERS, "客户"),
            Map.entry(Metric.OUTLETS, "网点"), Map.entry(Metric.EMPLOYEES, "员工"), Map.entry(Metric.INVESTMENT, "投资"));
    private static final Map<Qualifier, String> QUALIFIERS = Map.of(Qualifier.APPROX, "约", Qualifier.OVER, "超过",
            Qualifier.UNDER, "近", Qualifier.FORECAST, "预计", Qualifier.TARGET, "目标");

    private Formats() {
    }

    static String timeOfDay(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "morning" -> "上午";
            case "afternoon" -> "下午";
            case "evening" -> "晚上";
            default -> code;
        };
    }

    static String metric(Metric metric) {
        return metric == null ? null : METRICS.getOrDefault(metric, metric.code());
    }

    static String qualifier(Qualifier qualifier) {
        return qualifier == null ? null : QUALIFIERS.getOrDefault(qualifier, qualifier.code());
    }

    /** 2024-Q1 as 2024年第一季度, 2024-H1 as 2024年上半年, 2024-03 as 2024年3月, A/B as A至B. */
    static String period(String period) {
        if (period == null) {
            return null;
        }
        int slash = period.indexOf('/');
        if (slash > 0) {
            return period(period.substring(0, slash)) + "至" + period(period.substring(slash + 1));
        }
        if (period.length() == 4) {
            return period + "年";
        }
        if (period.length() != 7 || period.charAt(4) != '-') {
            // Not one of the extractor's forms: shown as stored rather than guessed at.
            return period;
        }
        String year = period.substring(0, 4) + "年";
        String rest = period.substring(5);
        return switch (rest) {
            case "Q1" -> year + "第一季度";
            case "Q2" -> year + "第二季度";
            case "Q3" -> year + "第三季度";
            case "Q4" -> year + "第四季度";
            case "H1" -> year + "上半年";
            case "H2" -> year + "下半年";
            default -> rest.chars().allMatch(Character::isDigit) ? year + Integer.parseInt(rest) + "月" : period;
        };
    }

    /** A value in base units with its unit for people: 874000000 CNY as 8.74亿元, 47.5 percent as 47.5%. */
    static String value(BigDecimal value, String unit) {
        if (value == null) {
            return null;
        }
        if (unit == null) {
            return plain(value);
        }
        return switch (unit) {
            case "percent" -> plain(value) + "%";
            case "percentage_point" -> plain(value) + "个百分点";
            case "count" -> large(value, "");
            default -> large(value, CURRENCIES.getOrDefault(unit, " " + unit));
        };
    }

    /** Growth in percent points with its sign: 同比增长12.3% or 同比下降4%. */
    static String growth(BigDecimal yoy) {
        if (yoy == null) {
            return null;
        }
        return (yoy.signum() < 0 ? "同比下降" : "同比增长") + plain(yoy.abs()) + "%";
    }

    static String person(Person p) {
        if (p == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(p.name());
        if (p.organization() != null || p.title() != null) {
            sb.append("（");
            if (p.organization() != null) {
                sb.append(p.organization());
            }
            if (p.title() != null) {
                sb.append(p.organization() != null ? " " : "").append(p.title());
            }
            sb.append("）");
        }
        return sb.toString();
    }

    static String sequence(Integer sequence) {
        return sequence == null ? null : "第" + sequence + "场";
    }

    /** What a company event says, in one line (the value with its qualifier, or the attendance). */
    static String summary(CompanyEvent e) {
        if (e.metric() == null) {
            return e.person() == null ? "出席座谈会" : e.person() + " 出席座谈会";
        }
        StringBuilder sb = new StringBuilder(metric(e.metric()));
        if (e.period() != null) {
            sb.insert(0, period(e.period()) + " ");
        }
        String q = qualifier(e.qualifier());
        sb.append(' ').append(q == null ? "" : q).append(value(e.value(), e.unit()) == null ? "" : value(e.value(), e.unit()));
        return sb.toString();
    }

    private static String large(BigDecimal value, String unit) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(YI) >= 0) {
            return plain(value.divide(YI, 2, RoundingMode.HALF_UP)) + "亿" + unit;
        }
        if (abs.compareTo(WAN) >= 0) {
            return plain(value.divide(WAN, 2, RoundingMode.HALF_UP)) + "万" + unit;
        }
        return plain(value) + unit;
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
