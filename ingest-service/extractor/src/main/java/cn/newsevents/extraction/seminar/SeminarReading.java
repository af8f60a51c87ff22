package cn.newsevents.extraction.seminar;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.date.ChineseDates;
import cn.newsevents.extraction.date.DateMention;
import cn.newsevents.extraction.seminar.SeminarRules.Role;
import cn.newsevents.extraction.text.Captions;
import cn.newsevents.extraction.text.Sentences;
import cn.newsevents.extraction.text.SimplifiedText;
import cn.newsevents.extraction.text.Span;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article read sentence by sentence, in order, keeping what a later sentence needs from earlier ones: the
 * meeting the paragraph is about, the last meeting and the last usable date. Meeting mentions become drafts (one per
 * day, or per ordinal when undated); sentences that refer back to a meeting (会上, a paragraph of attendees, a list
 * after a colon) add its people and theme; a meeting dated only by an earlier sentence reads that sentence's people
 * too. The stages decide; this class only routes sentences to them and hands the drafts to {@link EventAssembly}.
 * Mutable: one instance per extraction, used once.
 */
final class SeminarReading {
    /** A clause of purpose: 为协助…, 为了…. */
    private static final java.util.regex.Pattern PURPOSE = java.util.regex.Pattern.compile(
            "\\s*(?:[（(【][^）)】]{0,30}[）)】])?\\s*(?:为了|为|為了|為)");

    private final SeminarRules rules;
    private final Article article;
    private final String s;
    private final LocalDate published;
    private final int body;
    private final List<MeetingDraft> drafts = new ArrayList<>();
    /** A session named by its place at a paragraph's opening: 台中场, 高雄场. */
    /** "继7月22日在某区举行的首场座谈后": the meeting after 继 came before the one the sentence reports. */
    private static final Pattern FOLLOWING = Pattern.compile("(?<![相])继(?!续|承|任|而)");
    private static final Pattern SESSION_PLACE = Pattern.compile("(\\p{IsHan}{2,3}?)场(?!合|景|地|所|馆|面|次)");
    private final Foci foci;
    private final MeetingText text;
    private final SeriesReading seriesReading;
    private final MeetingCities cities;
    private final MeetingPeople people;
    private final MeetingFinder finder;
    private MeetingDraft current;
    private MeetingDraft last;
    private DateMention lastDate;
    private Span lastDateSentence;
    private int lastDateSentenceIndex;
    private List<Span> sentences = List.of();
    /** A meeting dated by an earlier sentence: the sentences from that one on are read again for its people. */
    private MeetingDraft rereadFor;
    /** Counts the non-empty paragraphs read so far; a meeting without a date may take one from the last two. */
    private int paragraphOrdinal;
    private int lastDateParagraphOrdinal = -10;
    /** The meeting name of the headline when the body names the meeting only as 会议. */
    private String headlineName;

    /**
     * @param published the day the article reports from
     * @param body      where the body starts in the text; the text before it is the headline
     */
    SeminarReading(SeminarRules rules, PostedPersons persons, Article article, String simplified, LocalDate published,
                   int body) {
        this.rules = rules;
        this.article = article;
        this.s = simplified;
        this.foci = new Foci(rules, simplified, article.text());
        this.text = new MeetingText(rules, simplified, article.text());
        this.seriesReading = new SeriesReading(text);
        this.cities = new MeetingCities(text, body, article.source());
        this.people = new MeetingPeople(text, body, persons);
        this.finder = new MeetingFinder(text, seriesReading, body, published);
        this.published = published;
        this.body = body;
    }

    /** The events of the article, one per draft, in the order the drafts were opened. */
    List<SeminarEvent> read() {
        sentences = Sentences.split(s, body, s.length());
        Map<Integer, Boolean> paragraphHasMeeting = new HashMap<>();
        List<List<int[]>> mentions = new ArrayList<>();
        boolean named = rules.kinds.indexOf(s, 0, Math.min(body, s.length())) >= 0;
        for (Span sentence : sentences) {
            List<int[]> m = finder.meetingMentions(sentence, named);
            mentions.add(m);
            if (!m.isEmpty()) {
                paragraphHasMeeting.put(sentence.paragraph(), true);
                named = true;
            }
        }
        if (paragraphHasMeeting.isEmpty()) {
            headlineName = finder.headlineMeeting(sentences, mentions, paragraphHasMeeting);
        }
        int paragraph = -1;
        boolean afterMeetingParagraph = false;
        // A paragraph of attendees (某某公司总经理某某表示…) lets the next one continue the list; a paragraph that
        // only quotes someone already named (某某指出…) does not.
        boolean paragraphContinues = false;
        // 参会人员：followed by one attendee a line: the lines after a heading about the meeting are its people.
        boolean listFollows = false;
        boolean listLine = false;
        boolean paragraphRefers = false;
        boolean previousRefers = false;
        boolean captionParagraph = false;
        // The meeting a caption's speaker was last read for.
        MeetingDraft captionedMeeting = null;
        for (int k = 0; k < sentences.size(); k++) {
            Span sentence = sentences.get(k);
            if (sentence.paragraph() != paragraph) {
                paragraphOrdinal++;
                afterMeetingParagraph = paragraph >= 0
                        && (paragraphHasMeeting.getOrDefault(paragraph, false) || paragraphContinues);
                // The words a caption's speaker says (the paragraph after 【同期声】…) keep the meeting going.
                paragraphContinues = captionParagraph;
                captionParagraph = false;
                listLine = listFollows && last != null;
                listFollows = false;
                paragraph = sentence.paragraph();
                paragraphRefers = false;
                current = null;
            }
            List<DateMention> dates = ChineseDates.find(s, sentence.start(), sentence.end(), published);
            // "参加座谈的企业负责人依次发言。他们是：…": a list naming the people the sentence before spoke of.
            boolean listed = previousRefers && last != null
                    && LIST_OF_THEM.matcher(s).region(sentence.start(), sentence.end()).lookingAt();
            // 【同期声】某某公司总经理 某某: a television caption naming who speaks at the meeting.
            boolean caption = !listed && last != null && Captions.opensAt(s, sentence.start(), sentence.end());
            boolean listOfThem = listed || caption;
            // Once a caption's speaker was the meeting's, the transcript's later captions are too (a reporter's
            // paragraph about one of the companies may stand between them).
            captionParagraph |= caption && (afterMeetingParagraph || paragraphHasMeeting.getOrDefault(paragraph, false)
                    || paragraphRefers || captionedMeeting == last);
            if (captionParagraph) {
                captionedMeeting = last;
            }
            boolean refersToMeeting = last != null && mentions.get(k).isEmpty()
                    && (text.has(Role.MEETING_REFERENCE, sentence.start(), sentence.end()) || listLine
                    || (afterMeetingParagraph || paragraphRefers)
                    && text.has(Role.ATTEND, sentence.start(), sentence.end()) || listOfThem
                    || endsWithAttending(sentence));
            previousRefers = refersToMeeting || !mentions.get(k).isEmpty();
            // 座谈中，业者轮番发言。甲（某某公司董事长）建议…: the speakers after a sentence about the meeting.
            paragraphRefers |= refersToMeeting;
            if (refersToMeeting && current == null) {
                current = sessionByPlace(sentence.start());
            }
            paragraphContinues |= refersToMeeting
                    && (text.has(Role.MEETING_REFERENCE, sentence.start(), sentence.end()) || listOfThem);
            if (paragraphHasMeeting.getOrDefault(paragraph, false) || refersToMeeting) {
                boolean planned = false;
                int prevEnd = sentence.start();
                List<MeetingDraft> mentioned = new ArrayList<>();
                for (int[] m : mentions.get(k)) {
                    planned |= !mention(sentence, m, prevEnd, dates);
                    prevEnd = m[1];
                    mentioned.add(current);
                }
                if (rereadFor != null) {
                    reread(k);
                }
                if (current != null && !(planned && current.evidenceSentence != sentence)) {
                    boolean posted = severalMeetings(mentioned) ? bySession(sentence, mentions.get(k), mentioned)
                            : people.read(sentence, !mentions.get(k).isEmpty() || listLine || listOfThem, current);
                    shareHost(sentence, current);
                    // 樊某还提到…: a participant speaking again keeps the meeting's paragraphs going.
                    paragraphContinues |= refersToMeeting && (posted || namesParticipant(sentence, current));
                    listFollows |= listLine && posted || endsWithColon(sentence);
                    if (current.focus == null || current.focusFromName) {
                        String stated = foci.statedTheme(sentence.start(), sentence.end());
                        if (stated == null) {
                            stated = foci.discussedTopic(sentence.start(), sentence.end());
                        }
                        if (stated != null) {
                            current.focus = stated;
                            current.focusFromName = false;
                        }
                    }
                }
            }
            for (DateMention d : dates) {
                if (finder.usable(d.date())) {
                    lastDate = d;
                    lastDateSentence = sentence;
                    lastDateSentenceIndex = k;
                    lastDateParagraphOrdinal = paragraphOrdinal;
                }
            }
        }
        return new EventAssembly(article.id(), text, cities).assemble(drafts);
    }

    /**
     * Whether a cue of a planned meeting stands in {@code [from, to)} outside a clause of purpose: in "为协助…因应…
     * 即将上路的碳费，某部今日举办座谈会" the plan is the purpose's, not the meeting's.
     */
    private boolean plannedBefore(int from, int to) {
        int at = rules.cue(Role.PLANNED).indexOf(s, from, to);
        while (at >= 0) {
            int clause = text.clauseStart(at, from);
            if (!PURPOSE.matcher(s).region(clause, at).lookingAt()) {
                return true;
            }
            int next = text.clauseEnd(at, to);
            at = next < to ? rules.cue(Role.PLANNED).indexOf(s, next, to) : -1;
        }
        return false;
    }

    /** Reads one meeting mention; returns false when the meeting is only planned. */
    private boolean mention(Span sentence, int[] m, int windowStart, List<DateMention> dates) {
        int k0 = m[0];
        int k1 = m[1];
        int clauseEnd = text.clauseEnd(k1, sentence.end());
        int clauseStart = text.clauseStart(k0, windowStart);
        if (plannedBefore(windowStart, clauseEnd)) {
            return false;
        }
        if (rules.cue(Role.REFERENCE_AFTER).longestAt(s, k1, Math.min(sentence.end(), k1 + 8)) > 0
                || text.has(Role.REFERENCE_BEFORE, Math.max(windowStart, k0 - 16), k0)) {
            return true;
        }
        boolean session = m.length > 2 && m[2] == MeetingFinder.SESSION;
        List<DateMention> own = finder.datesOf(sentence, k0, k1, windowStart, clauseStart, clauseEnd, dates, session);
        int together = session ? finder.earlierSessions(k0, k1) : 0;
        if (session && own.size() != 1 && (together == 0 || own.size() != together)) {
            Integer ordinal = own.isEmpty() ? seriesReading.ordinalAfter(k0, k1) : null;
            MeetingDraft numbered = ordinal == null ? null : bySequence(ordinal);
            if (numbered != null) {
                // "出席首场座谈的包括…": a session the article dated already, named again by its number.
                current = numbered;
                last = numbered;
            }
            return true;
        }
        Integer sequence = session ? seriesReading.ordinalAfter(k0, k1)
                : seriesReading.ordinalBefore(k0, Math.max(windowStart, k0 - 12));
        String name = session ? null : seriesReading.nameBefore(k0, k1, windowStart);
        String series = seriesReading.seriesBefore(k0, windowStart);
        String focus = foci.after(k1, sentence.end());
        if (focus == null) {
            focus = foci.subjectBefore(k0, k1, windowStart);
        }
        boolean focusFromName = false;
        if (focus == null) {
            focus = foci.topicBefore(k0, windowStart);
            focusFromName = focus != null;
        }
        if (focus == null && !session) {
            focus = foci.quotedBefore(k0, windowStart);
            focusFromName = focus != null;
        }
        if (focus == null || focusFromName) {
            String later = foci.inLaterClause(k1, sentence.end());
            if (later != null) {
                focus = later;
                focusFromName = false;
            }
        }
        if (sequence == null) {
            sequence = seriesReading.ordinalAfter(k1, sentence.end());
        }
        boolean earlier = text.has(Role.EARLIER, windowStart, k0)
                || holdsAny(s, windowStart, k0, "继") && FOLLOWING.matcher(s).region(windowStart, k0).find()
                || together > 0;
        if (own.size() >= 2) {
            List<String> sessionFoci = Foci.perSession(focus, own.size());
            MeetingDraft head = current != null ? current : last;
            boolean numbered = earlier && head != null && head.sequence != null
                    && head.sequence - 1 == own.size();
            // "本月4日、5日…分别在晋江、石狮举行": one place for each date, in order.
            List<String> places = cities.listed(clauseStart, sentence.end(), own.size());
            List<Integer> ordinals = seriesReading.listedOrdinals(clauseStart, sentence.end(), own.size());
            for (int j = 0; j < own.size(); j++) {
                DateMention d = own.get(j);
                MeetingDraft e = findOrCreate(d, sentence);
                if (numbered && e.sequence == null) {
                    e.sequence = j + 1;
                }
                if (ordinals != null && e.sequence == null) {
                    e.sequence = ordinals.get(j);
                }
                if (e.focus == null && sessionFoci != null) {
                    e.focus = sessionFoci.get(j);
                }
                if (e.name == null) {
                    e.name = name;
                }
                if (earlier && head != null && head != e) {
                    e.seriesHead = head;
                }
                if (e.city == null) {
                    e.city = places != null ? places.get(j) : cities.in(clauseStart, k0);
                }
            }
            return true;
        }
        MeetingDraft e;
        if (own.size() == 1) {
            e = findOrCreate(own.get(0), sentence);
            if (e.city == null) {
                int dateClauseEnd = Math.max(clauseEnd, text.clauseEnd(own.get(0).end(), sentence.end()));
                e.city = cities.in(Math.max(windowStart, text.clauseStart(own.get(0).start(), windowStart)),
                        dateClauseEnd);
            }
        } else {
            e = sequence == null ? null : bySequence(sequence);
            boolean held = text.has(Role.HELD, Math.max(windowStart, k0 - 20), clauseEnd)
                    || text.has(Role.DEICTIC, Math.max(windowStart, k0 - 6), k0);
            if (e == null && held && last == null && lastDate != null
                    && lastDateParagraphOrdinal >= paragraphOrdinal - 1) {
                e = findOrCreate(lastDate, lastDateSentence);
                e.fallbackDate = true;
                rereadFor = e;
                if (e.city == null) {
                    e.city = cities.in(lastDateSentence.start(), lastDateSentence.end());
                }
            }
            if (e == null) {
                e = current != null ? current : last;
            }
            if (e == null) {
                return true;
            }
        }
        if (e.sequence == null && sequence != null && bySequence(sequence) == null) {
            e.sequence = sequence;
        }
        if (e.name == null) {
            e.name = headlineName != null ? headlineName : name;
        }
        if (e.series == null) {
            e.series = series;
        }
        if (e.focus == null && focus != null) {
            e.focus = focus;
            e.focusFromName = focusFromName;
        }
        if (earlier && own.size() == 1 && current != null && current != e) {
            // "这是继2月18日某某恳谈会之后…又一场座谈会": an earlier meeting named in passing; the people of the
            // sentences after it are still the current meeting's.
            return true;
        }
        current = e;
        if (own.size() == 1 && last != null && e != last && recalls(last, e)) {
            // "这是第三期恳谈会。9月12日的首期聚焦…，10月17日的第二期…": an earlier session of the series recalled
            // after the one reported takes the people of its own paragraph; the speakers of the paragraphs after it
            // are still the reported session's.
            return true;
        }
        last = e;
        return true;
    }

    /** Whether {@code e} is an earlier, lower-numbered session of the series {@code reported} belongs to. */
    private static boolean recalls(MeetingDraft reported, MeetingDraft e) {
        return reported.date != null && e.date != null && e.date.isBefore(reported.date)
                && reported.sequence != null && e.sequence != null && e.sequence < reported.sequence;
    }

    /** Whether the mentions of a sentence name two meetings or more (each mention's meeting known). */
    private static boolean severalMeetings(List<MeetingDraft> mentioned) {
        return mentioned.size() >= 2 && !mentioned.contains(null) && new HashSet<>(mentioned).size() >= 2;
    }

    /**
     * "第一场于9日…举行，由甲主持；第二场昨日…举行，由乙主持": a sentence naming several meetings, each read up to the
     * next one for its own host and people; whether anyone was read.
     */
    private boolean bySession(Span sentence, List<int[]> found, List<MeetingDraft> mentioned) {
        boolean posted = false;
        for (int j = 0; j < found.size(); j++) {
            int from = j == 0 ? sentence.start() : found.get(j)[0];
            int to = j + 1 < found.size() ? found.get(j + 1)[0] : sentence.end();
            posted |= people.read(new Span(from, to, sentence.paragraph()), true, mentioned.get(j));
        }
        return posted;
    }

    /** Whether the sentence names a participant the meeting already has. */
    private boolean namesParticipant(Span sentence, MeetingDraft meeting) {
        String text = this.text.orig.substring(sentence.start(), sentence.end());
        for (MeetingDraft.Pending p : meeting.participants.values()) {
            if (p.name() != null && p.name().length() >= 2 && text.contains(p.name())) {
                return true;
            }
        }
        return false;
    }

    /** 首场…，第二场…，两场均由某某主持: the host read for one session of the sentence hosts all of them. */
    private void shareHost(Span sentence, MeetingDraft hosted) {
        if (hosted.host == null || !holdsAny(s, sentence.start(), sentence.end(), "由场")
                || !SHARED.matcher(s).region(sentence.start(), sentence.end()).find()) {
            return;
        }
        for (MeetingDraft e : drafts) {
            if (e != hosted && e.host == null && e.evidenceSentence == sentence) {
                e.host = hosted.host;
            }
        }
    }

    /** A verb of attending closing a sentence, with at most the meeting after it. */
    private static final Pattern ATTENDING_END = Pattern.compile(
            "(?:出席|参加|參加|列席|到会|到會)(?:会议|會議|座谈|座談|座谈会|座談會)?$");
    private static final Pattern LIST_OF_THEM = Pattern.compile("\\s*(?:他们|他們|她们|她們)(?:分别|分別|依次)?(?:是|为|為)[：:]?");
    private static final java.util.regex.Pattern SHARED = java.util.regex.Pattern.compile("[均都皆]由|[两几多各]场均");

    /**
     * Whether {@code s[from, to)} holds one of {@code chars}: a test before a pattern every match of which holds one
     * ("均由" and "两场均" hold 由 or 场), cheaper than trying the pattern at each position of a sentence that has none.
     */
    private static boolean holdsAny(String s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * "台中场邀集了…", "高雄场则以…为主题": a paragraph opening with a session's place speaks of the session held there;
     * otherwise of the last meeting.
     */
    private MeetingDraft sessionByPlace(int at) {
        Matcher m = SESSION_PLACE.matcher(s).region(at, Math.min(s.length(), at + 8));
        if (m.lookingAt()) {
            for (MeetingDraft d : drafts) {
                if (d.city != null && SimplifiedText.of(d.city).startsWith(m.group(1))) {
                    return d;
                }
            }
        }
        return last;
    }

    /**
     * "省委常委、省委秘书长某某参加。", "副市长某某…负责人参加座谈。": a sentence that ends in a verb of attending with no
     * other object speaks of the meeting the article reports.
     */
    private boolean endsWithAttending(Span sentence) {
        int e = sentence.end();
        while (e > sentence.start() && (Character.isWhitespace(s.charAt(e - 1)) || "。！!".indexOf(s.charAt(e - 1)) >= 0)) {
            e--;
        }
        return ATTENDING_END.matcher(s).region(Math.max(sentence.start(), e - 8), e).find();
    }

    private boolean endsWithColon(Span sentence) {
        int e = sentence.end();
        while (e > sentence.start() && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return e > sentence.start() && (s.charAt(e - 1) == '：' || s.charAt(e - 1) == ':');
    }

    /** Reads the people of the sentences from the one that dated {@link #rereadFor} up to sentence {@code k}. */
    private void reread(int k) {
        MeetingDraft meeting = rereadFor;
        rereadFor = null;
        for (int j = Math.max(0, lastDateSentenceIndex); j < k; j++) {
            Span earlier = sentences.get(j);
            if (text.has(Role.ATTEND, earlier.start(), earlier.end())
                    || text.has(Role.MEETING_REFERENCE, earlier.start(), earlier.end())) {
                people.read(earlier, false, meeting);
            }
        }
    }

    private MeetingDraft findOrCreate(DateMention d, Span sentence) {
        for (MeetingDraft e : drafts) {
            if (e.date.equals(d.date())) {
                if (e.timeOfDay == null) {
                    e.timeOfDay = d.timeOfDay();
                }
                return e;
            }
        }
        MeetingDraft e = new MeetingDraft(d.date(), d.timeOfDay(), sentence);
        drafts.add(e);
        return e;
    }

    private MeetingDraft bySequence(int sequence) {
        for (MeetingDraft e : drafts) {
            if (e.sequence != null && e.sequence == sequence) {
                return e;
            }
        }
        return null;
    }
}
