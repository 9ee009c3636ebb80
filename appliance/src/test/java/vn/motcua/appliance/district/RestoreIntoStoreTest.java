package vn.motcua.appliance.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRebuild;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreFixture;
import vn.motcua.appliance.store.StoreRestore;
import vn.motcua.bus.MutableClock;

/**
 * The restore below the wire: a device's outbox, as the district holds it, rebuilt and written into a replacement's
 * empty store; then the replacement goes on where the first device stopped, across a restart of its store.
 */
class RestoreIntoStoreTest {
    private final OfficeLayout office = TestOffices.small();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z")); // 08:00 in Hà Nội

    @TempDir Path dir;

    /** A device's morning: every kind of queue event, and a device event between them. */
    private List<OutboxEvent> morningOf(QueueEngine engine, QueueStore store) {
        List<Function<QueueEngine, CommandResult>> cmds = List.of(
                e -> e.openCounter(1, "lan"), e -> e.openCounter(2, "minh"),
                e -> e.issueTicket("ho-tich", Priority.NORMAL, null), e -> e.issueTicket("dat-dai", Priority.NORMAL, "hmac-abc"),
                e -> e.issueTicket("ho-tich", Priority.ELDERLY, null), e -> e.issueTicket("ho-tich", Priority.NORMAL, null),
                e -> e.callNext(1), e -> e.startService(1), e -> e.callNext(2), e -> e.skip(2),
                e -> e.recallNoShow(2, "B001"), e -> e.park(2), e -> e.finish(1), e -> e.rate(1, 2),
                e -> e.callNext(1), e -> e.transferToService(1, "dat-dai"), e -> e.callParked(2, "B001"),
                e -> e.finish(2), e -> e.callNext(2), e -> e.recall(2), e -> e.pauseCounter(1));
        for (Function<QueueEngine, CommandResult> c : cmds) {
            clock.advance(Duration.ofSeconds(40));
            store.commit(c.apply(engine));
            if (store.lastSeq() == 5) {
                store.append("device.fault", Map.of("device", "printer", "fault", "PAPER_OUT"));
            }
        }
        return store.rangeFrom(1, 10_000);
    }

    @Test
    void aReplacementsEmptyStoreTakesTheQueueTheEventsDescribeAndGoesOnFromThere() throws Exception {
        QueueEngine first = QueueEngine.fresh(office, clock);
        List<OutboxEvent> history;
        try (QueueStore a = StoreFixture.open(Files.createDirectories(dir.resolve("a")), clock)) {
            history = morningOf(first, a);
        }
        long last = history.getLast().seq();
        Path b = Files.createDirectories(dir.resolve("b"));
        try (QueueStore store = StoreFixture.open(b, clock)) {
            assertEquals(Optional.empty(), StoreRestore.needed(store, store.watermarks(), false), "a new device");
            assertEquals(Optional.of(1L), StoreRestore.needed(store, store.watermarks(), true), "a replacement");
            RestoredHistory.Rebuilt rebuilt = RestoredHistory.rebuild(QueueRebuild.empty(), history, first.day());
            store.knowServices(office.servicesByCode().keySet());
            OutboxEvent restored = store.restore(rebuilt.queue(), history,
                    new QueueStore.Appended("store.restored", Map.of("source", "district")));
            assertEquals(last + 1, restored.seq(), "the restore is the next seq");
            assertEquals(1, store.pendingCount(), "only store.restored is to send: the district has the rest");
            assertEquals(history.stream().map(OutboxEvent::eventId).toList(),
                    store.rangeFrom(1, (int) last).stream().map(OutboxEvent::eventId).toList(), "the events with their seqs and ids");
            assertEquals(Optional.empty(), StoreRestore.needed(store, store.watermarks(), true), "done: not again");
        }
        try (QueueStore store = StoreFixture.open(b, clock)) { // survives a restart
            store.knowServices(office.servicesByCode().keySet());
            QueueEngine replacement = new QueueEngine(office, clock, store.loadSnapshot(first.day()));
            assertEquals(first.snapshot(), replacement.snapshot(), "the same queue, the same counters");
            CommandResult next = replacement.issueTicket("ho-tich", Priority.NORMAL, null);
            assertEquals("A004", next.ticket().number(), "numbering follows the last ticket issued");
            assertEquals(last + 2, store.commit(next).getFirst().seq(), "seqs go on after store.restored");
            assertTrue(store.rangeFrom(1, 10_000).stream().map(OutboxEvent::seq).toList()
                    .equals(java.util.stream.LongStream.rangeClosed(1, last + 2).boxed().toList()), "gapless");
        }
    }

    @Test
    void numberingNeverGoesBelowWhatThisDevicesOwnWatermarksReserved() throws Exception {
        QueueEngine first = QueueEngine.fresh(office, clock);
        Path same = Files.createDirectories(dir.resolve("same"));
        List<OutboxEvent> history;
        try (QueueStore a = StoreFixture.open(same, clock)) {
            history = morningOf(first, a);
        }
        // The database is lost, its watermarks are not: numbers up to the reservation may be on paper somewhere.
        for (String f : List.of("motcua.mv.db", "motcua.journal")) {
            Files.deleteIfExists(same.resolve(f));
        }
        try (QueueStore store = StoreFixture.open(same, clock)) {
            assertEquals(Optional.of(1L), StoreRestore.needed(store, store.watermarks(), false), "watermarks prove seqs");
            store.knowServices(office.servicesByCode().keySet());
            store.restore(RestoredHistory.rebuild(QueueRebuild.empty(), history, first.day()).queue(), history,
                    new QueueStore.Appended("store.restored", Map.of()));
            QueueEngine after = new QueueEngine(office, clock, store.loadSnapshot(first.day()));
            int reserved = store.watermarks().reservedNumber(first.day(), "ho-tich");
            assertTrue(reserved > 3, "reserved " + reserved);
            assertEquals(reserved + 1, after.issueTicket("ho-tich", Priority.NORMAL, null).ticket().numeric());
        }
    }

    @Test
    void aHistoryWithAnUnknownTypeOrAnEventThatCannotFollowIsRefusedWhole() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        OutboxEvent unknown = event(1, "printer.jammed", "{}");
        assertThrows(RestoredHistory.Refused.class, () -> RestoredHistory.rebuild(QueueRebuild.empty(), List.of(unknown), day));
        OutboxEvent orphanCall = event(1, "ticket.called", "{\"at\":\"2026-11-23T01:00:00Z\",\"ticketId\":\"2026-11-23/A001\","
                + "\"number\":\"A001\",\"service\":\"ho-tich\",\"counter\":1,\"from\":\"queue\",\"waitedSeconds\":0}");
        assertThrows(RestoredHistory.Refused.class, () -> RestoredHistory.rebuild(QueueRebuild.empty(), List.of(orphanCall), day));
        OutboxEvent garbled = event(1, "ticket.issued", "{\"at\":\"yesterday\"}");
        assertThrows(RestoredHistory.Refused.class, () -> RestoredHistory.rebuild(QueueRebuild.empty(), List.of(garbled), day));
        assertEquals(0, assertDoesNotRefuse(List.of(event(1, "scan.rejected", "{\"reason\":\"UNREADABLE\"}")), day).queueEvents());
    }

    private static RestoredHistory.Rebuilt assertDoesNotRefuse(List<OutboxEvent> events, LocalDate day) {
        try {
            return RestoredHistory.rebuild(QueueRebuild.empty(), events, day);
        } catch (RestoredHistory.Refused e) {
            throw new AssertionError(e);
        }
    }

    private static OutboxEvent event(long seq, String type, String payload) {
        return new OutboxEvent(seq, "id-" + seq, "test-device", Instant.parse("2026-11-23T01:00:00Z"), 1, "boot", true, type, payload);
    }
}
