package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.devices.KeypadCursor;

/** A keypad press's cursor is as durable as the command it caused: after a power cut, and after a lost database. */
class KeypadCursorStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final QueueEngine engine = QueueEngine.fresh(TestOffices.small(), clock);

    @Test
    void theCursorIsCommittedWithItsCommandAndTheLatestPerBoardWins(@TempDir Path dir) throws Exception {
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            store.commit(engine.openCounter(1, "lan"), new KeypadCursor(1, 300, 4), List.of());
            store.commit(engine.openCounter(2, "minh"), new KeypadCursor(2, 17, 255), List.of());
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null)); // the kiosk: no cursor
            store.commit(engine.callNext(1), new KeypadCursor(1, 300, 5), List.of());
            assertEquals(List.of(new KeypadCursor(1, 300, 5), new KeypadCursor(2, 17, 255)), store.keypadCursors());
        }
    }

    @Test
    void aPowerCutBeforeH2WroteItsPagesKeepsTheCursor(@TempDir Path dir, @TempDir Path afterCrash) throws Exception {
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            store.commit(engine.openCounter(1, "lan"), new KeypadCursor(1, 300, 4), List.of());
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            store.commit(engine.callNext(1), new KeypadCursor(1, 300, 5), List.of());
            // What a power cut leaves: H2 still holds the last pages in memory (write delay), the journal has them.
            for (String f : List.of("motcua.mv.db", "motcua.journal")) {
                Files.copy(dir.resolve(f), afterCrash.resolve(f));
            }
        }
        try (QueueStore recovered = StoreFixture.open(afterCrash, clock)) {
            assertEquals(List.of(new KeypadCursor(1, 300, 5)), recovered.keypadCursors());
        }
    }

    @Test
    void aDatabaseRebuiltFromTheJournalBaseRecordKeepsTheCursor(@TempDir Path dir) throws Exception {
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            store.knowServices(List.of("ho-tich", "dat-dai"));
            store.commit(engine.openCounter(1, "lan"), new KeypadCursor(1, 300, 4), List.of());
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            store.checkpoint(); // the journal restarts from a base record, which must carry the cursor
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            Files.copy(dir.resolve("motcua.journal"), dir.resolve("journal.at-crash"));
        }
        Files.move(dir.resolve("journal.at-crash"), dir.resolve("motcua.journal"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(dir.resolve("motcua.mv.db"), new byte[8192]); // the database is lost
        Database.Opened reopened = Database.open(dir, clock);
        assertTrue(reopened.movedAside().isPresent());
        try (QueueStore store = new QueueStore(reopened.connection(),
                new EventStamper("test-device", clock, "boot-2", () -> true), Watermarks.load(dir),
                CommitJournal.open(dir, 256 * 1024))) {
            assertEquals(List.of(new KeypadCursor(1, 300, 4)), store.keypadCursors());
        }
    }

    @Test
    void aCursorOutOfTheBusRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeypadCursor(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new KeypadCursor(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new KeypadCursor(1, 1, 256));
    }
}
