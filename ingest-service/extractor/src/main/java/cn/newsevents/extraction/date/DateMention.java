package cn.newsevents.extraction.date;

import java.time.LocalDate;

/**
 * A day named in a text, resolved against the publication date. [start, end) covers the expression
 * (including an explanatory date in brackets, as in 昨天(11月25日), and a following time of day).
 * {@code timeOfDay} is morning, afternoon, evening or null; {@code yearGiven} tells whether the text names the year.
 */
public record DateMention(int start, int end, LocalDate date, String timeOfDay, boolean yearGiven) {
}
