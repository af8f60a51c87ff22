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
    /** Longest accepted id: event and article ids are far shorter. */
    public static final int MAX_ID_LENGTH = 200;
    /** Dates and times are accepted in the years 1 to 9999, which PostgreSQL and ISO 8601 both hold. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

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
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || !plausibleYear(date.getYear())) {
            throw new InvalidParameterException(field, "The parameter '" + field
                    + "' must be a real date written YYYY-MM-DD (e.g. 2024-05-06) in the years " + MIN_YEAR + " to "
                    + MAX_YEAR + "; '" + shorten(printable(raw)) + "' is not.");
        }
        return date;
    }

    /** Whether {@code year} lies in the range dates and times are accepted in. */
    public static boolean plausibleYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** A path id: at most {@link #MAX_ID_LENGTH} characters, no control characters (NUL above all). */
    public static String id(String field, String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_ID_LENGTH || hasControl(raw)) {
            throw new InvalidParameterException(field, "The " + field + " must be an id as listed by this service "
                    + "(at most " + MAX_ID_LENGTH + " characters, no control characters).");
        }
        return raw;
    }

    /** Whether {@code s} contains a control character (U+0000 to U+001F, U+007F to U+009F). */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
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
        if (hasControl(value)) {
            throw new InvalidParameterException(field, "The parameter '" + field
                    + "' must not contain control characters; remove them.");
        }
        return value;
    }

    /** {@code s} with control characters shown as U+FFFD, so an error message never carries a NUL. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> out.append(Character.isISOControl(c) ? '\uFFFD' : (char) c));
        return out.toString();
    }

    /** The first characters of a rejected value, so an error message never echoes a huge input. */
    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
