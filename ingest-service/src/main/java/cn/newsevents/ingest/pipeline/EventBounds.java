package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.messaging.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts an extraction result down to {@link EventLimits}: an article over a bound is stored with what fits (the
 * first events, the first participants, the beginning of each text; an evidence keeps its start and a shorter
 * end, so it still indexes the article) and counted in {@code ingest.events.trimmed}. A seminar whose JSON is still
 * over {@code maxEventBytes} loses participants from the end until it fits; any event that cannot fit is dropped.
 * Confidences are rounded to two decimals (sums of doubles such as 0.85 + 0.1 print as 0.9500000000000001).
 */
@Singleton
public class EventBounds {
    private static final Logger LOG = LoggerFactory.getLogger(EventBounds.class);

    /** Generous room for the field names, numbers and punctuation of one JSON object. */
    private static final int OVERHEAD = 512;

    private final EventLimits limits;
    private final Counter trimmed;

    public EventBounds(EventLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.trimmed = Counter.builder("ingest.events.trimmed")
                .description("Articles whose events were cut to the configured bounds.").register(meters);
    }

    public EventLimits limits() {
        return limits;
    }

    /** {@code result} within the bounds, confidences rounded. */
    public ExtractionResult apply(ExtractionResult result) {
        boolean[] cut = {false};
        List<SeminarEvent> seminars = new ArrayList<>();
        Set<String> keptSeminars = new HashSet<>();
        for (SeminarEvent s : nonNull(result.seminars())) {
            if (seminars.size() >= limits.maxEventsPerArticle()) {
                cut[0] = true;
                break;
            }
            SeminarEvent bounded = fit(bound(s, cut), cut);
            if (bounded != null) {
                seminars.add(bounded);
                keptSeminars.add(bounded.id());
            }
        }
        List<CompanyEvent> companies = new ArrayList<>();
        for (CompanyEvent e : nonNull(result.companyEvents())) {
            if (seminars.size() + companies.size() >= limits.maxEventsPerArticle()) {
                cut[0] = true;
                break;
            }
            if (e.seminarId() != null && !keptSeminars.contains(e.seminarId())
                    && nonNull(result.seminars()).stream().anyMatch(s -> e.seminarId().equals(s.id()))) {
                // Attendance of a seminar that was not kept.
                cut[0] = true;
                continue;
            }
            CompanyEvent bounded = bound(e, cut);
            if (fits(bounded)) {
                companies.add(bounded);
            } else {
                cut[0] = true;
            }
        }
        if (!cut[0]) {
            return new ExtractionResult(result.article(), seminars, companies);
        }
        trimmed.increment();
        LOG.warn("The events of article {} exceeded the configured bounds and were cut to {} seminars and {} company "
                + "events.", result.article() == null ? null : result.article().id(), seminars.size(), companies.size());
        return new ExtractionResult(result.article(), seminars, companies);
    }

    private SeminarEvent bound(SeminarEvent s, boolean[] cut) {
        int max = limits.maxTextChars();
        List<Participant> participants = null;
        if (s.participants() != null) {
            participants = new ArrayList<>(Math.min(s.participants().size(), limits.maxParticipants()));
            for (Participant p : s.participants()) {
                if (participants.size() >= limits.maxParticipants()) {
                    cut[0] = true;
                    break;
                }
                participants.add(bound(p, cut));
            }
        }
        Person host = s.host() == null ? null : new Person(cut(s.host().name(), max, cut),
                cut(s.host().title(), max, cut), cut(s.host().organization(), max, cut));
        return new SeminarEvent(s.id(), s.articleId(), s.date(), s.timeOfDay(), cut(s.city(), max, cut),
                cut(s.name(), max, cut), cut(s.series(), max, cut), s.sequence(), host, cut(s.focus(), max, cut),
                participants, bound(s.evidence(), cut), round(s.confidence()), s.extractorVersion());
    }

    private Participant bound(Participant p, boolean[] cut) {
        if (p == null) {
            return null;
        }
        int max = limits.maxParticipantTextChars();
        return new Participant(cut(p.name(), max, cut), cut(p.title(), max, cut), cut(p.organization(), max, cut),
                cut(p.raised(), max, cut));
    }

    private CompanyEvent bound(CompanyEvent e, boolean[] cut) {
        int max = limits.maxTextChars();
        return new CompanyEvent(e.id(), e.articleId(), e.kind(), cut(e.company(), max, cut), e.metric(),
                e.period(), e.value(), e.unit(), e.qualifier(), e.yoyGrowth(), e.rank(),
                cut(e.person(), max, cut), e.seminarId(), bound(e.evidence(), cut), round(e.confidence()),
                e.extractorVersion());
    }

    private Evidence bound(Evidence e, boolean[] cut) {
        if (e == null || e.text() == null || e.text().length() <= limits.maxTextChars()) {
            return e;
        }
        String text = cut(e.text(), limits.maxTextChars(), cut);
        return new Evidence(e.start(), e.start() + text.length(), text);
    }

    /** The seminar with as many of its participants as fit in {@code maxEventBytes}, or null when none does. */
    private SeminarEvent fit(SeminarEvent s, boolean[] cut) {
        if (fits(s)) {
            return s;
        }
        cut[0] = true;
        List<Participant> all = s.participants() == null ? List.of() : s.participants();
        int lo = 0;
        int hi = all.size() - 1;
        SeminarEvent best = null;
        while (lo <= hi) {
            int n = (lo + hi) >>> 1;
            SeminarEvent candidate = withParticipants(s, all.subList(0, n));
            if (fits(candidate)) {
                best = candidate;
                lo = n + 1;
            } else {
                hi = n - 1;
            }
        }
        return best;
    }

    private static SeminarEvent withParticipants(SeminarEvent s, List<Participant> participants) {
        return new SeminarEvent(s.id(), s.articleId(), s.date(), s.timeOfDay(), s.city(), s.name(), s.series(),
                s.sequence(), s.host(), s.focus(), List.copyOf(participants), s.evidence(), s.confidence(),
                s.extractorVersion());
    }

    private boolean fits(SeminarEvent s) {
        long bound = OVERHEAD + chars(s.id(), s.articleId(), s.timeOfDay(), s.city(), s.name(), s.series(),
                s.focus(), s.extractorVersion()) + chars(s.evidence());
        if (s.host() != null) {
            bound += OVERHEAD + chars(s.host().name(), s.host().title(), s.host().organization());
        }
        for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
            bound += p == null ? 8 : OVERHEAD + chars(p.name(), p.title(), p.organization(), p.raised());
        }
        return bound <= limits.maxEventBytes() || serialisedFits(s);
    }

    private boolean fits(CompanyEvent e) {
        long bound = 2 * OVERHEAD + chars(e.id(), e.articleId(), e.company(),
                e.period() == null ? null : e.period().text(), e.unit() == null ? null : e.unit().code(), e.person(),
                e.seminarId(), e.extractorVersion()) + chars(e.evidence());
        return bound <= limits.maxEventBytes() || serialisedFits(e);
    }

    private boolean serialisedFits(Object event) {
        return Json.string(event).getBytes(StandardCharsets.UTF_8).length <= limits.maxEventBytes();
    }

    /** An upper bound of the JSON bytes of these strings: an escape (backslash u and four digits) is 6 bytes. */
    private static long chars(String... values) {
        long n = 0;
        for (String v : values) {
            n += v == null ? 8 : 6L * v.length() + 8;
        }
        return n;
    }

    private static long chars(Evidence e) {
        return e == null ? 8 : 64 + chars(e.text());
    }

    static double round(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }

    private static String cut(String s, int max, boolean[] cut) {
        if (s == null || s.length() <= max) {
            return s;
        }
        cut[0] = true;
        // Never split a surrogate pair.
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
