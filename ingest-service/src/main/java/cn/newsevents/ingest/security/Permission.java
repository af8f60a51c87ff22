package cn.newsevents.ingest.security;

import java.util.Locale;

/** What an API key may do: read, submit articles ({@code write}) or run maintenance under {@code /admin}. */
public enum Permission {
    READ, WRITE, ADMIN;

    /** Parses {@code read}, {@code write} or {@code admin} (any case). */
    public static Permission parse(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown API key permission '" + code
                    + "': use read, write or admin (joined with + for several).", e);
        }
    }
}
