package cn.newsevents.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL holds of one scenario's articles, compared with what the API acknowledged and what the extractor
 * finds in each text.
 *
 * <ul>
 *   <li>{@code stored}: articles of the scenario present in {@code articles} (a 503 may still have reached the
 *       broker, so this can exceed the acknowledged count);</li>
 *   <li>{@code duplicates}: rows beyond one per article url, revisions beyond the first (an article stored twice),
 *       seminars or company events beyond what the extractor gives for the text (what reached the topics is
 *       {@link PublishedEvents});</li>
 *   <li>{@code lost}: acknowledged ids with no stored article;</li>
 *   <li>{@code incomplete}: stored articles with fewer events than the extractor gives, or stored under another id
 *       than the one acknowledged.</li>
 * </ul>
 */
record StoredTally(int acknowledged, int stored, int duplicates, int lost, List<String> incomplete) {
    private static final String QUERY = """
            WITH a AS (SELECT id, url, revision FROM articles WHERE url LIKE ?),
                 s AS (SELECT article_id, count(*) AS n FROM seminars
                        WHERE article_id IN (SELECT id FROM a) GROUP BY article_id),
                 c AS (SELECT article_id, count(*) AS n FROM company_events
                        WHERE article_id IN (SELECT id FROM a) GROUP BY article_id)
            SELECT a.id, a.url, a.revision, coalesce(s.n, 0), coalesce(c.n, 0)
              FROM a LEFT JOIN s ON s.article_id = a.id LEFT JOIN c ON c.article_id = a.id""";

    /** Counts over a superuser (or owner) connection to the pipeline's database. */
    static StoredTally of(Connection db, FaultArticles articles, Map<Integer, String> acknowledged,
                          List<FaultArticles.Expected> expected) throws SQLException {
        Map<String, Integer> rowsPerUrl = new HashMap<>();
        Map<String, String> idByUrl = new HashMap<>();
        int duplicates = 0;
        List<String> incomplete = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(QUERY)) {
            ps.setString(1, articles.urlPrefix() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String url = rs.getString(2);
                    int n = Integer.parseInt(url.substring(articles.urlPrefix().length()));
                    FaultArticles.Expected want = expected.get(n);
                    int seminars = rs.getInt(4);
                    int companyEvents = rs.getInt(5);
                    rowsPerUrl.merge(url, 1, Integer::sum);
                    idByUrl.put(url, id);
                    duplicates += rs.getInt(3) - 1;
                    duplicates += Math.max(0, seminars - want.seminars());
                    duplicates += Math.max(0, companyEvents - want.companyEvents());
                    if (seminars < want.seminars() || companyEvents < want.companyEvents()) {
                        incomplete.add(id + " (article " + n + ": " + seminars + " seminars, " + companyEvents
                                + " company events; the extractor gives " + want + ")");
                    }
                }
            }
        }
        for (int rows : rowsPerUrl.values()) {
            duplicates += rows - 1;
        }
        int lost = 0;
        for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
            String stored = idByUrl.get(articles.url(ack.getKey()));
            if (stored == null) {
                lost++;
            } else if (!stored.equals(ack.getValue())) {
                incomplete.add(ack.getValue() + " was acknowledged for article " + ack.getKey() + " but " + stored
                        + " is stored");
            }
        }
        return new StoredTally(acknowledged.size(), idByUrl.size(), duplicates, lost, List.copyOf(incomplete));
    }

    /** Whether everything acknowledged is stored with all its events. */
    boolean complete() {
        return lost == 0 && incomplete.isEmpty();
    }

    /** {@code faults: SCENARIO acknowledged=N stored=N duplicates=N lost=N}. */
    String line(String scenario) {
        return "faults: " + scenario + " acknowledged=" + acknowledged + " stored=" + stored + " duplicates="
                + duplicates + " lost=" + lost;
    }
}
