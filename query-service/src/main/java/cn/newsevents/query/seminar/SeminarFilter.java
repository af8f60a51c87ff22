package cn.newsevents.query.seminar;

import java.time.LocalDate;

/**
 * What a seminar search asks for; every field is optional (null). Text fields hold terms already folded to
 * simplified characters: {@code city} is matched exactly (with or without a trailing 市), {@code participant}
 * exactly on a participant's name, {@code organization} and {@code text} as substrings.
 */
public record SeminarFilter(String city, LocalDate from, LocalDate to, String participant, String organization,
                            String text) {
    /** No filter at all: the latest seminars. */
    public static final SeminarFilter NONE = new SeminarFilter(null, null, null, null, null, null);
}
