package cn.newsevents.query.stream;

import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The latest {@link StreamConfig#history()} events this instance received, numbered in arrival order, and the
 * clients listening for more. Appending an event and subscribing take one lock, so a subscriber gets every held
 * event after its position and then every new one, each exactly once and in order.
 */
@Singleton
public class EventHistory {
    /** Receives events; {@code offer} answers false when the listener can take no more (it is then dropped). */
    public interface Listener {
        boolean offer(StreamedEvent event);
    }

    private record Subscription(Listener listener, Set<EventKind> kinds) {
    }

    private final int capacity;
    private final ArrayDeque<StreamedEvent> held;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private long lastSeq;

    public EventHistory(StreamConfig config) {
        this.capacity = Math.max(1, config.history());
        this.held = new ArrayDeque<>(capacity);
    }

    /** Numbers and holds an event, and hands it to the listeners that want its kind. */
    public synchronized StreamedEvent append(EventKind kind, String eventId, String json) {
        StreamedEvent event = new StreamedEvent(++lastSeq, kind, eventId, json);
        if (held.size() == capacity) {
            held.removeFirst();
        }
        held.addLast(event);
        for (Subscription s : subscriptions) {
            if (s.kinds().contains(kind) && !s.listener().offer(event)) {
                subscriptions.remove(s);
            }
        }
        return event;
    }

    /**
     * What a new subscriber gets: the held events after its position, to be written before anything the listener
     * receives, and whether they are all it missed ({@code complete} false: some were already dropped).
     */
    public record Subscribed(List<StreamedEvent> backlog, boolean complete) {
    }

    /**
     * Registers {@code listener} for every new event of {@code kinds} and answers the held events of those kinds
     * numbered after {@code afterSeq} (all held events when negative, none when {@link Long#MAX_VALUE}). Both
     * happen under the lock that appends, so backlog then listener see each event exactly once. The backlog is
     * handed over as a list, not offered to the listener, so a long catch-up does not count against the
     * listener's own bound.
     */
    public synchronized Subscribed subscribe(long afterSeq, Set<EventKind> kinds, Listener listener) {
        boolean complete = afterSeq < 0 || held.isEmpty() || afterSeq >= held.getFirst().seq() - 1;
        List<StreamedEvent> backlog = new ArrayList<>();
        for (StreamedEvent e : held) {
            if (e.seq() > afterSeq && kinds.contains(e.kind())) {
                backlog.add(e);
            }
        }
        subscriptions.add(new Subscription(listener, Set.copyOf(kinds)));
        return new Subscribed(backlog, complete);
    }

    public void unsubscribe(Listener listener) {
        subscriptions.removeIf(s -> s.listener() == listener);
    }

    /** The held events matching {@code filter}, oldest first. */
    public synchronized List<StreamedEvent> held(Predicate<StreamedEvent> filter) {
        List<StreamedEvent> out = new ArrayList<>();
        for (Iterator<StreamedEvent> it = held.iterator(); it.hasNext(); ) {
            StreamedEvent e = it.next();
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public int listeners() {
        return subscriptions.size();
    }
}
