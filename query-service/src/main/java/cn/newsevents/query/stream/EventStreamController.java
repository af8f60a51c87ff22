package cn.newsevents.query.stream;

import cn.newsevents.query.api.InvalidParameterException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /events/stream}: the events of {@code events.seminar} and {@code events.company} as Server-Sent
 * Events, for browsers and scripts (systems subscribe to the Kafka topics). Each event is named by its kind
 * ({@code seminar}, {@code company}), carries the published document as {@code data} and an {@code id} of the
 * form {@code <instance>-<number>}. A client that reconnects with {@code Last-Event-ID} receives the events after
 * that id that the instance still holds (the latest {@link StreamConfig#history()}), then live ones; when its id
 * is older than that, or from another instance or an earlier run, it first receives a {@code reset} event: some
 * events were missed and should be read from the HTTP API.
 *
 * <p>Slow clients: at most {@link StreamConfig#clientBuffer()} new events wait for one client (held events it
 * resumes from are read from the history as it takes them). When a client falls that far behind it gets no
 * more events; the stream ends once the waiting ones are written, and the client resumes with its last id like
 * after any disconnect.
 */
@Controller("/events")
@Requires(property = "query.stream.enabled", value = "true", defaultValue = "true")
public class EventStreamController {
    /** Distinguishes this run's numbering from any other instance's or run's. */
    private static final String INSTANCE = Long.toString(UUID.randomUUID().getMostSignificantBits() >>> 16, 36);

    private final EventHistory history;
    private final StreamConfig config;

    public EventStreamController(EventHistory history, StreamConfig config) {
        this.history = history;
        this.config = config;
    }

    @Operation(summary = "Live seminar and company events as Server-Sent Events, resumable with Last-Event-ID")
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(
            @Parameter(description = "seminar, company or both separated by a comma (default both)")
            @Nullable @QueryValue String type,
            @Parameter(hidden = true) @Nullable @Header("Last-Event-ID") String lastEventId) {
        Set<EventKind> kinds = kinds(type);
        Resume resume = Resume.of(lastEventId);
        // Deferred: the history is subscribed when the response is, so an abandoned request holds nothing.
        return Flux.defer(() -> open(kinds, resume));
    }

    private Flux<Event<String>> open(Set<EventKind> kinds, Resume resume) {
        Sinks.Many<StreamedEvent> sink = Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<StreamedEvent>get(Math.max(1, config.clientBuffer())).get());
        Sinks.Empty<Void> done = Sinks.empty();
        EventHistory.Listener listener = event -> {
            if (sink.tryEmitNext(event).isSuccess()) {
                return true;
            }
            // Full: the waiting events are still written, then the stream ends and the client resumes.
            sink.tryEmitComplete();
            return false;
        };
        // No id: only what comes next. An id of this run: what followed it. Any other id: everything held.
        long after = resume.absent() ? Long.MAX_VALUE : resume.sameInstance() ? resume.seq() : -1;
        EventHistory.Subscribed subscribed = history.subscribe(after, kinds, listener);
        boolean complete = subscribed.complete() && (resume.absent() || resume.sameInstance());
        // The held events are written as the client takes them; only live ones wait in its bounded queue.
        Flux<Event<String>> events = Flux.fromIterable(subscribed.backlog()).concatWith(sink.asFlux())
                .map(e -> Event.of(e.json()).name(e.kind().code()).id(INSTANCE + "-" + e.seq()))
                .doFinally(signal -> {
                    history.unsubscribe(listener);
                    done.tryEmitEmpty();
                });
        if (!complete) {
            events = Flux.just(Event.of("{}").name("reset")).concatWith(events);
        }
        Flux<Event<String>> heartbeat = Flux.interval(config.heartbeat())
                .map(n -> Event.of("").comment("keep-alive"));
        return events.mergeWith(heartbeat.takeUntilOther(done.asMono()));
    }

    private static Set<EventKind> kinds(String type) {
        if (type == null || type.isBlank()) {
            return EnumSet.allOf(EventKind.class);
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String code : type.split(",")) {
            kinds.add(EventKind.ofCode(code.strip()).orElseThrow(() -> new InvalidParameterException("type",
                    "The parameter 'type' must be seminar, company or both separated by a comma; '"
                            + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "' is not.")));
        }
        return kinds;
    }

    /** A Last-Event-ID as sent back by a client. */
    record Resume(String instance, long seq) {
        static Resume of(String header) {
            if (header == null || header.isBlank()) {
                return new Resume(null, -1);
            }
            int dash = header.lastIndexOf('-');
            try {
                return new Resume(header.substring(0, Math.max(dash, 0)), Long.parseLong(header.substring(dash + 1).strip()));
            } catch (NumberFormatException e) {
                // Not one of our ids: treated like an id of another instance.
                return new Resume("?", -1);
            }
        }

        boolean absent() {
            return instance == null;
        }

        boolean sameInstance() {
            return INSTANCE.equals(instance);
        }
    }
}
