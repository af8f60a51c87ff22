package cn.newsevents.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The free-text search of {@code GET /seminars?q=} as the table grows: for each size, tops the {@code seminars}
 * table up with {@link SeminarLoader}, then times the query service's statement (first page, {@code search_s
 * ILIKE '%term%'}, newest first) for terms sampled from the stored rows, with the trigram index of migration V8
 * and without it (dropped inside a transaction that is rolled back). Terms of three or more characters are what
 * the index serves; two-character terms have no trigram and are measured apart. Latencies are the database's
 * (JDBC round trip on loopback), not HTTP's: the statement is the part that grows with the table. Sessions plan
 * each execution for its pattern ({@code plan_cache_mode = force_custom_plan}, as the query service's pool does):
 * a cached generic plan, chosen after a few executions of the prepared statement, would use the trigram index
 * for every pattern, and for a two-character term that means reading the whole index ({@code --plan-cache-mode
 * auto} shows it).
 *
 * <pre>
 * SearchBench --jdbc-url URL [--jdbc-user U] [--jdbc-password P] [--sizes 100000,1000000] [--queries 200]
 *             [--out bench-results/search.json] [--plan-cache-mode force_custom_plan|auto]
 * </pre>
 */
public final class SearchBench {
    /** The statement of the query service's first page of {@code /seminars?q=} (SeminarRepository). */
    static final String STATEMENT = "SELECT s.id, s.seminar_date, s.ingested_at, s.payload::text FROM seminars s"
            + " WHERE TRUE AND s.search_s ILIKE ? ESCAPE '\\'"
            + " ORDER BY s.seminar_date DESC NULLS LAST, s.ingested_at DESC, s.id DESC LIMIT 21";
    private static final String INDEX = "seminars_search_trgm_idx";
    private static final int WARMUP = 20;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--jdbc-user", "newsevents", "--jdbc-password", "",
                "--sizes", "100000,1000000", "--queries", "200", "--out", "bench-results/search.json",
                "--plan-cache-mode", "force_custom_plan"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--jdbc-url")) {
            System.err.println("Usage: SearchBench --jdbc-url jdbc:postgresql://HOST:PORT/DB [--jdbc-user U] "
                    + "[--jdbc-password P] [--sizes 100000,1000000] [--queries 200] [--out FILE] "
                    + "[--plan-cache-mode force_custom_plan|auto]");
            System.exit(2);
        }
        String url = o.get("--jdbc-url");
        String user = o.get("--jdbc-user");
        String password = o.get("--jdbc-password");
        int queries = Integer.parseInt(o.get("--queries"));
        SeminarLoader loader = new SeminarLoader(url, user, password);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String size : o.get("--sizes").split(",")) {
            int target = Integer.parseInt(size.strip());
            long before = loader.seminarCount();
            long started = System.nanoTime();
            if (before < target) {
                loader.load((int) (target - before), "search-" + target + "-" + Long.toHexString(System.nanoTime()));
            }
            long rows = loader.seminarCount();
            System.out.printf("search: %,d seminars (loaded %,d in %.0f s)%n", rows, rows - before,
                    (System.nanoTime() - started) / 1e9);
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                // As the query service's sessions (its pool's options): a plan per pattern, see below.
                try (Statement s = c.createStatement()) {
                    s.execute("SET plan_cache_mode = " + o.get("--plan-cache-mode").replaceAll("[^a-z_]", ""));
                }
                List<String> terms = terms(c, queries, 3);
                List<String> pairs = terms(c, queries, 2);
                String prefix = "search." + target + ".";
                figures.put(prefix + "rows", rows);
                double[] with = time(c, terms);
                double[] pairsWith = time(c, pairs);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX " + INDEX);
                }
                double[] without = time(c, terms);
                double[] pairsWithout = time(c, pairs);
                c.rollback();
                c.setAutoCommit(true);
                record(figures, prefix + "indexed", with);
                record(figures, prefix + "scan", without);
                record(figures, prefix + "twoCharTerms.indexed", pairsWith);
                record(figures, prefix + "twoCharTerms.scan", pairsWithout);
                figures.put(prefix + "p99RatioScanToIndexed", round(without[1] / with[1]));
                figures.put(prefix + "twoCharTerms.p99RatioScanToIndexed", round(pairsWithout[1] / pairsWith[1]));
                System.out.printf("search: %,d seminars, %d terms of 3 chars: p50/p99 %.2f/%.2f ms with the index,"
                                + " %.2f/%.2f ms without (p99 ratio %.2f); %d terms of 2 chars: %.2f/%.2f ms with,"
                                + " %.2f/%.2f ms without (p99 ratio %.2f)%n", rows, terms.size(), with[0], with[1],
                        without[0], without[1], without[1] / with[1], pairs.size(), pairsWith[0], pairsWith[1],
                        pairsWithout[0], pairsWithout[1], pairsWithout[1] / pairsWith[1]);
            }
        }
        Path out = Path.of(o.get("--out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("search: wrote " + out);
    }

    /**
     * Up to {@code n} search terms of {@code length} characters, cut from words of stored search texts (names,
     * organisations, focus words), so that each finds something, most only a few rows.
     */
    private static List<String> terms(Connection c, int n, int length) throws SQLException {
        List<String> terms = new ArrayList<>();
        Random random = new Random(17L * length);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT search_s FROM seminars TABLESAMPLE SYSTEM (1) LIMIT " + 4 * n)) {
            while (rs.next() && terms.size() < n) {
                String[] words = Arrays.stream(rs.getString(1).split("\\s+"))
                        .filter(w -> w.codePointCount(0, w.length()) >= length && w.length() == w.codePointCount(0,
                                w.length()))
                        .toArray(String[]::new);
                if (words.length > 0) {
                    String w = words[random.nextInt(words.length)];
                    int at = random.nextInt(w.length() - length + 1);
                    terms.add(w.substring(at, at + length));
                }
            }
        }
        return terms;
    }

    /** p50 and p99 in ms of the statement over {@code terms}, after a warm-up on the first of them. */
    private static double[] time(Connection c, List<String> terms) throws SQLException {
        long[] nanos = new long[terms.size()];
        try (PreparedStatement ps = c.prepareStatement(STATEMENT)) {
            for (int i = 0; i < Math.min(WARMUP, terms.size()); i++) {
                run(ps, terms.get(i));
            }
            for (int i = 0; i < terms.size(); i++) {
                long t0 = System.nanoTime();
                run(ps, terms.get(i));
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return new double[]{nanos[(int) Math.floor(0.5 * (nanos.length - 1))] / 1e6,
                nanos[(int) Math.ceil(0.99 * (nanos.length - 1))] / 1e6};
    }

    private static void run(PreparedStatement ps, String term) throws SQLException {
        ps.setString(1, "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getString(4);
            }
        }
    }

    private static void record(Map<String, Object> figures, String name, double[] p) {
        figures.put(name + ".p50Ms", round(p[0]));
        figures.put(name + ".p99Ms", round(p[1]));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
