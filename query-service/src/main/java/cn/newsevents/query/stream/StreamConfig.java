package cn.newsevents.query.stream;

import cn.newsevents.contract.messaging.KafkaSecurity;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * The live event stream. {@code enabled} (env {@code QUERY_STREAM_ENABLED}) switches the Kafka consumer and
 * {@code /events/stream} on; {@code bootstrapServers} (env {@code KAFKA_BOOTSTRAP_SERVERS}) names the brokers;
 * {@code history} is how many of the latest events the instance holds for clients resuming with
 * {@code Last-Event-ID}; {@code clientBuffer} is how many events may wait for one client before it is cut off;
 * {@code heartbeat} is the period of the comment lines that keep idle connections open through proxies.
 * {@code securityProtocol} ({@code PLAINTEXT}, {@code SASL_PLAINTEXT}, {@code SASL_SSL}), {@code saslMechanism},
 * {@code saslUsername} and {@code saslPassword} (env {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}) are the
 * consumer's credentials on a broker that authenticates clients.
 */
@ConfigurationProperties("query.stream")
public record StreamConfig(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
                           @Bindable(defaultValue = "1000") int history,
                           @Bindable(defaultValue = "1000") int clientBuffer,
                           @Bindable(defaultValue = "15s") Duration heartbeat,
                           @Nullable String securityProtocol,
                           @Nullable String saslMechanism,
                           @Nullable String saslUsername,
                           @Nullable String saslPassword) {

    /** The client properties of the security settings ({@link KafkaSecurity}). */
    public Map<String, Object> securityProperties() {
        return KafkaSecurity.properties(securityProtocol, saslMechanism, saslUsername, saslPassword);
    }

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "StreamConfig[enabled=" + enabled + ", bootstrapServers=" + bootstrapServers + ", securityProtocol="
                + securityProtocol + ", saslUsername=" + saslUsername + "]";
    }
}
