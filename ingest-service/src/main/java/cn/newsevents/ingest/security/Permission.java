package cn.newsevents.ingest.security;

import java.util.Locale;

/** What an API key may do. */
public enum Permission {
    READ, WRITE;

    /** Parses {@code read} or {@code write} (any case). */
    public static Permission parse(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown API key permission '" + code
                    + "': use read or write (joined with + for both).", e);
        }
    }
}
