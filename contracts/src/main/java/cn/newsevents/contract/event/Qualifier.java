package cn.newsevents.contract.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** How exact a reported figure is: 约 (approx), 超/以上/余 (over), 近/不到 (under), 预计 (forecast), 目标 (target). */
public enum Qualifier {
    APPROX("approx"), OVER("over"), UNDER("under"), FORECAST("forecast"), TARGET("target");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
