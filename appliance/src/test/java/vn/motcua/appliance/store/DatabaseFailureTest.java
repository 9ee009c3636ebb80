package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.bus.MutableClock;

/**
 * H2 failing to write (a full disk: its MVStore fails, then closes itself) while the journal, preallocated, still
 * takes records: commits go on durable in the journal alone, nothing reads the failed H2, the journal is not
 * restarted, and reopening writes every one of those commits into a fresh H2, as a start would.
 */
class DatabaseFailureTest {
    private final OfficeLayout office = TestOffices.small();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));

    @Test
    void commitsGoOnIntoTheJournalAloneAndReopeningWritesThemIntoAFreshDatabase(@TempDir Path dir) throws Exception {
        Connection h2 = Database.open(dir, clock).connection();
        StoreCondition condition = new StoreCondition(clock);
        QueueStore store = open(h2, dir, condition);
        QueueEngine live = QueueEngine.fresh(office, clock);
        store.commit(live.openCounter(1, "lan"));
        store.commit(live.issueTicket("ho-tich", Priority.NORMAL, null));
        store.commit(live.issueTicket("ho-tich", Priority.NORMAL, null));

        h2.close(); // as H2 is after its file write failed
        clock.advance(Duration.ofSeconds(30));
        store.commit(live.callNext(1));
        store.commit(live.finish(1));
        assertTrue(condition.databaseFailed());
        assertThrows(StoreException.class, store::pendingCount, "the failed database is not read");
        assertThrows(SQLException.class, store::checkpoint, "the journal holds the only copy: it must not restart");

        store.reopen(() -> Database.reopen(dir));
        condition.recovered();
        assertEquals(store.lastSeq(), store.pendingCount(), "every event, those of the journal-only commits too");
        assertEquals(live.snapshot(), new QueueEngine(office, clock, store.loadSnapshot(live.day())).snapshot());
        store.commit(live.callNext(1)); // and it writes again
        long lastSeq = store.lastSeq();
        store.close();
        try (QueueStore reopened = StoreFixture.open(dir, clock)) {
            assertEquals(lastSeq, reopened.lastSeq());
            assertEquals(live.snapshot(), new QueueEngine(office, clock, reopened.loadSnapshot(live.day())).snapshot());
        }
    }

    @Test
    void aReopenThatFailsLeavesTheStoreTakingCommitsIntoTheJournal(@TempDir Path dir) throws Exception {
        Connection h2 = Database.open(dir, clock).connection();
        StoreCondition condition = new StoreCondition(clock);
        QueueStore store = open(h2, dir, condition);
        QueueEngine live = QueueEngine.fresh(office, clock);
        store.commit(live.openCounter(1, "lan"));
        h2.close();
        store.commit(live.issueTicket("ho-tich", Priority.NORMAL, null));
        assertThrows(SQLException.class, () -> store.reopen(() -> {
            throw new SQLException("No space left on device");
        }));
        store.commit(live.callNext(1));
        store.reopen(() -> Database.reopen(dir));
        assertEquals(live.snapshot(), new QueueEngine(office, clock, store.loadSnapshot(live.day())).snapshot());
        store.close();
    }

    private QueueStore open(Connection h2, Path dir, StoreCondition condition) throws Exception {
        return new QueueStore(h2, new EventStamper("test-device", clock, "boot-1", () -> true), Watermarks.load(dir),
                CommitJournal.open(dir, 256 * 1024), condition);
    }
}
