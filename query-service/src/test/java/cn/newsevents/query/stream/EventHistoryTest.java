package cn.newsevents.query.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventHistoryTest {
    private static final EnumSet<EventKind> ALL = EnumSet.allOf(EventKind.class);

    private static EventHistory history(int capacity) {
        return new EventHistory(new StreamConfig(true, "unused:9092", capacity, capacity, Duration.ofSeconds(15),
                null, null, null, null));
    }

    @Test
    void aSubscriberGetsTheHeldEventsAfterItsPositionThenNewOnes() {
        EventHistory h = history(10);
        for (int i = 1; i <= 5; i++) {
            h.append(EventKind.SEMINAR, "e" + i, "{" + i + "}");
        }
        List<Long> got = new ArrayList<>();
        EventHistory.Subscribed s = h.subscribe(3, ALL, e -> got.add(e.seq()));
        assertTrue(s.complete());
        s.backlog().forEach(e -> got.add(e.seq()));
        h.append(EventKind.COMPANY, "e6", "{6}");
        assertEquals(List.of(4L, 5L, 6L), got);
    }

    @Test
    void aPositionOlderThanTheHistoryIsReportedAsIncomplete() {
        EventHistory h = history(3);
        for (int i = 1; i <= 6; i++) {
            h.append(EventKind.SEMINAR, "e" + i, "{" + i + "}");
        }
        EventHistory.Subscribed s = h.subscribe(1, ALL, e -> true);
        assertFalse(s.complete(), "events 2 and 3 are no longer held");
        assertEquals(List.of(4L, 5L, 6L), s.backlog().stream().map(StreamedEvent::seq).toList());
        assertTrue(h.subscribe(3, ALL, e -> true).complete(), "event 4 onwards is all held");
    }

    @Test
    void noPositionMeansOnlyWhatComesNext() {
        EventHistory h = history(3);
        h.append(EventKind.SEMINAR, "e1", "{1}");
        List<Long> got = new ArrayList<>();
        EventHistory.Subscribed s = h.subscribe(Long.MAX_VALUE, ALL, e -> got.add(e.seq()));
        assertTrue(s.complete());
        assertTrue(s.backlog().isEmpty());
        h.append(EventKind.SEMINAR, "e2", "{2}");
        assertEquals(List.of(2L), got);
    }

    @Test
    void aListenerThatRefusesAnEventIsDroppedAndTheKindFilterApplies() {
        EventHistory h = history(10);
        List<Long> got = new ArrayList<>();
        h.subscribe(Long.MAX_VALUE, EnumSet.of(EventKind.COMPANY), e -> got.add(e.seq()) && got.size() < 2);
        h.append(EventKind.SEMINAR, "s", "{}");
        h.append(EventKind.COMPANY, "c1", "{}");
        h.append(EventKind.COMPANY, "c2", "{}");
        assertEquals(0, h.listeners(), "refused its second event: dropped");
        h.append(EventKind.COMPANY, "c3", "{}");
        assertEquals(List.of(2L, 3L), got);
    }
}
