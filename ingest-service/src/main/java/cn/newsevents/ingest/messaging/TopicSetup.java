package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.Topics;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of {@link Topics#ALL} that do not exist yet, at startup and in the background: the service
 * starts (and answers 503 on writes) even while the broker is unreachable, and keeps trying until it succeeds.
 */
@Singleton
public class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final KafkaClients clients;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread worker;
    private volatile boolean stopping;

    public TopicSetup(KafkaClients clients) {
        this.clients = clients;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread t = new Thread(this::createUntilDone, "topic-setup");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits up to {@code millis} for the topics to exist; true when they do. */
    public boolean await(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    private void createUntilDone() {
        long backoff = 500;
        while (!stopping) {
            try {
                createMissing();
                done.countDown();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | RuntimeException e) {
                LOG.warn("Could not create the Kafka topics yet ({}); retrying in {} ms.", e.getMessage(), backoff);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    private void createMissing() throws InterruptedException, ExecutionException {
        KafkaSettings s = clients.settings();
        Admin admin = clients.newAdmin();
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(s.topicPartitions()), Optional.of(s.topicReplication())))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
                LOG.info("Created Kafka topics {}.", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } finally {
            // Bounded: a plain close() would wait for calls still pending against an unreachable broker.
            admin.close(Duration.ofSeconds(2));
        }
    }
}
