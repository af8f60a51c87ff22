package cn.newsevents.ingest.security;

import cn.newsevents.contract.event.Ids;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys this instance accepts, read from {@code ingest.security.api-keys} ({@code INGEST_API_KEYS}):
 * {@code key:permission[+permission]} entries separated by commas. Keys are held only as SHA-256 digests and
 * compared in constant time.
 */
@Singleton
public class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** An accepted key: its digest (also the rate-limit identity) and permissions. */
    public record ApiKey(String digest, Set<Permission> permissions) {
        public boolean may(Permission p) {
            return permissions.contains(p);
        }
    }

    private final Map<String, ApiKey> byDigest;

    public ApiKeys(SecuritySettings settings) {
        this.byDigest = parse(settings.apiKeys());
        if (byDigest.isEmpty()) {
            LOG.warn("No API keys are configured (INGEST_API_KEYS): every write request will be refused with 401.");
        }
    }

    static Map<String, ApiKey> parse(String spec) {
        Map<String, ApiKey> keys = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return keys;
        }
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("API key entry without permissions: write each entry as "
                        + "key:write, key:read or key:read+write.");
            }
            String key = entry.substring(0, colon).strip();
            EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (String p : entry.substring(colon + 1).split("\\+")) {
                permissions.add(Permission.parse(p));
            }
            String digest = Ids.sha256(key);
            keys.put(digest, new ApiKey(digest, Set.copyOf(permissions)));
        }
        return Map.copyOf(keys);
    }

    /** The key presented as {@code Authorization: Bearer KEY}, when it is one of ours. */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        String digest = Ids.sha256(presented);
        byte[] digestBytes = digest.getBytes(StandardCharsets.US_ASCII);
        ApiKey found = null;
        for (ApiKey k : byDigest.values()) {
            if (MessageDigest.isEqual(k.digest().getBytes(StandardCharsets.US_ASCII), digestBytes)) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }
}
