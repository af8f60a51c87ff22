package cn.newsevents.query.seminar;

import cn.newsevents.contract.text.SimplifiedFolding;
import cn.newsevents.query.support.RunningService;
import cn.newsevents.query.support.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Free-text search ({@code q}, {@code organization}, company names) is served by the trigram indexes of migration
 * V8 once the table is large, for the ILIKE '%term%' statements as the query service writes them.
 */
class SearchIndexTest {
    private static final int ROWS = 20_000;
    /** The shape of the query service's q search (first page). */
    private static final String Q = "SELECT s.id, s.payload::text FROM seminars s WHERE TRUE"
            + " AND s.search_s ILIKE ? ESCAPE '\\'"
            + " ORDER BY s.seminar_date DESC NULLS LAST, s.ingested_at DESC, s.id DESC LIMIT 21";
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(store -> {
            try (Statement s = store.connection().createStatement()) {
                s.execute("INSERT INTO articles (id, content_hash, title, title_s, published_at, text, body_offset,"
                        + " ingested_at, processed_at) VALUES ('a-bulk', 'h', '标题', '标题', now(), '正文', 0,"
                        + " now(), now())");
                // Each row names a few invented three-character names: CJK characters picked by the row number.
                s.execute("INSERT INTO seminars (id, article_id, seminar_date, city, city_s, search_s, payload,"
                        + " confidence, extractor_version, ingested_at)"
                        + " SELECT 's-' || lpad(g::text, 8, '0'), 'a-bulk', date '2020-01-01' + (g % 1000),"
                        + "  '常州', '常州', '常州 座谈会 ' || chr(19968 + ((g::bigint * 7919) % 20000)::int)"
                        + "   || chr(19968 + ((g::bigint * 104729) % 20000)::int)"
                        + "   || chr(19968 + ((g::bigint * 1299709) % 20000)::int),"
                        + "  jsonb_build_object('id', 's-' || lpad(g::text, 8, '0'), 'articleId', 'a-bulk',"
                        + "   'city', '常州', 'participants', '[]'::jsonb),"
                        + "  0.9, '0.1.0', timestamptz '2024-06-01 00:00:00Z' + g * interval '1 second'"
                        + " FROM generate_series(1, " + ROWS + ") g");
                s.execute("ANALYZE seminars");
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** The first row from {@code g} on whose name folding leaves unchanged (the service folds q to simplified). */
    private static int simplifiedRow(int g) {
        while (!SimplifiedFolding.fold(name(g)).equals(name(g))) {
            g++;
        }
        return g;
    }

    private static String name(int g) {
        return new String(new char[]{(char) (19968 + (g * 7919L) % 20000), (char) (19968 + (g * 104729L) % 20000),
                (char) (19968 + (g * 1299709L) % 20000)});
    }

    @Test
    void aRareTermOfThreeCharactersIsLookedUpInTheTrigramIndex() throws SQLException {
        String plan = plan(Q, "%" + name(simplifiedRow(4242)) + "%");
        assertTrue(plan.contains("seminars_search_trgm_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void theSearchFindsTheRowThroughTheService() {
        int g = simplifiedRow(4242);
        Response r = service.get("/seminars?q=" + RunningService.enc(name(g)));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains(String.format("s-%08d", g)), r.body());
    }

    @Test
    void organisationAndCompanyColumnsHaveTrigramIndexes() throws SQLException {
        try (Connection c = service.adminConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(indexdef, E'\\n') FROM pg_indexes"
                     + " WHERE indexdef LIKE '%gin_trgm_ops%'")) {
            rs.next();
            String defs = rs.getString(1);
            assertTrue(defs.contains("seminar_participants USING gin (organization_s gin_trgm_ops)"), defs);
            assertTrue(defs.contains("company_events USING gin (company_s gin_trgm_ops)"), defs);
            assertTrue(defs.contains("seminars USING gin (search_s gin_trgm_ops)"), defs);
        }
    }

    private static String plan(String sql, String pattern) throws SQLException {
        try (Connection c = service.adminConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setString(1, pattern);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
