package cn.newsevents.contract.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic identifiers: the same input always gives the same id, so redelivery and re-posting are idempotent. */
public final class Ids {
    private Ids() {
    }

    /** An article id: from the url when there is one, else from headline, publication date and body. */
    public static String articleId(String url, String title, String publishedAtIso, String body) {
        if (url != null && !url.isBlank()) {
            return "a-" + sha256("url\u0000" + url.strip()).substring(0, 32);
        }
        return "a-" + sha256("content\u0000" + nz(title).strip() + "\u0000" + nz(publishedAtIso) + "\u0000"
                + nz(body).strip()).substring(0, 32);
    }

    /** An event id derived from its article and the parts that make the event itself (kind, date, company...). */
    public static String eventId(String articleId, String kind, Object... parts) {
        StringBuilder sb = new StringBuilder(articleId).append('\u0000').append(kind);
        for (Object p : parts) {
            sb.append('\u0000').append(p == null ? "" : p.toString());
        }
        return kind.charAt(0) + "-" + sha256(sb.toString()).substring(0, 32);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code s}. */
    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform.", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
