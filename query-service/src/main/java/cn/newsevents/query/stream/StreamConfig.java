package cn.newsevents.query.stream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The live event stream. {@code enabled} (env {@code QUERY_STREAM_ENABLED}) switches the Kafka consumer and
 * {@code /events/stream} on; {@code bootstrapServers} (env {@code KAFKA_BOOTSTRAP_SERVERS}) names the brokers;
 * {@code history} is how many of the latest events the instance holds for clients resuming with
 * {@code Last-Event-ID}; {@code clientBuffer} is how many events may wait for one client before it is cut off;
 * {@code heartbeat} is the period of the comment lines that keep idle connections open through proxies.
 */
@ConfigurationProperties("query.stream")
public record StreamConfig(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
                           @Bindable(defaultValue = "1000") int history,
                           @Bindable(defaultValue = "1000") int clientBuffer,
                           @Bindable(defaultValue = "15s") Duration heartbeat) {
}
