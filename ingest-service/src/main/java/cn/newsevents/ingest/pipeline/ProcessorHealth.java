package cn.newsevents.ingest.pipeline;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * {@code /health} detail {@code articleProcessor}: DOWN when the consumer thread is not running, UP otherwise,
 * with {@code paused: true} while a database outage holds consumption back (still UP: nothing is lost) and the
 * number of {@code articles.raw} partitions this instance consumes.
 */
@Singleton
@Requires(property = "ingest.processor.enabled", notEquals = "false")
public class ProcessorHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final ArticleProcessor processor;

    public ProcessorHealth(ArticleProcessor processor) {
        this.processor = processor;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = processor.running() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("running", processor.running(), "paused", processor.paused(),
                "partitions", processor.assignedPartitions());
    }

    @Override
    protected String getName() {
        return "articleProcessor";
    }
}
