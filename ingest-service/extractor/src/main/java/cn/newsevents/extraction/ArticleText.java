package cn.newsevents.extraction;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.Ids;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text article layout: first non-empty line the headline, next non-empty line
 * {@code SOURCE YYYY-MM-DD[ HH:MM:SS]}, the rest the body. Dates without a zone are Asia/Shanghai.
 */
public final class ArticleText {
    /** The zone of publication times that carry none. */
    public static final ZoneId DEFAULT_ZONE = Article.DEFAULT_ZONE;
    /** Source, then year, month, day and optionally hour, minute and second, each a group of its own. */
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^(.*?)\\s*(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*$");

    /**
     * {@code YYYY-MM-DD}, optionally followed by {@code T} or a space, {@code H:MM[:SS[.fraction]]} and an offset
     * ({@code Z}, {@code +08:00} or {@code +0800}). One formatter parses every accepted form in one pass.
     */
    private static final DateTimeFormatter PUBLISHED_AT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private ArticleText() {
    }

    /** Thrown when text does not follow the layout; {@link #field()} names the part that is wrong. */
    public static final class LayoutException extends IllegalArgumentException {
        private final String field;

        public LayoutException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Parses {@code raw} into an article whose id derives from {@code url} (may be null) or the content. */
    public static Article parse(String raw, String url) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        int pos = 0;
        int[] headline = nextLine(text, pos);
        if (headline == null) {
            throw new LayoutException("title", "The text is empty: its first line must be the headline.");
        }
        String title = text.substring(headline[0], headline[1]).strip();
        int[] sourceLine = nextLine(text, headline[2]);
        if (sourceLine == null) {
            throw new LayoutException("publishedAt",
                    "The second non-empty line must be 'SOURCE YYYY-MM-DD[ HH:MM:SS]'; the text ends after the headline.");
        }
        Matcher m = SOURCE_LINE.matcher(text.substring(sourceLine[0], sourceLine[1]).strip());
        if (!m.matches()) {
            throw new LayoutException("publishedAt",
                    "The second non-empty line must be 'SOURCE YYYY-MM-DD[ HH:MM:SS]'.");
        }
        OffsetDateTime publishedAt = sourceLineTime(m);
        String source = m.group(1).strip();
        int bodyOffset = sourceLine[2];
        // The body is copied out only when the id derives from the content.
        String id = url != null && !url.isBlank() ? Ids.articleId(url, title, null, null)
                : Ids.articleId(null, title, publishedAt.toString(), text.substring(bodyOffset));
        return new Article(id, url, title, source.isEmpty() ? null : source, publishedAt, null, text, bodyOffset);
    }

    /**
     * The time of a matched source line. The pattern has already checked the digits, so the fields are read
     * from its groups directly; {@code LocalDate.of} and {@code LocalTime.of} refuse impossible values.
     */
    private static OffsetDateTime sourceLineTime(Matcher m) {
        try {
            LocalDate date = LocalDate.of(number(m, 2), number(m, 3), number(m, 4));
            if (m.group(5) == null) {
                return date.atStartOfDay(DEFAULT_ZONE).toOffsetDateTime();
            }
            LocalTime time = LocalTime.of(number(m, 5), number(m, 6), m.group(7) == null ? 0 : number(m, 7));
            return LocalDateTime.of(date, time).atZone(DEFAULT_ZONE).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new LayoutException("publishedAt", "The date on the source line is not a real date or time: "
                    + e.getMessage());
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Parses an ISO date, local date-time or offset date-time; no zone means Asia/Shanghai. */
    public static OffsetDateTime parsePublishedAt(String value) {
        String v = value.strip();
        TemporalAccessor t;
        try {
            t = PUBLISHED_AT.parse(v);
        } catch (DateTimeParseException e) {
            throw new LayoutException("publishedAt", "publishedAt '" + value
                    + "' is not a real ISO date or date-time (e.g. 2024-05-07 or 2024-05-07T16:43:38+08:00).");
        }
        // Which parts the text had decides the type; asking first avoids parseBest's exception per missing part.
        LocalDate date = LocalDate.from(t);
        if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return date.atStartOfDay(DEFAULT_ZONE).toOffsetDateTime();
        }
        LocalDateTime local = LocalDateTime.of(date, LocalTime.from(t));
        return t.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                : local.atZone(DEFAULT_ZONE).toOffsetDateTime();
    }

    /** Returns {start, end, next} of the next non-blank line at or after pos, or null. */
    private static int[] nextLine(String text, int pos) {
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int next = nl < 0 ? text.length() : nl + 1;
            if (!text.substring(pos, end).isBlank()) {
                int e = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
                return new int[]{pos, e, next};
            }
            pos = next;
        }
        return null;
    }
}
