package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.date.ChineseDates;
import cn.newsevents.extraction.date.ChineseNumbers;
import cn.newsevents.extraction.date.DateMention;
import cn.newsevents.extraction.seminar.SeminarRules.Role;
import cn.newsevents.extraction.text.Span;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds which sentences name a meeting and on which days it took place. A meeting kind (座谈会, 研讨会…) names one;
 * so does 座谈 closing a clause after a held verb or 与/同 (举行年度侨商座谈), unless it is part of a visit. When the
 * body never names a kind, the first dated sentence saying a meeting was held stands for the headline's meeting. A
 * mention's dates are those of its own clause; several are sessions only when they form a list, and a range (7月9日至
 * 10日) is one meeting. Dates after publication or more than a year before it are not used. Offsets index the
 * simplified text. Immutable apart from the mention lists it is asked to complete.
 */
final class MeetingFinder {
    private static final int MAX_AGE_DAYS = 366;
    private static final String CLAUSE_BREAKS = MeetingText.CLAUSE_BREAKS;
    private static final Pattern LIST_JOINERS = Pattern.compile("[、，,和及与]|以及");
    /** 7月9日至10日: two dates joined so are the first and last day of one meeting. */
    private static final Pattern RANGE_JOINERS = Pattern.compile("[至到~～—–-]|—{2}");

    private final MeetingText text;
    private final SeminarRules rules;
    private final String s;
    private final SeriesReading seriesReading;
    private final int body;
    private final LocalDate published;

    /**
     * @param body      where the body starts; the text before it is the headline
     * @param published the day the article reports from; relative dates resolve against it
     */
    MeetingFinder(MeetingText text, SeriesReading seriesReading, int body, LocalDate published) {
        this.text = text;
        this.rules = text.rules;
        this.s = text.s;
        this.seriesReading = seriesReading;
        this.body = body;
        this.published = published;
    }

    /**
     * The dates of the meeting named at {@code [k0, k1)}: those between {@code windowStart} and the kind, else those
     * after it in its clause, else one opening the next clause; only usable ones, and several only when they list
     * sessions.
     */
    List<DateMention> datesOf(Span sentence, int k0, int k1, int windowStart, int clauseStart, int clauseEnd,
                              List<DateMention> dates, boolean session) {
        List<DateMention> own = new ArrayList<>();
        if (session) {
            // 首场18日在台中举行，第二场今天移师高雄: a session's date follows it in its clause, else precedes it there.
            for (DateMention d : dates) {
                if (d.start() >= k1 && d.end() <= clauseEnd || own.isEmpty() && d.start() >= clauseStart && d.end() <= k0) {
                    own.add(d);
                }
            }
            own.removeIf(d -> !usable(d.date()));
            int together = earlierSessions(k0, k1);
            if (together > 1 && own.size() == together) {
                // 首两场已分别于一月四日及五日举行: one date for each of the sessions named together.
                return own;
            }
            return own.isEmpty() ? own : List.of(own.get(0));
        }
        for (DateMention d : dates) {
            if (d.start() >= windowStart && d.end() <= k0 && !isDateline(d)) {
                own.add(d);
            }
        }
        if (own.isEmpty()) {
            for (DateMention d : dates) {
                if (d.start() >= k1 && d.end() <= clauseEnd) {
                    own.add(d);
                }
            }
        }
        if (own.isEmpty() && !text.has(Role.HELD, clauseStart, k0)) {
            own.addAll(datesOpeningNextClause(clauseEnd, sentence.end(), dates));
        }
        own.removeIf(d -> !usable(d.date()) || isDateline(d));
        return listedOrClosest(own);
    }

    /** 北京3月5日电: a date before 电 is the dispatch's dateline, not the meeting's. */
    private boolean isDateline(DateMention d) {
        return d.end() < s.length() && s.charAt(d.end()) == '电';
    }

    /**
     * The meeting kinds {@code sentence} names, each as {@code [start, end)} in the simplified text. After a series
     * has been named (连开三场座谈会), a sentence that names no kind but a session (第二场1月9日在某地举行) names that
     * session: {@code [start, end, SESSION]} over 第二场.
     *
     * @param seriesNamed whether the headline or an earlier sentence named a meeting kind
     */
    List<int[]> meetingMentions(Span sentence, boolean seriesNamed) {
        List<int[]> kinds = kindMentions(sentence);
        if (!seriesNamed && kinds.isEmpty()) {
            return kinds;
        }
        // 「某某座谈会」系列，首场18日在台中举行，第二场今天移师高雄: each session named after the series is a mention.
        List<int[]> out = new ArrayList<>(kinds);
        int next = 0;
        for (int i = sentence.start(); i < sentence.end() && out.size() < MAX_SESSIONS; i++) {
            int end = sessionEnd(i, sentence.end());
            if (end < 0) {
                continue;
            }
            // 第二场“专精特新”企业座谈会: the ordinal of a kind later in its clause.
            boolean ofAKind = false;
            for (int[] k : kinds) {
                ofAKind |= k[0] >= end && text.clauseEnd(end, sentence.end()) >= k[1];
            }
            while (next < kinds.size() && kinds.get(next)[1] + 2 < i) {
                next++;
            }
            // 座谈会首场…: the kind's own ordinal; "…座谈会」，首场4月10日在台中登场": a session in a clause of its own.
            boolean afterAKind = next < kinds.size() && kinds.get(next)[1] <= i && i <= kinds.get(next)[1] + 2
                    && text.clauseEnd(kinds.get(next)[1], i) >= i;
            if (!ofAKind && !afterAKind) {
                out.add(new int[]{i, end, SESSION});
            }
            i = end - 1;
        }
        out.sort(java.util.Comparator.comparingInt(m -> m[0]));
        return out;
    }

    /** The end of 第二场 / 首场 / 第3期 at {@code i}, or -1. */
    private int sessionEnd(int i, int to) {
        char c = s.charAt(i);
        if (SESSION_FIRSTS.indexOf(c) < 0) {
            return -1;
        }
        if (c == '首' && i + 1 < to && "场期".indexOf(s.charAt(i + 1)) >= 0) {
            return i + 2;
        }
        if (earlierSessions(i, to) > 0) {
            // 首两场已分别于一月四日及五日举行: the first sessions of the series, each with its date.
            return i + 3;
        }
        for (String part : PARTS_OF_DAY) {
            // 座谈会分为两个时段，上午场已于昨天在台中举行: a session named by its time of day.
            if (s.startsWith(part, i) && i + part.length() <= to) {
                return i + part.length();
            }
        }
        if (c != '第') {
            return -1;
        }
        var n = ChineseNumbers.parse(s, i + 1, to, 3);
        return n != null && n.value() > 0 && n.end() < to && "场期".indexOf(s.charAt(n.end())) >= 0 ? n.end() + 1 : -1;
    }

    /** How many sessions "首两场", "前三场" (at {@code i}) name together, or 0. */
    int earlierSessions(int i, int to) {
        if (i + 3 > to || "首前".indexOf(s.charAt(i)) < 0 || "场期".indexOf(s.charAt(i + 2)) < 0) {
            return 0;
        }
        return switch (s.charAt(i + 1)) {
            case '两', '二' -> 2;
            case '三' -> 3;
            default -> 0;
        };
    }

    private static final int MAX_SESSIONS = 8;
    private static final List<String> PARTS_OF_DAY = List.of("上午场", "下午场", "晚场");
    /** The characters a session's name opens with: 首场, 首两场, 前三场, 第二场, and a part of the day (上午场). */
    private static final String SESSION_FIRSTS = "首前第" + PARTS_OF_DAY.stream().map(p -> p.substring(0, 1))
            .collect(java.util.stream.Collectors.joining());
    /** How far after a gathering its talk is looked for, so that a text of gatherings stays linear. */
    private static final int TALK_REACH = 600;

    /** Marks a mention that names a session of a series already named, not a meeting kind. */
    static final int SESSION = 1;

    private List<int[]> kindMentions(Span sentence) {
        List<int[]> out = new ArrayList<>();
        for (int i = sentence.start(); i < sentence.end(); i++) {
            int len = rules.kinds.longestAt(s, i, sentence.end());
            if (len > 0 && i + len < sentence.end() && s.charAt(i + len) == '会'
                    && s.charAt(i + len - 1) != '会') {
                // 举行座谈会: the verb kind is the start of a noun kind; read the noun.
                int start = i + len - 2;
                int nounLength = rules.kinds.longestAt(s, start, sentence.end());
                if (nounLength > 0) {
                    i = start;
                    len = nounLength;
                }
            }
            if (len == 0) {
                len = nounAfterHeldVerb(i, sentence);
            }
            if (len > 0 && rules.cue(Role.SOCIAL_KIND).longestAt(s, i, i + len) == len
                    && !talkFollows(i + len)) {
                // 新春茶话会 with a speech only: a gathering, not a seminar.
                i += len - 1;
                continue;
            }
            if (len > 0) {
                out.add(new int[]{i, i + len});
                i += len - 1;
            }
        }
        return out;
    }

    /** Talk (发言, 建言…) written shortly after {@code from} (its paragraph or the next ones). */
    private boolean talkFollows(int from) {
        return rules.cue(Role.TALK).indexOf(s, from, Math.min(s.length(), from + TALK_REACH)) >= 0;
    }

    /**
     * 举行年度侨商座谈，由…主持 / 书记某某与民营企业家座谈，听取…: 座谈 ending a clause names a meeting when a
     * held verb (举行, 召开, 出席…) or 与/同 opens its phrase, unless the sentence reports a visit (走访, 调研…) the
     * talk is part of. 座谈 as a verb that goes on (与企业负责人座谈交流) names none.
     */
    private int nounAfterHeldVerb(int i, Span sentence) {
        int len = rules.cue(Role.KIND_AFTER_HELD).longestAt(s, i, sentence.end());
        if (len == 0) {
            return 0;
        }
        int after = i + len;
        if (after < sentence.end() && CLAUSE_BREAKS.indexOf(s.charAt(after)) < 0
                && "由时上中".indexOf(s.charAt(after)) < 0) {
            return 0;
        }
        if (text.has(Role.VISIT, sentence.start(), i)) {
            return 0;
        }
        int from = Math.max(text.clauseStart(i, sentence.start()), i - 20);
        int held = rules.cue(Role.HELD).indexOf(s, from, i);
        if (held >= 0 && held + rules.cue(Role.HELD).longestAt(s, held, i) < i) {
            return len;
        }
        int with = rules.cue(Role.CONVENE_WITH).indexOf(s, from, i);
        boolean talk = with >= 0 && with + 1 < i && s.charAt(with + 1) != '会'
                && (after >= sentence.end() || CLAUSE_BREAKS.indexOf(s.charAt(after)) >= 0);
        return talk ? len : 0;
    }

    /**
     * 市委召开民营企业座谈会 in the headline while the body only says 主持召开会议: the first dated sentence of
     * the body that says a meeting was held stands for the headline's meeting. Adds that mention and returns the
     * headline's meeting name, or returns null.
     */
    String headlineMeeting(List<Span> sentences, List<List<int[]>> mentions,
                           Map<Integer, Boolean> paragraphHasMeeting) {
        int headlineEnd = Math.min(body, s.length());
        int kind = rules.kinds.indexOf(s, 0, headlineEnd);
        if (kind < 0 || text.has(Role.PLANNED, 0, headlineEnd) || text.has(Role.REFERENCE_BEFORE, 0, kind)
                || rules.cue(Role.REFERENCE_AFTER).longestAt(s, kind + rules.kinds.longestAt(s, kind, headlineEnd),
                headlineEnd) > 0) {
            return null;
        }
        int kindLength = rules.kinds.longestAt(s, kind, headlineEnd);
        if (rules.cue(Role.SOCIAL_KIND).longestAt(s, kind, kind + kindLength) == kindLength
                && !talkFollows(headlineEnd)) {
            return null;
        }
        for (int k = 0; k < sentences.size(); k++) {
            Span sentence = sentences.get(k);
            int cue = rules.cue(Role.HELD).indexOf(s, sentence.start(), sentence.end());
            if (cue < 0) {
                continue;
            }
            boolean dated = false;
            for (DateMention d : ChineseDates.find(s, sentence.start(), cue, published)) {
                dated |= usable(d.date());
            }
            if (dated) {
                int len = rules.cue(Role.HELD).longestAt(s, cue, sentence.end());
                mentions.get(k).add(new int[]{cue, cue + len});
                paragraphHasMeeting.put(sentence.paragraph(), true);
                return seriesReading.nameBefore(kind, kind + rules.kinds.longestAt(s, kind, headlineEnd), 0);
            }
        }
        return null;
    }

    /**
     * 某某座谈会，3月31日在台北举行: a meeting named as the subject of its sentence takes the date that opens the
     * next clause when that clause says the meeting took place.
     */
    private List<DateMention> datesOpeningNextClause(int clauseEnd, int sentenceEnd, List<DateMention> dates) {
        if (clauseEnd >= sentenceEnd || "，,".indexOf(s.charAt(clauseEnd)) < 0) {
            return List.of();
        }
        int next = clauseEnd + 1;
        int nextEnd = text.clauseEnd(next, sentenceEnd);
        // 某某座谈会，第4场昨（6）日移师某地举行: the session's ordinal may open the clause before its date.
        var ordinal = next < nextEnd && s.charAt(next) == '第' ? ChineseNumbers.parse(s, next + 1, nextEnd, 3) : null;
        if (ordinal != null && ordinal.end() < nextEnd && "场期次".indexOf(s.charAt(ordinal.end())) >= 0) {
            next = ordinal.end() + 1;
        } else if (next + 2 < nextEnd && s.charAt(next) == '首' && "场期次".indexOf(s.charAt(next + 1)) >= 0) {
            // 某某巡回座谈会，首场昨（17）日下午在某地举行.
            next += 2;
        }
        for (DateMention d : dates) {
            if (d.start() >= next && d.start() - next <= 1 && d.end() <= nextEnd
                    && text.has(Role.HELD, d.end(), nextEnd)) {
                return List.of(d);
            }
        }
        return List.of();
    }

    /**
     * Several dates before one meeting kind are several sessions only when they form a list (4月9日、18日和26日);
     * otherwise the one closest to the kind is the meeting's.
     */
    private List<DateMention> listedOrClosest(List<DateMention> dates) {
        List<DateMention> distinct = new ArrayList<>();
        for (DateMention d : dates) {
            if (distinct.stream().noneMatch(x -> x.date().equals(d.date()))) {
                distinct.add(d);
            }
        }
        if (distinct.size() < 2) {
            return distinct;
        }
        if (distinct.size() == 2 && dates.size() == 2 && RANGE_JOINERS.matcher(
                s.substring(dates.get(0).end(), dates.get(1).start()).strip()).matches()) {
            return List.of(dates.get(0));
        }
        for (int i = 1; i < dates.size(); i++) {
            String between = s.substring(dates.get(i - 1).end(), dates.get(i).start()).strip();
            if (!between.isEmpty() && !LIST_JOINERS.matcher(between).matches()) {
                return List.of(dates.get(dates.size() - 1));
            }
        }
        return distinct;
    }

    /** Whether a meeting on {@code d} is reported: not after publication and not more than a year before it. */
    boolean usable(LocalDate d) {
        long age = ChronoUnit.DAYS.between(d, published);
        return age >= 0 && age <= MAX_AGE_DAYS;
    }
}
