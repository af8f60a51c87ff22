package cn.newsevents.ingest.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Kafka connection and topic settings ({@code ingest.kafka.*}).
 *
 * @param bootstrapServers     broker list, {@code host:port,...}
 * @param topicPartitions      partitions of topics created at startup
 * @param topicReplication     replication factor of topics created at startup
 * @param producerMaxBlock     longest a send may wait for metadata or buffer space before failing
 * @param producerDeliveryTimeout longest a send may take until acknowledged or failed
 */
@ConfigurationProperties("ingest.kafka")
public record KafkaSettings(String bootstrapServers, int topicPartitions, short topicReplication,
                            Duration producerMaxBlock, Duration producerDeliveryTimeout) {
}
