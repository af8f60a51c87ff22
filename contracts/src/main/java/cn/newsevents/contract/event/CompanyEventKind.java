package cn.newsevents.contract.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a company event reports: a figure ({@code metric}) or attendance at a seminar ({@code attendance}). */
public enum CompanyEventKind {
    METRIC("metric"), ATTENDANCE("attendance");

    private final String code;

    CompanyEventKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
