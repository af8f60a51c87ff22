package cn.newsevents.query.sql;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs read-only {@link Sql} statements on the pool and maps their rows. */
@Singleton
public class Rows {
    private final DataSource dataSource;

    public Rows(DataSource dataSource) {
        // Each read is one autocommit statement on its own pooled connection: no transaction or contextual
        // connection to bind, so the pool is used directly rather than through the contextual proxy.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Maps one result row; reads the current row only. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** All rows of {@code sql}, mapped. */
    public <T> List<T> list(Sql sql, Mapper<T> mapper) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
    }

    /** The first row of {@code sql}, mapped, if there is one. */
    public <T> Optional<T> first(Sql sql, Mapper<T> mapper) {
        List<T> all = list(sql, mapper);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** A failed statement; answered with 500 without its text. */
    public static final class QueryFailedException extends RuntimeException {
        QueryFailedException(SQLException cause) {
            super("A database query failed: " + cause.getMessage(), cause);
        }
    }
}
