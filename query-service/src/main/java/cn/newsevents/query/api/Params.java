package cn.newsevents.query.api;

import cn.newsevents.query.QueryConfig;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses raw query parameters. Every rejection is an {@link InvalidParameterException} naming the parameter and
 * saying what a valid value looks like, so a bad request is a 400 and never reaches SQL.
 */
public final class Params {
    /** Longest accepted free-text term; longer ones cannot be meaningful searches. */
    public static final int MAX_TEXT_LENGTH = 200;

    private Params() {
    }

    /** The page size: the default when absent, at most {@code maxPageSize}, an error when not a positive integer. */
    public static int limit(String raw, QueryConfig config) {
        if (raw == null || raw.isBlank()) {
            return Math.min(config.defaultPageSize(), config.maxPageSize());
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1) {
            throw new InvalidParameterException("limit", "The parameter 'limit' must be a whole number from 1 to "
                    + config.maxPageSize() + "; '" + shorten(raw) + "' is not.");
        }
        return Math.min(value, config.maxPageSize());
    }

    /** An ISO date (YYYY-MM-DD) or null when absent. */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "The parameter '" + field
                    + "' must be a real date written YYYY-MM-DD (e.g. 2024-05-06); '" + shorten(raw) + "' is not.");
        }
    }

    /** A stripped free-text value, null when absent or blank. */
    public static String text(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(field, "The parameter '" + field + "' must be at most "
                    + MAX_TEXT_LENGTH + " characters long; shorten it.");
        }
        return value;
    }

    /** The first characters of a rejected value, so an error message never echoes a huge input. */
    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
