package cn.newsevents.localstack;

import cn.newsevents.localstack.database.DatabaseRoles;
import cn.newsevents.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseRolesTest {
    private static final TestPostgres PG = TestPostgres.shared();

    @Test
    void readerSelectsTablesTheOwnerCreatesLaterButCannotWriteOrCreate() throws SQLException {
        String url = withoutParameters(PG.newDatabase());
        String database = url.substring(url.lastIndexOf('/') + 1);
        DatabaseRoles roles = new DatabaseRoles(database, "roles_owner", "owner secret", "roles_reader",
                "reader's secret");
        try (Connection admin = DriverManager.getConnection(url, PG.user(), PG.password())) {
            roles.provisionCluster(admin);
            roles.provisionDatabase(admin);
            // Provisioning twice (every start of the stack does) changes nothing.
            roles.provisionCluster(admin);
            roles.provisionDatabase(admin);
        }
        try (Connection owner = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword());
             Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)");
            s.execute("INSERT INTO notes VALUES (1, 'kept')");
        }
        try (Connection reader = DriverManager.getConnection(url, roles.reader(), roles.readerPassword());
             Statement s = reader.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT body FROM notes")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
            }
            SQLException insert = assertThrows(SQLException.class, () -> s.execute("INSERT INTO notes VALUES (2, 'x')"));
            assertEquals("42501", insert.getSQLState(), insert.getMessage());
            SQLException create = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE mine (id int)"));
            assertEquals("42501", create.getSQLState(), create.getMessage());
        }
    }

    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
