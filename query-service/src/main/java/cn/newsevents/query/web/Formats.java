package cn.newsevents.query.web;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** How the page words values for readers: Chinese labels and amounts in 万/亿 as newspapers write them. */
final class Formats {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final Map<Unit, String> CURRENCIES = Map.ofEntries(Map.entry(Unit.CNY, "元"),
            Map.entry(Unit.USD, "美元"), Map.entry(Unit.HKD, "港元"), Map.entry(Unit.TWD, "新台币元"),
            Map.entry(Unit.EUR, "欧元"), Map.entry(Unit.JPY, "日元"), Map.entry(Unit.GBP, "英镑"),
            Map.entry(Unit.MOP, "澳门元"), Map.entry(Unit.AUD, "澳元"), Map.entry(Unit.SGD, "新加坡元"),
            Map.entry(Unit.MYR, "林吉特"), Map.entry(Unit.KRW, "韩元"), Map.entry(Unit.THB, "泰铢"),
            Map.entry(Unit.CAD, "加元"));
    private static final String[] NUMERALS = {"", "一", "二", "三", "四"};
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
    static String period(Period period) {
        if (period == null) {
            return null;
        }
        if (period instanceof Period.Range r) {
            return period(r.from()) + "至" + period(r.to());
        }
        if (period instanceof Period.Quarter q) {
            return q.year() + "年第" + NUMERALS[q.quarter()] + "季度";
        }
        if (period instanceof Period.Half h) {
            return h.year() + (h.half() == 1 ? "年上半年" : "年下半年");
        }
        if (period instanceof Period.Month m) {
            return m.year() + "年" + m.month() + "月";
        }
        return ((Period.Year) period).year() + "年";
    }

    /** A value in base units with its unit for people: 874000000 CNY as 8.74亿元, 47.5 percent as 47.5%. */
    static String value(BigDecimal value, Unit unit) {
        if (value == null) {
            return null;
        }
        if (unit == null) {
            return plain(value);
        }
        return switch (unit) {
            case PERCENT -> plain(value) + "%";
            case PERCENTAGE_POINT -> plain(value) + "个百分点";
            case COUNT -> large(value, "");
            default -> large(value, CURRENCIES.getOrDefault(unit, " " + unit.code()));
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
