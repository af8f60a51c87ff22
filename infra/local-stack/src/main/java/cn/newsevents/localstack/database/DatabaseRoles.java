package cn.newsevents.localstack.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The database of the pipeline and its two login roles: the owner, which the ingest service uses to run its
 * migrations and write, and a reader for the query service that may SELECT every table the owner creates, now or
 * later, and nothing else. Provisioning is idempotent: running it again only resets the passwords.
 *
 * @param database       the database name
 * @param owner          the role that owns the database and its {@code public} schema
 * @param ownerPassword  its password
 * @param reader         the read-only role
 * @param readerPassword its password
 */
public record DatabaseRoles(String database, String owner, String ownerPassword, String reader,
                            String readerPassword) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The names the local stack uses. */
    public static DatabaseRoles localDefaults() {
        return new DatabaseRoles("newsevents", "newsevents", "newsevents", "newsevents_reader", "newsevents_reader");
    }

    public DatabaseRoles {
        for (String name : new String[] {database, owner, reader}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Database and role names must be lower-case SQL identifiers; '"
                        + name + "' is not.");
            }
        }
    }

    /** Creates (or updates) the roles and the database, then grants the reader its rights. */
    public void provision(PostgresServer server) throws SQLException {
        try (Connection admin = server.adminConnection("postgres")) {
            provisionCluster(admin);
        }
        try (Connection admin = server.adminConnection(database)) {
            provisionDatabase(admin);
        }
    }

    /**
     * First half of {@link #provision}, for a server the caller connects to: roles, and the database if missing.
     * {@code admin} is a superuser connection to any database of the cluster.
     */
    public void provisionCluster(Connection admin) throws SQLException {
        upsertRole(admin, owner, ownerPassword);
        upsertRole(admin, reader, readerPassword);
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement s = admin.createStatement()) {
            if (!exists) {
                s.execute("CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8'");
            } else {
                s.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
            }
            s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + owner);
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + reader);
        }
    }

    /**
     * Second half of {@link #provision}: {@code admin} is a superuser connection to the database itself. The owner
     * gets the {@code public} schema (PostgreSQL 14 gives it to the superuser and lets everyone create in it), the
     * reader gets SELECT on what exists and, through default privileges, on whatever the owner creates later.
     */
    public void provisionDatabase(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + reader);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT SELECT ON TABLES TO "
                    + reader);
        }
    }

    private static void upsertRole(Connection admin, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        String literal = "'" + password.replace("'", "''") + "'";
        try (Statement s = admin.createStatement()) {
            s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + literal);
        }
    }
}
