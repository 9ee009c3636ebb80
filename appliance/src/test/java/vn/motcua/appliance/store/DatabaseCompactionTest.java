package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks are never written over (REUSE_SPACE=FALSE), so the file grows between starts; a start compacts it. */
class DatabaseCompactionTest {
    @TempDir Path dir;

    @Test
    void aDatabaseGrownPastTheLimitIsCompactedAtStartWithEveryRowKept() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Connection c = Database.open(dir, clock).connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE pad(id INT PRIMARY KEY, v VARCHAR(4000))");
            for (int i = 0; i < 40; i++) {
                st.execute("INSERT INTO pad VALUES (" + i + ", '')");
            }
            c.commit();
            for (int round = 0; round < 60; round++) { // rewrites of the same rows: dead chunks pile up
                st.execute("UPDATE pad SET v = '" + Integer.toString(round).repeat(900) + "'");
                c.commit();
                st.execute("CHECKPOINT SYNC");
            }
            st.execute("SHUTDOWN");
        }
        long grown = Files.size(dir.resolve("motcua.mv.db"));
        Database.Opened reopened = Database.open(dir, clock, grown / 2);
        try (Connection c = reopened.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(v) FROM pad")) {
            rs.next();
            assertEquals(40, rs.getInt(1));
            assertEquals("59".repeat(900), rs.getString(2));
            assertTrue(reopened.movedAside().isEmpty());
        }
        long compacted = Files.size(dir.resolve("motcua.mv.db"));
        assertTrue(compacted < grown / 2, "compacted from " + grown + " to " + compacted + " bytes");
    }
}
