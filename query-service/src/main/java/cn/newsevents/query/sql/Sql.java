package cn.newsevents.query.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement under construction: SQL text with {@code ?} placeholders and the values bound to them, appended
 * together so that a value can never end up inside the text.
 */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    public static Sql of(String fragment, Object... values) {
        return new Sql().append(fragment, values);
    }

    /** Appends {@code fragment}; {@code values} bind its placeholders in order. */
    public Sql append(String fragment, Object... values) {
        long placeholders = fragment.chars().filter(c -> c == '?').count();
        if (placeholders != values.length) {
            throw new IllegalArgumentException("The fragment '" + fragment + "' has " + placeholders
                    + " placeholders but " + values.length + " values were given.");
        }
        text.append(fragment);
        this.values.addAll(List.of(values));
        return this;
    }

    public String text() {
        return text.toString();
    }

    /** Binds the values to {@code statement}, prepared from {@link #text()}. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            int index = i + 1;
            if (v instanceof String s) {
                statement.setString(index, s);
            } else if (v instanceof Integer n) {
                statement.setInt(index, n);
            } else if (v instanceof LocalDate d) {
                statement.setObject(index, d);
            } else if (v instanceof Instant t) {
                statement.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else {
                throw new IllegalArgumentException("No binding for a value of " + v.getClass() + ".");
            }
        }
    }
}
