package cn.newsevents.ingest.api;

import cn.newsevents.ingest.messaging.Json;
import cn.newsevents.ingest.messaging.KafkaClients;
import cn.newsevents.ingest.messaging.RawArticle;
import cn.newsevents.ingest.messaging.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes accepted articles to {@link Topics#ARTICLES_RAW} and returns only once the broker acknowledged
 * ({@code acks=all}). When the broker does not answer within the producer's bounded timeouts it throws a 503
 * {@link ProblemException} with Retry-After, so a request never hangs.
 */
@Singleton
public class ArticlePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final KafkaClients kafka;
    private final long waitMillis;
    private final Timer publishTimer;
    private final Counter unavailable;

    public ArticlePublisher(KafkaClients kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.waitMillis = kafka.settings().producerMaxBlock().toMillis()
                + kafka.settings().producerDeliveryTimeout().toMillis() + 1_000;
        this.publishTimer = Timer.builder("ingest.api.publish").description("Time until the broker acknowledged "
                + "an accepted article.").register(meters);
        this.unavailable = Counter.builder("ingest.api.broker.unavailable")
                .description("Submissions answered 503 because the broker did not acknowledge.").register(meters);
    }

    /** Publishes {@code article} keyed by its id; returns after the acknowledgement. */
    public void publish(RawArticle article) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ARTICLES_RAW,
                article.id().getBytes(StandardCharsets.UTF_8), Json.bytes(article));
        record.headers().add(Topics.CONTENT_TYPE, Topics.JSON.getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        try {
            kafka.producer().send(record).get(waitMillis, TimeUnit.MILLISECONDS);
            publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The article is larger than the message broker accepts: split it or shorten it."));
            }
            throw unavailable(e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw unavailable(e);
        }
    }

    private ProblemException unavailable(Throwable cause) {
        unavailable.increment();
        LOG.warn("Could not publish an article to {}: {}", Topics.ARTICLES_RAW, String.valueOf(cause));
        return new ProblemException(Problem.of(ProblemType.BROKER_UNAVAILABLE,
                "The article was not accepted because the message broker did not answer in time; "
                        + "retry after " + RETRY_AFTER_SECONDS + " seconds."), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
