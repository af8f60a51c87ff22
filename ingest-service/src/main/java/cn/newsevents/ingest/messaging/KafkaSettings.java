package cn.newsevents.ingest.messaging;

import cn.newsevents.contract.messaging.KafkaSecurity;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
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

    /** The client properties of the security settings ({@link KafkaSecurity}). */
    public Map<String, Object> securityProperties() {
        return KafkaSecurity.properties(securityProtocol, saslMechanism, saslUsername, saslPassword);
    }

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", saslUsername=" + saslUsername + "]";
    }
}
