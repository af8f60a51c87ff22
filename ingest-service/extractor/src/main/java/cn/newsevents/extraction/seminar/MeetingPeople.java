package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.seminar.SeminarRules.Role;
import cn.newsevents.extraction.text.Segmenter;
import cn.newsevents.extraction.text.Span;
import com.hankcs.hanlp.seg.common.Term;

import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * Decides who holds a meeting and who takes part, one sentence about it at a time. The host is the person before
 * 主持 (or the subject who chairs in a later clause, or a bare name before 主持 given a post shortly before); the
 * convener (某某召开座谈会, 某某与企业代表进行交流) hosts when nobody chairs. Everyone else with a post takes part
 * when the sentence names the meeting or says they attend, unless only their words are passed on (传达…某某的重要
 * 讲话). What a participant raised (就…提出) is kept with them. A draft's host, once set, is never replaced. The
 * segmenter is asked about names only in a short window, one segmenter per thread.
 */
final class MeetingPeople {
    /** How far back a bare host's name is looked for with a post. */
    /** A place between a name and the cue after it: 在漳州, 于厦门. */
    private static final Pattern PLACE_BEFORE_CUE = Pattern.compile("(?:在|于|於)[\\u4e00-\\u9fff]{2,6}$");
    private static final int EARLIER_NAME_WINDOW = 2000;
    /** Characters of context on each side of a position the segmenter is asked about. */
    private static final int HINT_WINDOW = 10;
    private static final String CLAUSE_BREAKS = MeetingText.CLAUSE_BREAKS;

    private final MeetingText text;
    private final SeminarRules rules;
    private final String s;
    private final String orig;
    private final int body;
    private final PostedPersons persons;

    /** @param body where the body starts; a host's earlier post is not looked for in the headline */
    MeetingPeople(MeetingText text, int body, PostedPersons persons) {
        this.text = text;
        this.rules = text.rules;
        this.s = text.s;
        this.orig = text.orig;
        this.body = body;
        this.persons = persons;
    }

    /**
     * Reads the people of a sentence about {@code meeting}: its host, convener and participants. Returns true when
     * someone with a post is named.
     *
     * @param namesMeeting the sentence names the meeting, so everyone with a post in it attends
     */
    boolean read(Span sentence, boolean namesMeeting, MeetingDraft meeting) {
        boolean attend = namesMeeting || text.has(Role.ATTEND, sentence.start(), sentence.end());
        NameHints hints = nameHints(sentence);
        List<PersonMention> found = persons.find(s, orig, sentence.start(), sentence.end(), hints);
        String raised = raised(sentence);
        for (PersonMention p : found) {
            int ce = text.clauseEnd(p.end(), sentence.end());
            int hostCue = rules.cue(Role.HOST).indexOf(s, p.end(), Math.min(ce, p.end() + 40));
            if (hostCue < 0) {
                hostCue = hostLaterInSentence(p, found, sentence);
            }
            String name = orig.substring(p.nameStart(), p.nameEnd());
            if (hostCue < 0 && meeting.convener == null && convenes(p, sentence.start(), ce)) {
                meeting.convener = p;
            }
            if (hostCue >= 0) {
                if (meeting.host == null) {
                    meeting.host = p;
                    meeting.participants.remove(MeetingDraft.key(name));
                }
                continue;
            }
            if (!attend
                    || (meeting.host != null && MeetingDraft.key(name).equals(MeetingDraft.key(meeting.hostName(orig))))
                    || onlyReferredTo(p, sentence, ce)) {
                continue;
            }
            meeting.participants.putIfAbsent(MeetingDraft.key(name), new MeetingDraft.Pending(p, name, raised));
        }
        if (meeting.host == null) {
            meeting.host = hostNamedEarlier(sentence);
        }
        return !found.isEmpty();
    }

    /**
     * 当天下午，邱某某主持召开座谈会: a bare name right before 主持 (after a break or 由) is the host when the text
     * named the same person with a post shortly before (市委书记邱某某), in an earlier sentence or earlier in this one.
     */
    private PersonMention hostNamedEarlier(Span sentence) {
        int cue = rules.cue(Role.HOST).indexOf(s, sentence.start(), sentence.end());
        if (cue >= 0) {
            // 尉某在漳州主持召开…: where the person chairs it, between the name and the cue.
            Matcher place = PLACE_BEFORE_CUE.matcher(s).region(Math.max(sentence.start(), cue - 8), cue);
            if (place.find()) {
                cue = place.start();
            }
        }
        for (int len = 4; cue >= 0 && len >= 2; len--) {
            int ns = cue - len;
            if (ns < sentence.start() || !PostedPersons.allIdeographs(s, ns, cue)
                    || PostedPersons.surnameAt(s, ns, cue) == 0 || PostedPersons.titleAnywhere(s, ns, cue)) {
                continue;
            }
            char before = ns == sentence.start() ? '，' : s.charAt(ns - 1);
            if (CLAUSE_BREAKS.indexOf(before) < 0 && before != '由') {
                continue;
            }
            String name = s.substring(ns, cue);
            int floor = Math.max(body, sentence.start() - EARLIER_NAME_WINDOW);
            for (int at = text.indexOf(name, floor, ns); at >= 0; at = text.indexOf(name, at + 1, ns)) {
                int title = PostedPersons.titleEndingAt(s, at, Math.max(floor, at - 8));
                if (title > 0) {
                    return new PersonMention(ns, cue, ns, cue, List.of(), List.of(orig.substring(at - title, at)));
                }
            }
        }
        return null;
    }

    /**
     * 部长某某今天走访台南，主持两场座谈会: the subject chairs in a later clause when no other person, no 由 and
     * no bare title comes between.
     */
    private int hostLaterInSentence(PersonMention p, List<PersonMention> found, Span sentence) {
        int next = sentence.end();
        for (PersonMention q : found) {
            if (q.start() > p.end()) {
                next = Math.min(next, q.start());
            }
        }
        int cue = rules.cue(Role.HOST).indexOf(s, p.end(), next);
        if (cue < 0 || text.indexOf("由", p.end(), cue) >= 0 || PostedPersons.titleAnywhere(s, p.end(), cue)) {
            return -1;
        }
        return cue;
    }

    /**
     * 县长某某今（15）日在县府召开座谈会: the person is the subject of a clause that convenes the meeting
     * (a convene cue, then the meeting kind, with no other post in between).
     */
    private boolean convenes(PersonMention p, int sentenceStart, int clauseEnd) {
        int to = Math.min(clauseEnd, p.end() + 40);
        if (exchangesWith(p, sentenceStart, to)) {
            return true;
        }
        int cue = rules.cue(Role.CONVENE).indexOf(s, p.end(), to);
        if (cue < 0 || text.indexOf("由", p.end(), cue) >= 0 || PostedPersons.titleAnywhere(s, p.end(), cue)) {
            return false;
        }
        return rules.kinds.indexOf(s, cue, to) >= 0;
    }

    /**
     * 主任某某于6月3日下午与企业代表进行交流: the subject who meets others in an exchange (与/同 … 交流/座谈) holds it,
     * unless the sentence has already placed the exchange inside a meeting (座谈会上，市长某某与企业代表交流).
     */
    private boolean exchangesWith(PersonMention p, int sentenceStart, int to) {
        if (rules.kinds.indexOf(s, sentenceStart, p.start()) >= 0 || text.has(Role.HELD, sentenceStart, p.start())) {
            return false;
        }
        int with = rules.cue(Role.CONVENE_WITH).indexOf(s, p.end(), Math.min(to, p.end() + 16));
        if (with < 0 || with + 1 < s.length() && s.charAt(with + 1) == '会'
                || PostedPersons.titleAnywhere(s, p.end(), with)) {
            return false;
        }
        return rules.cue(Role.EXCHANGE).indexOf(s, with + 1, to) >= 0;
    }

    /**
     * 传达学习省委书记某某的重要讲话精神 / 落实省长某某提出的要求: a person whose words are passed on is not at the
     * meeting.
     */
    private boolean onlyReferredTo(PersonMention p, Span sentence, int clauseEnd) {
        int from = text.clauseStart(p.start(), sentence.start());
        return text.has(Role.REFERRED_BEFORE, from, p.start())
                || text.has(Role.REFERRED_AFTER, p.end(), Math.min(clauseEnd, p.end() + 24));
    }

    /** What the sentence says was raised (就 X 提出/发言…): X, or null. */
    private String raised(Span sentence) {
        int i = text.indexOf("就", sentence.start(), sentence.end());
        while (i >= 0) {
            int stop = Math.min(sentence.end(), i + 120);
            for (String verb : new String[]{"提出", "发表", "交流", "作了发言", "发言", "建言"}) {
                int v = text.indexOf(verb, i + 2, stop);
                if (v >= 0) {
                    return orig.substring(i + 1, v).strip();
                }
            }
            i = text.indexOf("就", i + 1, sentence.end());
        }
        return null;
    }

    /**
     * HanLP's person names around a position: a short window is segmented on demand, so the segmenter runs only
     * where the rules could not settle a name, and its cost stays bounded per question.
     */
    private NameHints nameHints(Span sentence) {
        Map<Integer, Integer> answers = new HashMap<>();
        return start -> {
            int end = answers.computeIfAbsent(start, p -> segmentedNameEnd(sentence, p));
            return end > 0 ? end : null;
        };
    }

    /** The end of the name HanLP finds at {@code p} in a window around it, or -1. */
    private int segmentedNameEnd(Span sentence, int p) {
        if (!PostedPersons.allIdeographs(s, p, Math.min(sentence.end(), p + 2))) {
            return -1;
        }
        int from = Math.max(sentence.start(), p - HINT_WINDOW);
        int to = Math.min(sentence.end(), p + HINT_WINDOW);
        for (Term t : Segmenter.PERSON_NAMES.seg(s.substring(from, to))) {
            if (from + t.offset == p) {
                return t.nature != null && t.nature.startsWith("nr") ? p + t.length() : -1;
            }
        }
        return -1;
    }
}
