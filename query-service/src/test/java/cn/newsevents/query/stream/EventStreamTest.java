package cn.newsevents.query.stream;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.query.support.RunningService.Response;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /events/stream} fed by a real Kafka broker: events produced on the event topics reach a client, and a
 * client that reconnects with {@code Last-Event-ID} gets exactly the events it missed.
 */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static RunningService service;
    private static KafkaProducer<String, String> producer;
    private static int counter;

    @BeforeAll
    static void start() throws Exception {
        TestKafka kafka = TestKafka.shared();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (EventKind kind : EventKind.values()) {
                try {
                    admin.createTopics(List.of(new NewTopic(kind.topic(), 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        service = RunningService.start(store -> {
        }, Map.of("query.stream.enabled", true, "query.stream.bootstrap-servers", kafka.bootstrapServers(),
                "query.stream.history", 50, "query.stream.heartbeat", "1s"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        await().atMost(WAIT).until(() -> service.bean(EventFeed.class).ready());
    }

    @AfterAll
    static void stop() {
        service.close();
        producer.close();
    }

    @Test
    void reconnectingWithLastEventIdDeliversExactlyTheMissedEvents() throws Exception {
        EventHistory history = service.bean(EventHistory.class);
        List<String> before = new ArrayList<>();
        String lastId;
        try (SseClient client = SseClient.open(service.uri("/events/stream"), null)) {
            await().atMost(WAIT).until(() -> history.listeners() == 1);
            before.add(produce(EventKind.SEMINAR, "a-1"));
            before.add(produce(EventKind.COMPANY, "a-1"));
            before.add(produce(EventKind.SEMINAR, "a-2"));
            List<String> received = new ArrayList<>();
            SseClient.SseEvent e = null;
            for (int i = 0; i < before.size(); i++) {
                e = client.next(WAIT);
                received.add(e.data());
            }
            // Kafka orders events per partition only; across the two topics the arrival order may differ.
            assertEquals(sorted(before), sorted(received), "the live events, each once");
            lastId = e.id();
        }
        await().atMost(WAIT).until(() -> history.listeners() == 0);

        long held = history.lastSeq();
        List<String> missed = List.of(produce(EventKind.COMPANY, "a-3"), produce(EventKind.SEMINAR, "a-3"),
                produce(EventKind.SEMINAR, "a-3"));
        await().atMost(WAIT).until(() -> history.lastSeq() == held + missed.size());

        try (SseClient client = SseClient.open(service.uri("/events/stream"), lastId)) {
            List<String> resumed = new ArrayList<>();
            long previous = Long.parseLong(lastId.substring(lastId.lastIndexOf('-') + 1));
            for (int i = 0; i < missed.size(); i++) {
                SseClient.SseEvent e = client.next(WAIT);
                resumed.add(e.data());
                assertTrue(e.data().contains("\"kind\":\"" + e.name() + "\""), e.name() + " " + e.data());
                long seq = Long.parseLong(e.id().substring(e.id().lastIndexOf('-') + 1));
                assertTrue(seq > previous, "ids grow: " + e.id() + " after " + previous);
                previous = seq;
            }
            assertEquals(sorted(missed), sorted(resumed), "exactly the events produced while disconnected");
            // Nothing repeated after them: the next event is the next one produced.
            String after = produce(EventKind.SEMINAR, "a-4");
            assertEquals(after, client.next(WAIT).data());
        }
    }

    @Test
    void theTypeFilterPassesOnlyTheNamedKind() throws Exception {
        EventHistory history = service.bean(EventHistory.class);
        int listening = history.listeners();
        try (SseClient client = SseClient.open(service.uri("/events/stream?type=company"), null)) {
            await().atMost(WAIT).until(() -> history.listeners() == listening + 1);
            produce(EventKind.SEMINAR, "b-1");
            String company = produce(EventKind.COMPANY, "b-2");
            SseClient.SseEvent e = client.next(WAIT);
            assertEquals("company", e.name());
            assertEquals(company, e.data());
        }
    }

    @Test
    void anIdOfAnotherRunStartsWithAResetAndEverythingHeld() throws Exception {
        String produced = produce(EventKind.SEMINAR, "c-1");
        EventHistory history = service.bean(EventHistory.class);
        await().atMost(WAIT).until(() -> history.held(e -> e.json().equals(produced)).size() == 1);
        try (SseClient client = SseClient.open(service.uri("/events/stream?type=seminar"), "zz-12")) {
            assertEquals("reset", client.next(WAIT).name());
            List<String> replayed = new ArrayList<>();
            int heldSeminars = history.held(e -> e.kind() == EventKind.SEMINAR).size();
            for (int i = 0; i < heldSeminars; i++) {
                replayed.add(client.next(WAIT).data());
            }
            assertTrue(replayed.contains(produced), replayed.toString());
        }
    }

    @Test
    void anUnknownTypeIsAProblemNamingTheParameter() {
        Response r = service.get("/events/stream?type=weather", "text/event-stream");
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("type", r.json().get("field").asText());
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    /** Sends an event document as the outbox relay does (key and ce_subject the article id) and returns it. */
    private static String produce(EventKind kind, String articleId) throws Exception {
        String id = kind.code().charAt(0) + "-" + (++counter);
        String json = "{\"id\":\"" + id + "\",\"articleId\":\"" + articleId + "\",\"kind\":\"" + kind.code()
                + "\",\"name\":\"第" + counter + "场座谈会\"}";
        ProducerRecord<String, String> r = new ProducerRecord<>(kind.topic(), articleId, json);
        r.headers().add(Topics.CE_ID, id.getBytes(StandardCharsets.UTF_8));
        r.headers().add(Topics.CE_SUBJECT, articleId.getBytes(StandardCharsets.UTF_8));
        producer.send(r).get();
        return json;
    }
}
