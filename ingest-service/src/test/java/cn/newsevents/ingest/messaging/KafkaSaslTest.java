package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.support.IngestApp;
import cn.newsevents.testkit.TestKafka;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against a broker that authenticates (SASL/SCRAM-SHA-512) and authorises (ACLs): the ACL set of
 * README's "Kafka with authentication" is enough for the API and the processor, a wrong password is refused, and
 * a user without WRITE on articles.raw cannot produce to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSaslTest {
    private static final String INGEST_USER = "newsevents-ingest";
    private static final String INGEST_PASSWORD = "ingest-" + UUID.randomUUID();
    private static final String READER_USER = "raw-reader";
    private static final String READER_PASSWORD = "reader-" + UUID.randomUUID();
    private TestKafka kafka;

    @BeforeAll
    void start() throws Exception {
        kafka = TestKafka.startSecured();
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
            admin.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion(INGEST_USER, scram, INGEST_PASSWORD),
                    new UserScramCredentialUpsertion(READER_USER, scram, READER_PASSWORD))).all().get();
            // The ingest service: everything on its topics (create, describe, read, write), its consumer groups.
            String ingest = "User:" + INGEST_USER;
            admin.createAcls(List.of(
                    allow(ResourceType.TOPIC, "articles.", ingest, AclOperation.ALL),
                    allow(ResourceType.TOPIC, "events.", ingest, AclOperation.ALL),
                    allow(ResourceType.GROUP, "newsevents-", ingest, AclOperation.READ),
                    // Read-only on articles.raw: may consume, must not produce.
                    allow(ResourceType.TOPIC, Topics.ARTICLES_RAW, "User:" + READER_USER, AclOperation.READ),
                    allow(ResourceType.TOPIC, Topics.ARTICLES_RAW, "User:" + READER_USER, AclOperation.DESCRIBE)))
                    .all().get();
        }
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation op) {
        PatternType pattern = name.endsWith(".") || name.endsWith("-") ? PatternType.PREFIXED : PatternType.LITERAL;
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    /** The properties a deployment sets (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* in the environment). */
    private Map<String, Object> sasl(String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("ingest.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("ingest.kafka.security-protocol", "SASL_PLAINTEXT");
        p.put("ingest.kafka.sasl-mechanism", "SCRAM-SHA-512");
        p.put("ingest.kafka.sasl-username", user);
        p.put("ingest.kafka.sasl-password", password);
        return p;
    }

    private KafkaClients clients(String user, String password) {
        return new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), 3, (short) 1, Duration.ofSeconds(3),
                Duration.ofSeconds(5), 1L << 28, "SASL_PLAINTEXT", "SCRAM-SHA-512", user, password));
    }

    @Test
    void apiAndProcessorProduceAndConsumeWithTheConfiguredScramCredentials() throws Exception {
        Map<String, Object> p = sasl(INGEST_USER, INGEST_PASSWORD);
        p.put("ingest.processor.group-id", "newsevents-processor-" + UUID.randomUUID());
        p.put(IngestApp.KEEP_GROUP_OFFSETS, true);
        try (IngestApp app = IngestApp.start(p)) {
            String json = new ObjectMapper().writeValueAsString(Map.of(
                    "url", "https://news.example/" + UUID.randomUUID(), "title", "常州召开座谈会",
                    "publishedAt", "2024-05-07T16:43:38+08:00", "source", "测试日报",
                    "body", "5月6日下午，常州市委书记主持召开专题座谈会，听取意见建议。"));
            HttpResponse<String> r = app.postJson(json);
            assertEquals(202, r.statusCode(), r.body());
            String id = new ObjectMapper().readTree(r.body()).get("id").asText();
            // Stored: the processor consumed articles.raw through SASL; the API produced it.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> app.count("SELECT count(*) FROM articles WHERE id = ?", id) == 1);
            long seminars = app.count("SELECT count(*) FROM seminars WHERE article_id = ?", id);
            assertTrue(seminars >= 1, "the article's seminar was not extracted");
            // Published: the relay's producer wrote the events through SASL too.
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(id) >= seminars);
        }
    }

    private int eventsFor(String id) {
        Map<String, Object> c = new HashMap<>(kafka.adminProperties());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.EVENTS_SEMINAR, Duration.ofSeconds(10))
                    .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int found = 0;
            for (int i = 0; i < 5; i++) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8))
                            && r.headers().lastHeader(Topics.CE_ID) != null
                            && new String(r.headers().lastHeader(Topics.CE_TYPE).value(), StandardCharsets.UTF_8)
                            .equals(Topics.SEMINAR_EVENT_TYPE)) {
                        found++;
                    }
                }
            }
            return found;
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        KafkaClients wrong = clients(INGEST_USER, "not-the-password");
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> wrong.producer()
                    .send(new ProducerRecord<>(Topics.ARTICLES_RAW, "k".getBytes(StandardCharsets.UTF_8),
                            "{}".getBytes(StandardCharsets.UTF_8))).get());
            assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
        } finally {
            wrong.close();
        }
    }

    @Test
    void aUserWithoutWriteOnArticlesRawCannotProduce() throws Exception {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            if (!admin.listTopics().names().get().contains(Topics.ARTICLES_RAW)) {
                admin.createTopics(List.of(new NewTopic(Topics.ARTICLES_RAW, 3,
                        (short) 1))).all().get();
            }
        }
        KafkaClients reader = clients(READER_USER, READER_PASSWORD);
        try {
            Exception e = assertThrows(Exception.class, () -> reader.producer()
                    .send(new ProducerRecord<>(Topics.ARTICLES_RAW, "k".getBytes(StandardCharsets.UTF_8),
                            "{}".getBytes(StandardCharsets.UTF_8))).get());
            // Refused on the topic (TopicAuthorizationException) or, for its idempotent producer id, on the cluster:
            // through the send's future, or by send() itself when the refused producer id came back first.
            assertTrue(e instanceof ExecutionException || e instanceof KafkaException, e.toString());
            assertInstanceOf(AuthorizationException.class, e.getCause(), e.toString());
        } finally {
            reader.close();
        }
    }
}
