package dev.outlay.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zero-setup path: a real server in the data dir, the service role provisioned, data kept across restarts. */
class EmbeddedDatabaseTest {

    @Test
    void startsProvisionsAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path pgDir = dir.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.AppRole.NAME, EmbeddedDatabase.AppRole.PASSWORD);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "service role must not be superuser");
                assertFalse(rs.getBoolean(2), "service role must not bypass RLS");
            }
            st.execute("CREATE TABLE kept (v int)");
            st.execute("INSERT INTO kept VALUES (42)");
        }
        assertTrue(Files.isRegularFile(pgDir.resolve("PG_VERSION")));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.AppRole.NAME, EmbeddedDatabase.AppRole.PASSWORD);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }
}
