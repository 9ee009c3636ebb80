package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;

/**
 * V8's index on the outbox's event type (and time): a store written at V7, with its events, migrates to V8 when opened
 * again, keeps every event, and the start-up read of one type within a window (the satellites' press keys) is served
 * by the index instead of a scan of the whole outbox.
 */
class OutboxTypeIndexTest {
    private static final String TYPE = "satellite.ticket";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-04T01:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aStoreOfV7MigratesKeepingItsEventsAndTheReadByTypeUsesTheIndex() throws Exception {
        Database.Opened v7 = Database.open(dir, clock);
        try (QueueStore store = store(v7)) {
            store.append(TYPE, Map.of("key", "old")); // before the window
            clock.advance(Duration.ofHours(40));
            store.append("device.fault", Map.of("device", "printer"));
            store.append(TYPE, Map.of("key", "a"));
            store.append(TYPE, Map.of("key", "b"));
            // the store as V7 left it: no index, version 7
            Connection c = v7.connection();
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX outbox_type_time");
                st.execute("UPDATE schema_version SET version = 7");
            }
            c.commit();
            assertEquals(List.of(), indexes(c));
        }

        Database.Opened v8 = Database.open(dir, clock); // opened again: V8 applied
        try (QueueStore store = store(v8)) {
            Connection c = v8.connection();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
                rs.next();
                assertEquals(8, rs.getInt(1));
            }
            assertEquals(List.of("OUTBOX_TYPE_TIME"), indexes(c));
            assertEquals(4, store.rangeFrom(1, 100).size(), "every event kept");
            List<OutboxEvent> recent = store.eventsOfTypeSince(TYPE, clock.instant().minus(Duration.ofHours(36)));
            assertEquals(List.of("{\"key\":\"a\"}", "{\"key\":\"b\"}"), recent.stream().map(OutboxEvent::payloadJson).toList());
            assertTrue(recent.get(0).seq() < recent.get(1).seq(), "oldest first");
            String plan = plan(c, "SELECT seq FROM outbox WHERE event_type = '" + TYPE + "' AND wall_time >= TIMESTAMP"
                    + " WITH TIME ZONE '2026-11-04 00:00:00+00' ORDER BY seq");
            assertTrue(plan.contains("OUTBOX_TYPE_TIME"), "the read by type is served by the index: " + plan);
        }
    }

    private QueueStore store(Database.Opened db) throws Exception {
        return new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot-1", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    private static List<String> indexes(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT index_name FROM"
                + " information_schema.indexes WHERE table_name = 'OUTBOX' AND index_type_name <> 'PRIMARY KEY'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            c.commit();
            return names;
        }
    }

    private static String plan(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            rs.next();
            String p = rs.getString(1);
            c.commit();
            return p;
        }
    }
}
