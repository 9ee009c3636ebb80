package vn.motcua.appliance.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import vn.motcua.appliance.domain.QueueSnapshot;
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

    private static final StoreRestore.Request WHOLE_DAY = new StoreRestore.Request(1, true, StoreRestore.Mode.WHOLE_DAY);

    /** A device's morning: every kind of queue event, and a device event between them. */
    private static final List<Function<QueueEngine, CommandResult>> MORNING = List.of(
            e -> e.openCounter(1, "lan"), e -> e.openCounter(2, "minh"),
            e -> e.issueTicket("ho-tich", Priority.NORMAL, null), e -> e.issueTicket("dat-dai", Priority.NORMAL, "hmac-abc"),
            e -> e.issueTicket("ho-tich", Priority.ELDERLY, null), e -> e.issueTicket("ho-tich", Priority.NORMAL, null),
            e -> e.callNext(1), e -> e.startService(1), e -> e.callNext(2), e -> e.skip(2),
            e -> e.recallNoShow(2, "B001"), e -> e.park(2), e -> e.finish(1), e -> e.rate(1, 2),
            e -> e.callNext(1), e -> e.transferToService(1, "dat-dai"), e -> e.callParked(2, "B001"),
            e -> e.finish(2), e -> e.callNext(2), e -> e.recall(2), e -> e.pauseCounter(1));

    private List<OutboxEvent> morningOf(QueueEngine engine, QueueStore store) {
        run(engine, store, MORNING);
        return store.rangeFrom(1, 10_000);
    }

    private void run(QueueEngine engine, QueueStore store, List<Function<QueueEngine, CommandResult>> cmds) {
        for (Function<QueueEngine, CommandResult> c : cmds) {
            clock.advance(Duration.ofSeconds(40));
            store.commit(c.apply(engine));
            if (store.lastSeq() == 5) {
                store.append("device.fault", Map.of("device", "printer", "fault", "PAPER_OUT"));
            }
        }
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
            assertEquals(Optional.empty(), StoreRestore.needed(store, store.watermarks(), false, false), "a new device");
            assertEquals(Optional.of(WHOLE_DAY), StoreRestore.needed(store, store.watermarks(), true, false), "a replacement");
            store.knowServices(office.servicesByCode().keySet());
            DistrictRestore.apply(store, WHOLE_DAY, history, first.day());
            OutboxEvent restored = store.rangeFrom(last + 1, 1).getFirst();
            assertEquals("store.restored", restored.type(), "the restore is the next seq");
            assertTrue(restored.payloadJson().contains("\"fromSeq\":1,\"toSeq\":" + last + ",\"events\":" + last), restored.payloadJson());
            assertEquals(1, store.pendingCount(), "only store.restored is to send: the district has the rest");
            assertEquals(history.stream().map(OutboxEvent::eventId).toList(),
                    store.rangeFrom(1, (int) last).stream().map(OutboxEvent::eventId).toList(), "the events with their seqs and ids");
            assertEquals(Optional.empty(), StoreRestore.needed(store, store.watermarks(), true, false), "done: not again");
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
            // what opening a lost store records first (ApplianceStore): it keeps its seq above the reservation
            long recovered = store.append("store.recovered", Map.of("reason", "database file missing")).seq();
            assertEquals(Optional.of(WHOLE_DAY), StoreRestore.needed(store, store.watermarks(), false, false), "watermarks prove seqs");
            store.knowServices(office.servicesByCode().keySet());
            DistrictRestore.apply(store, WHOLE_DAY, history, first.day());
            assertEquals("store.recovered", store.rangeFrom(recovered, 1).getFirst().type());
            assertEquals(List.of("store.recovered", "store.restored"),
                    store.pendingAfter(0, 10).stream().map(OutboxEvent::type).toList(), "the district has the rest");
            QueueEngine after = new QueueEngine(office, clock, store.loadSnapshot(first.day()));
            int reserved = store.watermarks().reservedNumber(first.day(), "ho-tich");
            assertTrue(reserved > 3, "reserved " + reserved);
            assertEquals(reserved + 1, after.issueTicket("ho-tich", Priority.NORMAL, null).ticket().numeric());
        }
    }

    /** What the store-damage detection will hand over: a store holding the day up to seq S, the rest at the district. */
    @Test
    void aStoreHoldingPartOfTheDayTakesTheRestOnTopOfIt() throws Exception {
        QueueEngine first = QueueEngine.fresh(office, clock);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        long held;
        try (QueueStore store = StoreFixture.open(a, clock)) {
            run(first, store, MORNING.subList(0, 9));
            held = store.lastSeq();
        }
        for (String f : List.of("motcua.mv.db", "motcua.journal", "watermarks.properties")) {
            Files.copy(a.resolve(f), b.resolve(f));
        }
        List<OutboxEvent> rest;
        try (QueueStore store = StoreFixture.open(a, clock)) {
            run(first, store, MORNING.subList(9, MORNING.size()));
            rest = store.rangeFrom(held + 1, 10_000);
        }
        try (QueueStore store = StoreFixture.open(b, clock)) {
            assertEquals(held, store.storedSeq());
            store.knowServices(office.servicesByCode().keySet());
            DistrictRestore.apply(store, new StoreRestore.Request(held + 1, false, StoreRestore.Mode.HELD_DAY), rest, first.day());
            QueueSnapshot restored = new QueueEngine(office, clock, store.loadSnapshot(first.day())).snapshot();
            assertEquals(first.snapshot().tickets(), restored.tickets());
            assertEquals(first.snapshot().counters(), restored.counters());
            assertEquals(first.snapshot().day().issued(), restored.day().issued());
            // the same device's watermarks: numbers up to the reservation may be on paper, so numbering goes on above it
            assertEquals(store.watermarks().reservedNumber(first.day(), "ho-tich"), restored.day().lastNumber().get("ho-tich"));
            assertEquals(rest.getLast().seq() + 1, store.lastSeq());
        }
    }

    /**
     * The database lost after a clean stop: the journal's base record gives back the live queue, not the served
     * tickets. With the day's events from the district underneath, nothing of the day is missing, and what the
     * journal holds wins.
     */
    @Test
    void aStoreWhoseDatabaseWasLostTakesTheServedTicketsFromTheDistrictUnderItsOwnQueue() throws Exception {
        QueueEngine first = QueueEngine.fresh(office, clock);
        Path a = Files.createDirectories(dir.resolve("a"));
        List<OutboxEvent> history;
        try (QueueStore store = StoreFixture.open(a, clock)) {
            history = morningOf(first, store);
        }
        for (int restart = 0; restart < 2; restart++) { // each open starts a journal generation from the live queue
            try (QueueStore restarted = StoreFixture.open(a, clock)) {
                assertEquals(history.getLast().seq(), restarted.lastSeq());
            }
        }
        Files.delete(a.resolve("motcua.mv.db"));
        try (QueueStore store = StoreFixture.open(a, clock)) {
            QueueSnapshot fromJournal = store.loadSnapshot(first.day());
            assertTrue(fromJournal.tickets().size() < first.snapshot().tickets().size(),
                    "the journal alone lacks the served tickets: " + fromJournal.tickets());
            var request = StoreRestore.needed(store, store.watermarks(), false, true).orElseThrow();
            assertEquals(new StoreRestore.Request(1, true, StoreRestore.Mode.HELD_DAY), request);
            assertEquals(Optional.of(request), StoreRestore.needed(store, store.watermarks(), false, false),
                    "the seqs below the journal's base are missing: the same request without the mark");
            assertTrue(!store.replayOutcome().liveGap(), "but the base record gave back the whole live queue");
            store.knowServices(office.servicesByCode().keySet());
            DistrictRestore.apply(store, request, history, first.day());
            QueueSnapshot restored = new QueueEngine(office, clock, store.loadSnapshot(first.day())).snapshot();
            assertEquals(sorted(first.snapshot().tickets()), sorted(restored.tickets()), "every ticket of the day, as it was");
            assertEquals(first.snapshot().counters(), restored.counters());
            OutboxEvent event = store.rangeFrom(store.lastSeq(), 1).getFirst();
            assertEquals("store.restored", event.type());
            assertTrue(event.payloadJson().contains("\"mode\":\"held_day\""), event.payloadJson());
            assertTrue(event.payloadJson().contains("\"historyUnresolved\":0"), event.payloadJson());
            assertEquals(history.stream().map(OutboxEvent::eventId).toList(),
                    store.rangeFrom(1, history.size()).stream().map(OutboxEvent::eventId).toList(),
                    "the day's events back in the outbox, each at its seq, for a resync");
        }
    }

    private static List<vn.motcua.appliance.domain.Ticket> sorted(List<vn.motcua.appliance.domain.Ticket> tickets) {
        return tickets.stream().sorted(java.util.Comparator.comparing(vn.motcua.appliance.domain.Ticket::id)).toList();
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

    /**
     * A replacement restored from the district gets the office's past days back too: each day's figures come with its
     * {@code day.summary} event, so the reports of the days before the restore are the same on the new device.
     */
    @Test
    void pastDaysFiguresComeBackWithTheirDaySummaries() throws Exception {
        try (vn.motcua.appliance.history.SimulatedOffice.Result office = vn.motcua.appliance.history.SimulatedOffice.run(
                Files.createDirectories(dir.resolve("office")), 7, 3)) {
            List<OutboxEvent> history = office.store().rangeFrom(1, Integer.MAX_VALUE);
            LocalDate today = office.lastDay().plusDays(1);
            var expected = office.store().dayFigures(office.firstDay(), office.lastDay());
            assertFalse(expected.isEmpty(), "the office's days have figures");
            MutableClock then = new MutableClock(today.atTime(9, 0).atZone(vn.motcua.appliance.history.SimulatedOffice.ZONE)
                    .toInstant());
            try (QueueStore store = StoreFixture.open(Files.createDirectories(dir.resolve("replacement")), then)) {
                store.knowServices(office.layout().servicesByCode().keySet());
                DistrictRestore.apply(store, WHOLE_DAY, history, today);
                assertEquals(expected, store.dayFigures(office.firstDay(), office.lastDay()),
                        "every past day's figures, as the office stored them");
            }
        }
    }
}
