package cn.newsevents.ingest.api;

import cn.newsevents.contract.messaging.Json;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.contract.messaging.Topics;
import cn.newsevents.ingest.messaging.KafkaClients;
import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemException;
import cn.newsevents.web.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Publishes accepted articles to {@link Topics#ARTICLES_RAW} ({@code acks=all}) without holding a thread while
 * the broker works: {@link #publish} returns a stage that completes when the broker acknowledged, or fails with a
 * {@link ProblemException} (503 with Retry-After when the broker does not answer within the producer's bounded
 * timeouts, 413 when the record is larger than the broker accepts), so a request never hangs.
 *
 * <p>The producer's {@code send} runs on one thread of its own: it returns at once while the producer knows the
 * topic's partitions, but may wait up to {@code max.block.ms} for them when the broker is down, and that wait must
 * not stall the HTTP event loop.
 */
@Singleton
public class ArticlePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final KafkaClients kafka;
    private final long waitMillis;
    private final Timer publishTimer;
    private final Counter unavailable;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "article-sender");
        t.setDaemon(true);
        return t;
    });

    public ArticlePublisher(KafkaClients kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.waitMillis = kafka.settings().producerMaxBlock().toMillis()
                + kafka.settings().producerDeliveryTimeout().toMillis() + 1_000;
        this.publishTimer = Timer.builder("ingest.api.publish").description("Time until the broker acknowledged "
                + "an accepted article.").register(meters);
        this.unavailable = Counter.builder("ingest.api.broker.unavailable")
                .description("Submissions answered 503 because the broker did not acknowledge.").register(meters);
    }

    /** Publishes {@code article} keyed by its id; the stage completes after the acknowledgement. */
    public CompletableFuture<Void> publish(RawArticle article) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ARTICLES_RAW,
                article.id().getBytes(StandardCharsets.UTF_8), Json.bytes(article));
        record.headers().add(Topics.CONTENT_TYPE, Topics.JSON.getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            sender.execute(() -> send(record, acknowledged));
        } catch (RejectedExecutionException e) {
            acknowledged.completeExceptionally(e);
        }
        // orTimeout returns the same stage, completed directly: a failure arrives unwrapped.
        return acknowledged.orTimeout(waitMillis, TimeUnit.MILLISECONDS).handle((ok, failure) -> {
            if (failure != null) {
                throw new CompletionException(problem(failure));
            }
            publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return null;
        });
    }

    private void send(ProducerRecord<byte[], byte[]> record, CompletableFuture<Void> acknowledged) {
        try {
            kafka.producer().send(record, (metadata, e) -> {
                if (e == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(e);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            acknowledged.completeExceptionally(e);
        }
    }

    private ProblemException problem(Throwable cause) {
        if (cause instanceof RecordTooLargeException) {
            return new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The article is larger than the message broker accepts: split it or shorten it."));
        }
        unavailable.increment();
        LOG.warn("Could not publish an article to {}: {}", Topics.ARTICLES_RAW, String.valueOf(cause));
        return new ProblemException(Problem.of(ProblemType.BROKER_UNAVAILABLE,
                "The article was not accepted because the message broker did not answer in time; "
                        + "retry after " + RETRY_AFTER_SECONDS + " seconds."), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    /** Stops taking articles; sends already handed to the producer complete or time out on their own. */
    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
