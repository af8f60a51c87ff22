package cn.newsevents.query.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan PostgreSQL chooses for a repository statement ({@code :name} parameters) with given values, prepared
 * on the server as the driver prepares it and executed under a {@code plan_cache_mode}.
 */
public final class Plans {
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    private Plans() {
    }

    /**
     * EXPLAIN of {@code sql} with {@code literals} (parameter name to an SQL literal such as {@code NULL} or
     * {@code '2024-01-01'}) under {@code planCacheMode} (force_custom_plan or force_generic_plan).
     */
    public static String explain(Connection c, String sql, Map<String, String> literals, String planCacheMode)
            throws SQLException {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            int n = numbers.computeIfAbsent(m.group(1), k -> numbers.size() + 1);
            m.appendReplacement(positional, "\\$" + n);
        }
        m.appendTail(positional);
        List<String> args = new ArrayList<>();
        for (String name : numbers.keySet()) {
            String literal = literals.get(name);
            if (literal == null) {
                throw new IllegalArgumentException("No value for the parameter '" + name + "'.");
            }
            args.add(literal);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = " + planCacheMode);
            s.execute("PREPARE planned AS " + positional);
            try {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE planned(" + String.join(", ", args) + ")")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                s.execute("DEALLOCATE planned");
            }
        }
    }
}
