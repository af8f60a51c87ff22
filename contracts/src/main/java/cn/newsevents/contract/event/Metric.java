package cn.newsevents.contract.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** The metric vocabulary of company events; {@link #code()} is the wire name. */
public enum Metric {
    REVENUE("revenue"), TAX("tax"), NET_PROFIT("net_profit"), PROFIT("profit"), RD_INVESTMENT("rd_investment"),
    OUTPUT_VALUE("output_value"), MARKET_SHARE("market_share"), EXPORT_SHARE("export_share"),
    CUSTOMERS("customers"), OUTLETS("outlets"), EMPLOYEES("employees"), INVESTMENT("investment");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Metric fromCode(String code) {
        for (Metric m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown metric '" + code + "'.");
    }
}
