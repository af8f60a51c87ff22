package cn.newsevents.query.stream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
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

    /** The client properties of the security settings: nothing for plaintext, else protocol, mechanism and JAAS. */
    public Map<String, Object> securityProperties() {
        Map<String, Object> c = new HashMap<>();
        if (securityProtocol == null || securityProtocol.isBlank()
                || securityProtocol.strip().equalsIgnoreCase("PLAINTEXT")) {
            return c;
        }
        c.put("security.protocol", securityProtocol.strip().toUpperCase(Locale.ROOT));
        String mechanism = saslMechanism == null || saslMechanism.isBlank() ? "SCRAM-SHA-512"
                : saslMechanism.strip().toUpperCase(Locale.ROOT);
        c.put("sasl.mechanism", mechanism);
        if (saslUsername != null && !saslUsername.isBlank()) {
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            c.put("sasl.jaas.config", module + " required username=\"" + jaasQuoted(saslUsername.strip())
                    + "\" password=\"" + jaasQuoted(saslPassword == null ? "" : saslPassword) + "\";");
        }
        return c;
    }

    private static String jaasQuoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "StreamConfig[enabled=" + enabled + ", bootstrapServers=" + bootstrapServers + ", securityProtocol="
                + securityProtocol + ", saslUsername=" + saslUsername + "]";
    }
}
