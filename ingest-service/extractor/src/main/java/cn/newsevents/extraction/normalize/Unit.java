package cn.newsevents.extraction.normalize;

/** The unit of a normalised amount; {@link #code()} is the wire form ("CNY", "percent", "count"...). */
public enum Unit {
    CNY("CNY", true), TWD("TWD", true), HKD("HKD", true), USD("USD", true), EUR("EUR", true), JPY("JPY", true),
    GBP("GBP", true), MOP("MOP", true), AUD("AUD", true), PERCENT("percent", false), PERCENTAGE_POINT("percentage_point", false),
    COUNT("count", false);

    private final String code;
    private final boolean money;

    Unit(String code, boolean money) {
        this.code = code;
        this.money = money;
    }

    public String code() {
        return code;
    }

    /** True for currencies. */
    public boolean isMoney() {
        return money;
    }
}
