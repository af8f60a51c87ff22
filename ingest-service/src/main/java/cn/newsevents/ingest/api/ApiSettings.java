package cn.newsevents.ingest.api;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * HTTP API settings ({@code ingest.api.*}).
 *
 * @param enabled      whether this instance serves {@code POST /articles}
 * @param maxBodyBytes largest accepted request body; larger ones get 413
 */
@ConfigurationProperties("ingest.api")
public record ApiSettings(boolean enabled, int maxBodyBytes) {
}
