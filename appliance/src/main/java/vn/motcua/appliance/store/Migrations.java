package vn.motcua.appliance.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code db/V<n>__<name>.sql} on the classpath, applied in order, each in
 * its own transaction together with the bump of {@code schema_version} to its {@code n}. Hand-written because the
 * whole job is a dozen lines; Flyway would add a large dependency and start-up time on a Pi. The version is read from
 * the file's name; the list must stay in increasing order without gaps once released.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, in order. Append only; never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__queue_and_outbox.sql", "V2__dossier_cache.sql",
            "V3__keypad_cursor.sql", "V4__office_history.sql", "V5__bookings.sql",
            "V6__booking_figures.sql", "V7__paired_screens.sql", "V8__outbox_type_index.sql");

    /** The version a script brings the schema to: its file name's number. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** The newest version this software knows. */
    static int latest() {
        return version(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    private Migrations() {}

    static int apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latest()) {
            throw new SQLException("database schema version " + current + " is newer than this software ("
                    + latest() + "): refusing to run an older appliance on it");
        }
        int previous = 0;
        for (String name : SCRIPTS) {
            int v = version(name);
            if (v <= previous) {
                throw new IllegalStateException("migration " + name + " is out of order");
            }
            previous = v;
            if (v <= current) {
                continue;
            }
            String script = read(name);
            try (Statement st = c.createStatement()) {
                for (String sql : script.split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                st.execute("DELETE FROM schema_version");
                st.execute("INSERT INTO schema_version VALUES (" + v + ")");
            }
            c.commit();
            log.info("Database schema migrated to version {}", v);
        }
        return latest();
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(String name) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + name)) {
            if (in == null) {
                throw new SQLException("migration " + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }
}
