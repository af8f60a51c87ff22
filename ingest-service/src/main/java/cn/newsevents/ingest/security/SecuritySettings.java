package cn.newsevents.ingest.security;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * API key settings ({@code ingest.security.*}).
 *
 * @param apiKeys            {@code key:permission[+permission],...}, e.g. {@code k1:write,k2:read}; empty means
 *                           no key is valid and every write is refused
 * @param rateLimitBurst     requests a key may make at once (token bucket capacity)
 * @param rateLimitPerSecond sustained requests per second per key (token refill rate)
 */
@ConfigurationProperties("ingest.security")
public record SecuritySettings(String apiKeys, int rateLimitBurst, double rateLimitPerSecond) {
}
