package cn.newsevents.extraction.date;

import cn.newsevents.extraction.text.Lexicon;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the days a Chinese text names and resolves them against the publication date:
 * 2024年5月6日, 5月6日下午, 五月六日, 去年11月3日, 17日 (publication month, or the month before when that would be in
 * the future), 上月28日 / 本月3日, 昨天(11月25日), 今日(六月二十日) and 今天 (relative days), 星期五 / 周五 / 上周五 (the
 * latest such day not after publication). A day-only date right after a full one takes its month (4月9日、18日、26日). Runs in time linear
 * in the length of the range; never returns an impossible date.
 */
public final class ChineseDates {
    private static final String WEEKDAYS = "一二三四五六日天";
    /** A month-day without a year more than this many days after publication is read as last year's. */
    private static final int FUTURE_TOLERANCE_DAYS = 60;
    /** How far into the body a wire dateline is looked for. */
    private static final int DATELINE_WINDOW = 60;
    /** A dateline more days before publication than this is a reprint's, not the story's day. */
    private static final int DATELINE_MAX_LAG_DAYS = 3;

    private ChineseDates() {
    }

    /**
     * The day a wire dateline gives (新华社北京6月20日电, 中央社记者某某台北20日电, 本报烟台9月12日讯) near the start of the body, when it
     * is at most a few days before publication; relative words (今天, 昨天) in the story count from it. Otherwise
     * {@code published}.
     */
    public static LocalDate dateline(String s, int from, int to, LocalDate published) {
        int limit = Math.min(to, from + DATELINE_WINDOW);
        for (int i = from; i + 1 < limit; i++) {
            if (s.charAt(i) != '日' || s.charAt(i + 1) != '电' && s.charAt(i + 1) != '讯') {
                continue;
            }
            DateMention day = null;
            for (DateMention d : find(s, Math.max(from, i - 8), i + 1, published)) {
                if (d.end() == i + 1) {
                    day = d;
                }
            }
            if (day != null && !day.date().isAfter(published)
                    && ChronoUnit.DAYS.between(day.date(), published) <= DATELINE_MAX_LAG_DAYS) {
                return day.date();
            }
            return published;
        }
        return published;
    }

    /** All day-precision dates in {@code s[from, to)}, in text order. */
    public static List<DateMention> find(String s, int from, int to, LocalDate published) {
        List<DateMention> out = new ArrayList<>();
        int carryYear = -1;
        int carryMonth = -1;
        int lastEnd = -1;
        int i = from;
        while (i < to) {
            DateMention m = null;
            char c = s.charAt(i);
            if (ChineseNumbers.isDigitLike(c) || c == '十' || c == '廿' || c == '卅' || c == '今' || c == '去' || c == '前' || c == '明') {
                if (i > from && (ChineseNumbers.isDigitLike(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
                    i++;
                    continue;
                }
                m = monthDay(s, i, to, published);
                if (m == null && (ChineseNumbers.digit(c) >= 0 || writtenDayAfterPreposition(s, i, from))) {
                    boolean listed = lastEnd >= 0 && i - lastEnd <= 2 && carryMonth > 0;
                    m = dayOnly(s, i, to, published, listed ? carryYear : -1, listed ? carryMonth : -1);
                }
            }
            if (m == null) {
                m = relative(s, i, to, published);
            }
            if (m == null) {
                m = weekday(s, i, to, published);
            }
            if (m == null) {
                i++;
                continue;
            }
            m = withTimeOfDay(s, m, to);
            out.add(m);
            carryYear = m.date().getYear();
            carryMonth = m.date().getMonthValue();
            lastEnd = m.end();
            i = m.end();
        }
        return out;
    }

    private static DateMention monthDay(String s, int i, int to, LocalDate pub) {
        int pos = i;
        int year = -1;
        char c = s.charAt(pos);
        if (pos + 1 < to && s.charAt(pos + 1) == '年' && "今去前明".indexOf(c) >= 0) {
            year = pub.getYear() + switch (c) {
                case '去' -> -1;
                case '前' -> -2;
                case '明' -> 1;
                default -> 0;
            };
            pos += 2;
        } else {
            ChineseNumbers.Parsed y = ChineseNumbers.parse(s, pos, to, 4);
            if (y != null && y.end() - pos == 4 && y.end() < to && s.charAt(y.end()) == '年') {
                year = y.value();
                pos = y.end() + 1;
            }
        }
        ChineseNumbers.Parsed month = ChineseNumbers.parse(s, pos, to, 3);
        if (month == null || month.end() >= to || s.charAt(month.end()) != '月') {
            return null;
        }
        ChineseNumbers.Parsed day = ChineseNumbers.parse(s, month.end() + 1, to, 3);
        if (day == null || day.end() >= to || (s.charAt(day.end()) != '日' && s.charAt(day.end()) != '号')) {
            return null;
        }
        LocalDate date = safeDate(year < 0 ? pub.getYear() : year, month.value(), day.value());
        if (date == null) {
            return null;
        }
        if (year < 0 && ChronoUnit.DAYS.between(pub, date) > FUTURE_TOLERANCE_DAYS) {
            date = safeDate(pub.getYear() - 1, month.value(), day.value());
            if (date == null) {
                return null;
            }
        }
        return new DateMention(i, day.end() + 1, date, null, year >= 0);
    }

    private static DateMention dayOnly(String s, int i, int to, LocalDate pub, int carryYear, int carryMonth) {
        int start = i;
        if (i > 0 && s.charAt(i - 1) == '月') {
            // 上月28日 / 本月3日: the month is named relative to publication; any other 月 before a day is not ours.
            int shift = i >= 2 ? "上本".indexOf(s.charAt(i - 2)) : -1;
            if (shift < 0) {
                return null;
            }
            LocalDate month = pub.minusMonths(shift == 0 ? 1 : 0);
            carryYear = month.getYear();
            carryMonth = month.getMonthValue();
            start = i - 2;
        }
        ChineseNumbers.Parsed day = ChineseNumbers.parse(s, i, to, ChineseNumbers.digit(s.charAt(i)) >= 0 ? 2 : 3);
        if (day == null || day.end() >= to || (s.charAt(day.end()) != '日' && s.charAt(day.end()) != '号')) {
            return null;
        }
        if (day.end() + 1 < to && isDateWordAfterDay(s.charAt(day.end() + 1))) {
            return null;
        }
        LocalDate date = resolveDay(day.value(), pub, carryYear, carryMonth);
        return date == null ? null : new DateMention(start, day.end() + 1, date, null, false);
    }

    /**
     * 于十五日下午, 於二十日: a day written in Chinese numerals stands for a date only after a preposition of time
     * (elsewhere 十日 is a span of ten days).
     */
    private static boolean writtenDayAfterPreposition(String s, int i, int from) {
        boolean thisMonth = i - 2 >= from && s.charAt(i - 1) == '月' && "本上".indexOf(s.charAt(i - 2)) >= 0;
        if (i <= from || "于於在".indexOf(s.charAt(i - 1)) < 0 && !thisMonth) {
            return false;
        }
        char c = s.charAt(i);
        return c == '十' || c == '廿' || c == '卅' || "一二三四五六七八九".indexOf(c) >= 0;
    }

    /** A day of the month: in the carried month, else the publication month, else the month before. */
    private static LocalDate resolveDay(int day, LocalDate pub, int carryYear, int carryMonth) {
        if (carryMonth > 0) {
            return safeDate(carryYear, carryMonth, day);
        }
        LocalDate date = safeDate(pub.getYear(), pub.getMonthValue(), day);
        if (date == null || date.isAfter(pub)) {
            LocalDate prev = pub.minusMonths(1);
            date = safeDate(prev.getYear(), prev.getMonthValue(), day);
        }
        return date;
    }

    /** 日 followed by these is a word (日元, 日本, 日报...), not a day. */
    private static boolean isDateWordAfterDay(char c) {
        return "元本报均产常益内后前".indexOf(c) >= 0;
    }

    private static DateMention relative(String s, int i, int to, LocalDate pub) {
        DateMention press = pressStyle(s, i, to, pub);
        if (press != null) {
            return press;
        }
        int len = Lexicon.RELATIVE_DAYS.longestAt(s, i, to);
        if (len == 0) {
            return null;
        }
        String word = s.substring(i, i + len);
        int offset = Integer.parseInt(Lexicon.RELATIVE_DAYS.value(word, 2));
        String tod = word.endsWith("晚") ? "evening" : null;
        return explained(s, new DateMention(i, i + len, pub.plusDays(offset), tod, false), to, pub);
    }

    /** Taiwan press style 今(5)日 / 昨（4）日: the day in brackets, in the publication month or the one before. */
    private static DateMention pressStyle(String s, int i, int to, LocalDate pub) {
        char c = s.charAt(i);
        if ("今昨前".indexOf(c) < 0 || i + 1 >= to || (s.charAt(i + 1) != '(' && s.charAt(i + 1) != '（')) {
            return null;
        }
        ChineseNumbers.Parsed day = ChineseNumbers.parse(s, i + 2, to, 3);
        if (day == null || day.end() + 1 >= to) {
            return null;
        }
        int end;
        if ((s.charAt(day.end()) == ')' || s.charAt(day.end()) == '）') && s.charAt(day.end() + 1) == '日') {
            end = day.end() + 2;
        } else if (s.charAt(day.end()) == '日' && (s.charAt(day.end() + 1) == ')' || s.charAt(day.end() + 1) == '）')) {
            // 昨（十日）: the day and its 日 both in the brackets.
            end = day.end() + 2;
        } else {
            return null;
        }
        LocalDate date = resolveDay(day.value(), pub, -1, -1);
        return date == null ? null : new DateMention(i, end, date, null, false);
    }

    private static DateMention weekday(String s, int i, int to, LocalDate pub) {
        int pos = i;
        int weekShift = 0;
        char c = s.charAt(pos);
        if ((c == '上' || c == '本' || c == '这') && pos + 1 < to && s.charAt(pos + 1) == '周') {
            weekShift = c == '上' ? -1 : 0;
            pos += 1;
        } else if (c == '上' || c == '本' || c == '这') {
            return null;
        }
        int dayPos;
        if (s.startsWith("星期", pos) || s.startsWith("礼拜", pos)) {
            dayPos = pos + 2;
        } else if (s.charAt(pos) == '周') {
            dayPos = pos + 1;
        } else {
            return null;
        }
        if (dayPos >= to) {
            return null;
        }
        int w = WEEKDAYS.indexOf(s.charAt(dayPos));
        if (w < 0) {
            return null;
        }
        if (pos == i && s.charAt(pos) == '周' && i > 0 && "每一两几本上下".indexOf(s.charAt(i - 1)) >= 0) {
            return null;
        }
        // “周三有约”: a weekday opening a quoted name names the series, not a day.
        if (i > 0 && "“「『\"".indexOf(s.charAt(i - 1)) >= 0) {
            return null;
        }
        DayOfWeek dow = DayOfWeek.of(Math.min(w + 1, 7));
        LocalDate date;
        if (weekShift < 0) {
            LocalDate monday = pub.minusDays(pub.getDayOfWeek().getValue() - 1L).minusWeeks(1);
            date = monday.plusDays(dow.getValue() - 1L);
        } else {
            date = pub.minusDays((pub.getDayOfWeek().getValue() - dow.getValue() + 7) % 7);
        }
        return explained(s, new DateMention(i, dayPos + 1, date, null, false), to, pub);
    }

    /** 今天(11月18日): the date in brackets, when there is one, is the one the text means. */
    private static DateMention explained(String s, DateMention m, int to, LocalDate pub) {
        int p = m.end();
        if (p < to && (s.charAt(p) == '(' || s.charAt(p) == '（')) {
            DateMention inner = monthDay(s, p + 1, to, pub);
            if (inner == null && p + 1 < to && (ChineseNumbers.isDigitLike(s.charAt(p + 1))
                    || "十廿卅".indexOf(s.charAt(p + 1)) >= 0)) {
                // 上周五（十五日）, 昨（十日）: a day in Chinese numerals too.
                inner = dayOnly(s, p + 1, to, pub, -1, -1);
            }
            if (inner != null && inner.end() < to && (s.charAt(inner.end()) == ')' || s.charAt(inner.end()) == '）')) {
                return new DateMention(m.start(), inner.end() + 1, inner.date(), m.timeOfDay(), inner.yearGiven());
            }
        }
        return m;
    }

    private static DateMention withTimeOfDay(String s, DateMention m, int to) {
        int len = Lexicon.TIME_OF_DAY.longestAt(s, m.end(), to);
        if (len == 0) {
            return m;
        }
        String code = Lexicon.TIME_OF_DAY.value(s.substring(m.end(), m.end() + len), 2);
        return new DateMention(m.start(), m.end() + len, m.date(), code, m.yearGiven());
    }

    private static LocalDate safeDate(int year, int month, int day) {
        if (year < 1900 || year > 2200) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
