package cn.newsevents.ingest.api;

import java.net.URI;
import java.util.Locale;

/**
 * The one spelling of an article's url from which its id is derived, so that spellings of the same address
 * become one article. Rules, applied to an absolute http(s) url that {@link URI} parses:
 * <ul>
 *   <li>scheme and host in lower case;</li>
 *   <li>the scheme's default port (80 for http, 443 for https) dropped;</li>
 *   <li>the fragment ({@code #...}) dropped;</li>
 *   <li>trailing slashes of a path other than the root dropped; an empty path becomes {@code /};</li>
 *   <li>everything else as written: user info, path case and percent-escapes, the query string (order, case,
 *       an empty {@code ?}).</li>
 * </ul>
 * Normalising a normalised url gives it back unchanged.
 */
public final class UrlNormaliser {
    private UrlNormaliser() {
    }

    /** The normalised spelling of {@code uri}, which must be absolute with a scheme and a host. */
    public static String normalise(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            sb.append(uri.getRawUserInfo()).append('@');
        }
        sb.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            sb.append(':').append(port);
        }
        String path = uri.getRawPath();
        int end = path == null ? 0 : path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        sb.append(end == 0 ? "/" : path, 0, Math.max(end, 1));
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        return sb.toString();
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
