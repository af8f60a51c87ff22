package cn.newsevents.query.stream;

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
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading: once the socket buffers are full and its own queue of events is too, the service
 * stops feeding it, writes what was queued and ends its stream; the client then resumes with its last id and
 * loses nothing the service still holds.
 */
class SlowClientTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int EVENTS = 300;
    private static final String PAD = "填".repeat(10_000);

    @Test
    void aClientThatStopsReadingIsCutOffThenResumesWithoutLoss() throws Exception {
        TestKafka kafka = TestKafka.shared();
        createTopics(kafka.bootstrapServers());
        try (RunningService service = RunningService.start(store -> {
        }, Map.of("query.stream.enabled", true, "query.stream.bootstrap-servers", kafka.bootstrapServers(),
                "query.stream.history", EVENTS, "query.stream.client-buffer", 4));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576), new StringSerializer(), new StringSerializer());
             Socket slow = new Socket()) {
            await().atMost(WAIT).until(() -> service.bean(EventFeed.class).ready());
            EventHistory history = service.bean(EventHistory.class);
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("localhost", service.uri("/").getPort()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET /events/stream?type=seminar HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(WAIT).until(() -> history.listeners() == 1);

            // About 9 MB of events: far more than the socket buffers and the client's queue of 4 can hold.
            List<String> produced = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String json = "{\"id\":\"slow-" + i + "\",\"pad\":\"" + PAD + "\"}";
                producer.send(new ProducerRecord<>(EventKind.SEMINAR.topic(), "a-slow", json));
                produced.add("slow-" + i);
            }
            producer.flush();
            await("the slow client is cut off").atMost(WAIT).until(() -> history.listeners() == 0);
            await().atMost(WAIT).until(() -> history.held(e -> true).size() == EVENTS);

            // It reads what was queued for it; then its stream ends.
            List<String[]> received = readUntilEnd(slow.getInputStream());
            assertTrue(received.size() < EVENTS, "cut off before the end: " + received.size());
            String lastId = received.get(received.size() - 1)[0];
            List<String> ids = new ArrayList<>(received.stream().map(r -> r[1]).toList());
            assertEquals(produced.subList(0, ids.size()), ids, "what it got came in order, without gaps");

            try (SseClient resumed = SseClient.open(service.uri("/events/stream?type=seminar"), lastId)) {
                while (ids.size() < EVENTS) {
                    ids.add(eventId(resumed.next(WAIT).data()));
                }
            }
            assertEquals(produced, ids, "after resuming: every event once, in order");
        }
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
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
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private static String eventId(String json) {
        Matcher m = ID.matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    /** Reads a chunked HTTP response to its end; answers each event's SSE id and event id, in order. */
    private static List<String[]> readUntilEnd(InputStream in) throws IOException {
        String head = line(in);
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            chunked |= h.toLowerCase().startsWith("transfer-encoding: chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            in.transferTo(body);
        }
        List<String[]> events = new ArrayList<>();
        for (String block : body.toString(StandardCharsets.UTF_8).split("\n\n")) {
            String id = null;
            String data = null;
            for (String l : block.split("\n")) {
                if (l.startsWith("id:")) {
                    id = l.substring(3).strip();
                } else if (l.startsWith("data:")) {
                    data = l.substring(5).strip();
                }
            }
            if (id != null && data != null && !data.isEmpty()) {
                events.add(new String[] {id, eventId(data)});
            }
        }
        return events;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
