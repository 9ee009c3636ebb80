package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueSnapshot;

class QueueStoreTest {
    private final OfficeLayout office = TestOffices.small();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z")); // 08:00 in Hà Nội

    /** The day's work, as clerks and residents would do it, ending across the daily reset. */
    private List<Function<QueueEngine, CommandResult>> aDay() {
        List<Function<QueueEngine, CommandResult>> cmds = new ArrayList<>();
        cmds.add(e -> e.openCounter(1, "lan"));
        cmds.add(e -> e.openCounter(2, "minh"));
        cmds.add(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        cmds.add(e -> e.issueTicket("dat-dai", Priority.NORMAL, "hmac-abc"));
        cmds.add(e -> e.issueTicket("ho-tich", Priority.ELDERLY, null));
        cmds.add(e -> e.callNext(1));
        cmds.add(e -> e.startService(1));
        cmds.add(e -> e.callNext(2));
        cmds.add(e -> e.skip(2));
        cmds.add(e -> e.recallNoShow(2, "B001"));
        cmds.add(e -> e.park(2));
        cmds.add(e -> e.finish(1));
        cmds.add(e -> e.rate(1, 2));
        cmds.add(e -> e.callNext(1));
        cmds.add(e -> e.transferToService(1, "dat-dai"));
        cmds.add(e -> e.callParked(2, "B001"));
        cmds.add(e -> e.finish(2));
        cmds.add(e -> e.callNext(2));
        cmds.add(e -> e.recall(2));
        cmds.add(e -> e.pauseCounter(1));
        cmds.add(QueueEngine::tick);
        return cmds;
    }

    @Test
    void reopeningTheStoreBetweenAnyTwoCommandsGivesTheSameState(@TempDir Path dir) throws Exception {
        QueueEngine live = QueueEngine.fresh(office, clock);
        List<Function<QueueEngine, CommandResult>> day = aDay();
        QueueStore store = StoreFixture.open(dir, clock);
        for (Function<QueueEngine, CommandResult> cmd : day) {
            clock.advance(Duration.ofSeconds(40));
            store.commit(cmd.apply(live));
            store.close();
            store = StoreFixture.open(dir, clock);
            QueueSnapshot reloaded = store.loadSnapshot(live.day());
            assertEquals(live.snapshot(), normalised(reloaded), "state after reopen");
            // and the reloaded engine goes on exactly like the live one
            QueueEngine resumed = new QueueEngine(office, clock, reloaded);
            assertEquals(live.snapshot(), resumed.snapshot());
        }
        store.close();
    }

    /** Counters never touched are not stored; the engine fills them in as closed. */
    private QueueSnapshot normalised(QueueSnapshot reloaded) {
        return new QueueEngine(office, clock, reloaded).snapshot();
    }

    @Test
    void aCrashBeforeH2WroteItsPagesLosesNothingTheJournalHas(@TempDir Path dir, @TempDir Path afterCrash)
            throws Exception {
        QueueEngine live = QueueEngine.fresh(office, clock);
        QueueStore store = StoreFixture.open(dir, clock);
        for (Function<QueueEngine, CommandResult> cmd : aDay()) {
            clock.advance(Duration.ofSeconds(20));
            store.commit(cmd.apply(live));
        }
        // What a power cut leaves: the files as they are on disk now, H2 still holding pages in memory.
        for (String f : List.of("motcua.mv.db", "motcua.journal")) {
            Files.copy(dir.resolve(f), afterCrash.resolve(f));
        }
        long lastSeq = store.lastSeq();
        store.close();
        try (QueueStore recovered = StoreFixture.open(afterCrash, clock)) {
            assertEquals(lastSeq, recovered.lastSeq());
            assertEquals(lastSeq, recovered.pendingCount());
            QueueEngine resumed = new QueueEngine(office, clock, recovered.loadSnapshot(live.day()));
            assertEquals(live.snapshot(), resumed.snapshot());
        }
    }

    @Test
    void eachCommandsEventsGetGaplessSequenceNumbersAndUniqueIds(@TempDir Path dir) throws Exception {
        QueueEngine engine = QueueEngine.fresh(office, clock);
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            int expected = 0;
            for (Function<QueueEngine, CommandResult> cmd : aDay()) {
                clock.advance(Duration.ofSeconds(30));
                CommandResult r = cmd.apply(engine);
                List<OutboxEvent> written = store.commit(r);
                assertEquals(r.events().size(), written.size());
                for (int i = 0; i < written.size(); i++) {
                    assertEquals(r.events().get(i).type(), written.get(i).type());
                    assertEquals(++expected, written.get(i).seq());
                }
            }
            List<OutboxEvent> all = store.pendingAfter(0, 10_000);
            assertEquals(expected, all.size());
            Set<String> ids = new HashSet<>();
            all.forEach(e -> assertTrue(ids.add(e.eventId())));
            assertEquals("test-device", all.getFirst().deviceId());
            assertTrue(all.getFirst().payloadJson().contains("\"ticketId\"") || all.getFirst().type().startsWith("counter"));
        }
    }

    @Test
    void deliveredEventsLeaveThePendingListAndArePrunedButSequenceNeverRestarts(@TempDir Path dir) throws Exception {
        QueueEngine engine = QueueEngine.fresh(office, clock);
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            for (int i = 0; i < 5; i++) {
                store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            }
            assertEquals(5, store.pendingCount());
            store.markDelivered(List.of(1L, 2L, 3L, 4L, 5L));
            assertEquals(0, store.pendingCount());
            assertTrue(store.oldestPendingWallTime().isEmpty());
            clock.advance(Duration.ofDays(31));
            assertEquals(5, store.pruneDeliveredBefore(clock.instant().minus(Duration.ofDays(30))));
        }
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            assertEquals(5, store.lastSeq());
            OutboxEvent next = store.append("device.fault", java.util.Map.of("device", "printer"));
            assertEquals(6, next.seq());
        }
    }

    @Test
    void aDatabaseThatWillNotOpenIsMovedAsideAndNumberingNeverGoesBack(@TempDir Path dir) throws Exception {
        QueueEngine engine = QueueEngine.fresh(office, clock);
        try (QueueStore store = StoreFixture.open(dir, clock)) {
            store.knowServices(List.of("ho-tich", "dat-dai"));
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            store.checkpoint(); // the journal restarts from a base record holding A001, A002
            store.commit(engine.issueTicket("ho-tich", Priority.NORMAL, null));
            Files.copy(dir.resolve("motcua.journal"), dir.resolve("journal.at-crash"));
        }
        // the clean close above checkpointed again; put back the journal as it was at the power cut
        Files.move(dir.resolve("journal.at-crash"), dir.resolve("motcua.journal"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // Power cut mid-write, SD card damage: the file is garbage now.
        Path file = dir.resolve("motcua.mv.db");
        byte[] junk = new byte[8192];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);

        Database.Opened reopened = Database.open(dir, clock);
        assertTrue(reopened.movedAside().isPresent(), "broken database moved aside");
        assertTrue(Files.exists(reopened.movedAside().get().resolve("motcua.mv.db")), "kept for inspection");
        try (QueueStore store = new QueueStore(reopened.connection(),
                new EventStamper("test-device", clock, "boot-2", () -> true), Watermarks.load(dir),
                CommitJournal.open(dir, 256 * 1024))) {
            store.knowServices(List.of("ho-tich", "dat-dai"));
            assertTrue(store.lastSeq() >= 3, "event sequence continues past what was issued");
            QueueEngine resumed = new QueueEngine(office, clock, store.loadSnapshot(engine.day()));
            assertEquals(3, resumed.waiting("ho-tich"), "the journal rebuilt every waiting ticket");
            CommandResult r = resumed.issueTicket("ho-tich", Priority.NORMAL, null);
            assertEquals("A004", r.ticket().number(), "numbering goes on");
            assertFalse(store.commit(r).isEmpty());
        }
    }
}
