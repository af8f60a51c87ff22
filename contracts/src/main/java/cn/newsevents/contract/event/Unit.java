package cn.newsevents.contract.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The unit of a normalised amount; {@link #code()} is the wire form ("CNY", "percent", "count"...). */
public enum Unit {
    CNY("CNY", true), TWD("TWD", true), HKD("HKD", true), USD("USD", true), EUR("EUR", true), JPY("JPY", true),
    GBP("GBP", true), MOP("MOP", true), AUD("AUD", true), SGD("SGD", true), MYR("MYR", true), KRW("KRW", true),
    THB("THB", true), CAD("CAD", true), PERCENT("percent", false),
    PERCENTAGE_POINT("percentage_point", false),
    COUNT("count", false);

    private final String code;
    private final boolean money;

    Unit(String code, boolean money) {
        this.code = code;
        this.money = money;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The unit whose wire form is {@code code}; throws {@link IllegalArgumentException} for an unknown one. */
    @JsonCreator
    public static Unit fromCode(String code) {
        for (Unit u : values()) {
            if (u.code.equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Unknown unit '" + code + "': one of " + java.util.Arrays.stream(values())
                .map(Unit::code).collect(java.util.stream.Collectors.joining(", ")) + ".");
    }

    /** True for currencies. */
    public boolean isMoney() {
        return money;
    }
}
