package cn.newsevents.localstack;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.localstack.database.DatabaseRoles;
import cn.newsevents.localstack.process.ServiceProcess;
import cn.newsevents.testkit.TestKafka;
import cn.newsevents.testkit.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged services as separate processes on a real broker and a real database: an article posted over HTTP
 * comes out as seminars on the query service and as events on Kafka.
 */
class PipelineEndToEndIT {
    private static final String API_KEY = "e2e-" + UUID.randomUUID();
    private static final String SEMINAR_TOPIC = Topics.EVENTS_SEMINAR;
    private static final Duration START = Duration.ofSeconds(180);

    private static ServiceProcess ingest;
    private static ServiceProcess query;
    private static String bootstrapServers;

    @BeforeAll
    static void startServices() throws Exception {
        bootstrapServers = TestKafka.shared().bootstrapServers();
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        url = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        DatabaseRoles roles = new DatabaseRoles(url.substring(url.lastIndexOf('/') + 1), "e2e_owner",
                "owner-" + UUID.randomUUID(), "e2e_reader", "reader-" + UUID.randomUUID());
        try (Connection admin = DriverManager.getConnection(url, pg.user(), pg.password())) {
            roles.provisionCluster(admin);
            roles.provisionDatabase(admin);
        }
        Path logs = Path.of("target/e2e-logs");
        ingest = ServiceProcess.start("ingest-service", RepoFiles.packaged("ingest-service/target/ingest-service.jar"),
                Ports.anyFree(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                        "DATASOURCES_DEFAULT_URL", url,
                        "DATASOURCES_DEFAULT_USERNAME", roles.owner(),
                        "DATASOURCES_DEFAULT_PASSWORD", roles.ownerPassword(),
                        "INGEST_API_KEYS", API_KEY + ":write",
                        "INGEST_API_ENABLED", "true",
                        "INGEST_PROCESSOR_ENABLED", "true"),
                logs.resolve("ingest-service.log"));
        query = ServiceProcess.start("query-service", RepoFiles.packaged("query-service/target/query-service.jar"),
                Ports.anyFree(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                        "DATASOURCES_DEFAULT_URL", url,
                        "DATASOURCES_DEFAULT_USERNAME", roles.reader(),
                        "DATASOURCES_DEFAULT_PASSWORD", roles.readerPassword()),
                logs.resolve("query-service.log"));
        ingest.awaitHealthy(START);
        query.awaitHealthy(START);
    }

    @AfterAll
    static void stopServices() {
        // Before the shared broker and database stop at JVM exit, so the services do not spend their
        // shutdown reconnecting.
        for (ServiceProcess s : new ServiceProcess[] {query, ingest}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void postedSeedArticleShowsItsFourSeminarsNewestFirstAndPublishesFourSeminarEvents() throws Exception {
        try (KafkaConsumer<String, String> consumer = seminarConsumer()) {
            HttpResponse<String> posted = Http.postArticle(ingest.baseUri(), API_KEY, RepoFiles.seed());
            assertEquals(202, posted.statusCode(), posted.body());
            String articleId = Http.JSON.readTree(posted.body()).path("id").asText();
            assertTrue(articleId.startsWith("a-"), posted.body());

            List<JsonNode> seminars = await("the four seminars of the seed on GET /seminars/latest")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> Http.latestSeminarsOf(query.baseUri(), articleId), items -> items.size() >= 4);
            assertEquals(List.of("2024-05-06", "2024-04-26", "2024-04-18", "2024-04-09"),
                    Http.field(seminars, "date"), "seminar dates, newest first");

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await("four records of the seed on " + SEMINAR_TOPIC).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                            if (articleId.equals(r.key())) {
                                records.add(r);
                            }
                        });
                        return records.size() >= 4;
                    });
            assertEquals(4, records.size(), "records of the seed article on " + SEMINAR_TOPIC);
            Set<String> eventIds = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                eventIds.add(header(r, Topics.CE_ID));
                assertEquals(articleId, Http.JSON.readTree(r.value()).path("articleId").asText());
            }
            assertEquals(new HashSet<>(Http.field(seminars, "id")), eventIds,
                    "the events on Kafka are the seminars the query service serves");
        }
    }

    private static KafkaConsumer<String, String> seminarConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(SEMINAR_TOPIC));
        return consumer;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
