package cn.newsevents.contract.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a figure refers to. {@link #text()} (and {@link #toString()}) gives the wire form: "2023", "2024-Q1",
 * "2024-H1", "2024-03", or "A/B" for a range ("2021/2023", "2025-Q1/2025-Q3"); {@link #parse(String)} reads it
 * back. In JSON a period is that string.
 */
public sealed interface Period permits Period.Year, Period.Quarter, Period.Half, Period.Month, Period.Range {

    /** The wire form of one period, without ranges. */
    Pattern SINGLE = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]|\\d{2}))?");

    /**
     * Reads the wire form. Throws {@link IllegalArgumentException} with a sentence naming the accepted forms when
     * {@code text} is none of them (a month outside 01 to 12, a range of ranges...).
     */
    @JsonCreator
    static Period parse(String text) {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return new Range(single(text.substring(0, slash), text), single(text.substring(slash + 1), text));
        }
        return single(text, text);
    }

    private static Period single(String part, String text) {
        Matcher m = SINGLE.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("A period is written YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or two of these"
                    + " joined by '/', not '" + text + "'.");
        }
        int year = Integer.parseInt(m.group(1));
        String rest = m.group(2);
        if (rest == null) {
            return new Year(year);
        }
        int n = Integer.parseInt(rest.charAt(0) == 'Q' || rest.charAt(0) == 'H' ? rest.substring(1) : rest);
        return switch (rest.charAt(0)) {
            case 'Q' -> new Quarter(year, n);
            case 'H' -> new Half(year, n);
            default -> new Month(year, n);
        };
    }

    /** The wire form, as {@link #toString()} gives it. */
    @JsonValue
    default String text() {
        return toString();
    }

    /** The calendar year the period ends in. */
    int endYear();

    /** The same period one year earlier ("去年同期"). */
    Period yearEarlier();

    /** The shortest period for a run of months of one year: a quarter, a half, the year, or a range. */
    static Period months(int year, int fromMonth, int toMonth) {
        if (fromMonth == toMonth) {
            return new Month(year, fromMonth);
        }
        if (fromMonth == 1 && toMonth == 12) {
            return new Year(year);
        }
        if ((fromMonth - 1) % 3 == 0 && toMonth == fromMonth + 2) {
            return new Quarter(year, (fromMonth + 2) / 3);
        }
        if ((fromMonth == 1 && toMonth == 6) || (fromMonth == 7 && toMonth == 12)) {
            return new Half(year, fromMonth == 1 ? 1 : 2);
        }
        if ((fromMonth - 1) % 3 == 0 && toMonth % 3 == 0) {
            return new Range(new Quarter(year, (fromMonth + 2) / 3), new Quarter(year, toMonth / 3));
        }
        return new Range(new Month(year, fromMonth), new Month(year, toMonth));
    }

    /** A whole calendar year. */
    record Year(int year) implements Period {
        @Override
        public Period yearEarlier() {
            return new Year(year - 1);
        }

        @Override
        public int endYear() {
            return year;
        }

        @Override
        public String toString() {
            return String.valueOf(year);
        }
    }

    /** A quarter, 1 to 4. */
    record Quarter(int year, int quarter) implements Period {
        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("quarter must be 1 to 4, got " + quarter + ".");
            }
        }

        @Override
        public Period yearEarlier() {
            return new Quarter(year - 1, quarter);
        }

        @Override
        public int endYear() {
            return year;
        }

        @Override
        public String toString() {
            return year + "-Q" + quarter;
        }
    }

    /** A half year, 1 or 2. */
    record Half(int year, int half) implements Period {
        public Half {
            if (half < 1 || half > 2) {
                throw new IllegalArgumentException("half must be 1 or 2, got " + half + ".");
            }
        }

        @Override
        public Period yearEarlier() {
            return new Half(year - 1, half);
        }

        @Override
        public int endYear() {
            return year;
        }

        @Override
        public String toString() {
            return year + "-H" + half;
        }
    }

    /** A month (also "as of the end of" a month), 1 to 12. */
    record Month(int year, int month) implements Period {
        public Month {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("month must be 1 to 12, got " + month + ".");
            }
        }

        @Override
        public Period yearEarlier() {
            return new Month(year - 1, month);
        }

        @Override
        public int endYear() {
            return year;
        }

        @Override
        public String toString() {
            return String.format("%d-%02d", year, month);
        }
    }

    /** From one period to another, both included. */
    record Range(Period from, Period to) implements Period {
        public Range {
            if (from instanceof Range || to instanceof Range) {
                throw new IllegalArgumentException("A range is made of two single periods, not of ranges.");
            }
        }

        @Override
        public Period yearEarlier() {
            return new Range(from.yearEarlier(), to.yearEarlier());
        }

        @Override
        public int endYear() {
            return to.endYear();
        }

        @Override
        public String toString() {
            return from + "/" + to;
        }
    }
}
