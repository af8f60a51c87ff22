package cn.newsevents.contract.messaging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Kafka client properties of a service's security settings, shared by every client of both services: nothing for
 * plaintext (or no protocol), else the protocol, the SASL mechanism (SCRAM-SHA-512 unless named) and, with a user
 * name, the JAAS line of the mechanism's login module.
 */
public final class KafkaSecurity {
    private KafkaSecurity() {
    }

    public static Map<String, Object> properties(String protocol, String mechanism, String username, String password) {
        Map<String, Object> c = new HashMap<>();
        if (protocol == null || protocol.isBlank() || protocol.strip().equalsIgnoreCase("PLAINTEXT")) {
            return c;
        }
        c.put("security.protocol", protocol.strip().toUpperCase(Locale.ROOT));
        String m = mechanism == null || mechanism.isBlank() ? "SCRAM-SHA-512" : mechanism.strip().toUpperCase(Locale.ROOT);
        c.put("sasl.mechanism", m);
        if (username != null && !username.isBlank()) {
            String module = m.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            c.put("sasl.jaas.config", module + " required username=\"" + jaasQuoted(username.strip())
                    + "\" password=\"" + jaasQuoted(password == null ? "" : password) + "\";");
        }
        return c;
    }

    private static String jaasQuoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
