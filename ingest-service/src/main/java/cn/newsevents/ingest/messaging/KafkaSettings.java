package cn.newsevents.ingest.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka connection and topic settings ({@code ingest.kafka.*}).
 *
 * @param bootstrapServers     broker list, {@code host:port,...}
 * @param topicPartitions      partitions of topics created at startup
 * @param topicReplication     replication factor of topics created at startup
 * @param producerMaxBlock     longest a send may wait for metadata or buffer space before failing
 * @param producerDeliveryTimeout longest a send may take until acknowledged or failed
 * @param maxPollBytes         bound on the decompressed bytes of the records one consumer poll holds; the records
 *                             per poll are capped so that as many of the largest records ({@link RecordLimits}) fit
 * @param securityProtocol     {@code PLAINTEXT} (the default), {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism        {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}; used with a SASL protocol
 * @param saslUsername         the SASL user of every client of this service
 * @param saslPassword         its password
 */
@ConfigurationProperties("ingest.kafka")
public record KafkaSettings(String bootstrapServers, int topicPartitions, short topicReplication,
                            Duration producerMaxBlock, Duration producerDeliveryTimeout,
                            @Bindable(defaultValue = "268435456") long maxPollBytes,
                            @Nullable String securityProtocol, @Nullable String saslMechanism,
                            @Nullable String saslUsername, @Nullable String saslPassword) {

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
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", saslUsername=" + saslUsername + "]";
    }
}
