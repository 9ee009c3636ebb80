package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A queue rebuilt from the events a random office emitted (as they travel: JSON and back) is the engine's own state,
 * for every event type, across day rolls; an event that cannot follow is refused.
 */
class QueueRebuildTest {
    /** Same shape as the store's EventJson (domain tests do not reach into the store package). */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261206})
    void replayingEveryEventGivesTheEnginesOwnState(long seed) throws Exception {
        RandomCommands commands = new RandomCommands(seed);
        Random random = commands.random();
        OfficeLayout layout = Office.layout(LocalTime.of(4, 0), 3);
        TestClock clock = Office.clockAt(Office.MONDAY.atTime(7, 0));
        QueueEngine engine = QueueEngine.fresh(layout, clock);
        QueueSnapshot start = engine.snapshot();
        List<QueueEvent> events = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (int step = 0; step < 3000; step++) {
            EnginePropertyTest.moveClock(clock, random);
            try {
                commands.next(engine).run().apply(engine).events().forEach(events::add);
            } catch (QueueRefusedException refused) {
                continue;
            }
            if (step % 150 == 0 || step == 2999) {
                QueueRebuild fromStart = QueueRebuild.from(start);
                QueueRebuild fromNothing = QueueRebuild.empty();
                for (QueueEvent e : events) {
                    QueueEvent back = roundTrip(e);
                    fromStart.apply(back);
                    fromNothing.apply(back);
                    types.add(e.type());
                }
                String where = "seed " + seed + " step " + step;
                assertEquals(engine.snapshot(), fromStart.snapshot(Office.MONDAY), where);
                // From nothing (a replacement device), the engine fills in the counters no event named.
                QueueEngine restored = new QueueEngine(layout, clock, fromNothing.snapshot(Office.MONDAY));
                assertEquals(engine.snapshot(), restored.snapshot(), where);
                assertEquals(events.size(), fromNothing.applied(), where);
            }
        }
        assertEquals(new TreeSet<>(List.of("counter.changed", "queue.day_started", "ticket.called", "ticket.expired",
                "ticket.finished", "ticket.issued", "ticket.no_show", "ticket.parked", "ticket.rated", "ticket.recalled",
                "ticket.service_started", "ticket.transferred")), types, "every queue event type was replayed");
    }

    @Test
    void numberingContinuesAfterTheLastTicketIssued() {
        LocalDate day = Office.MONDAY;
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        QueueSnapshot s = QueueRebuild.empty()
                .apply(issued(day, "A001", "hotich", at))
                .apply(issued(day, "B001", "datdai", at))
                .apply(issued(day, "A002", "hotich", at))
                .snapshot(day.plusDays(5));
        assertEquals(day, s.day().day(), "the day comes from the tickets, not the fallback");
        assertEquals(2, s.day().lastNumber().get("hotich"));
        assertEquals(2, s.day().issued().get("hotich"));
        assertEquals(3, s.day().lastOrdinal());
        QueueEngine engine = new QueueEngine(Office.layout(), Office.clockAt(day.atTime(9, 0)), s);
        assertEquals("A003", engine.issueTicket("hotich", Priority.NORMAL, null).ticket().number());
    }

    @Test
    void anEventThatCannotFollowIsRefused() {
        LocalDate day = Office.MONDAY;
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        String a1 = day + "/A001";
        QueueRebuild r = QueueRebuild.empty().apply(issued(day, "A001", "hotich", at));
        assertThrows(IllegalArgumentException.class, () -> QueueRebuild.empty()
                .apply(new QueueEvent.TicketCalled(at, a1, "A001", "hotich", 1, "queue", 0)), "a ticket never issued");
        assertThrows(IllegalArgumentException.class,
                () -> r.apply(new QueueEvent.TicketFinished(at, a1, "A001", "hotich", 1, "lan", 0, 0)), "finish before a call");
        assertThrows(IllegalArgumentException.class, () -> r.apply(issued(day, "A001", "hotich", at)), "issued twice");
        assertThrows(IllegalArgumentException.class, () -> r.apply(issued(day.plusDays(1), "A002", "hotich", at)),
                "a ticket of another day without a day_started");
        assertThrows(IllegalArgumentException.class, () -> r.apply(new QueueEvent.DayStarted(at, day, day.minusDays(1))),
                "a day that does not move forward");
        assertThrows(IllegalArgumentException.class, () -> QueueRebuild.empty().apply(
                new QueueEvent.TicketIssued(at, day + "/A001", "A001", "hotich", "VIP", 0, 0, null)), "unknown priority");
        assertThrows(IllegalArgumentException.class, () -> QueueRebuild.empty().apply(
                new QueueEvent.TicketIssued(at, "yesterday/A001", "A001", "hotich", "NORMAL", 0, 0, null)), "bad ticket id");
        assertThrows(IllegalArgumentException.class, () -> QueueRebuild.empty().apply(
                new QueueEvent.CounterChanged(at, 1, "DANCING", null)), "unknown counter status");
        assertThrows(IllegalArgumentException.class, () -> QueueRebuild.empty().apply(
                new QueueEvent.CounterChanged(at, 0, "OPEN", null)), "counter 0");
    }

    @Test
    void everyQueueEventTypeHasItsRecord() {
        for (Class<?> c : QueueEvent.class.getPermittedSubclasses()) {
            assertTrue(c.isRecord(), c.getName());
        }
        assertEquals(QueueEvent.class.getPermittedSubclasses().length, List.of("ticket.issued", "ticket.called",
                "ticket.recalled", "ticket.no_show", "ticket.service_started", "ticket.finished", "ticket.transferred",
                "ticket.parked", "ticket.expired", "counter.changed", "ticket.rated", "queue.day_started",
                "booking.checked_in", "booking.no_show").stream()
                .filter(t -> QueueEventTypes.classOf(t).isPresent()).count());
        assertTrue(QueueEventTypes.classOf("scan.dossier").isEmpty());
    }

    private static QueueEvent.TicketIssued issued(LocalDate day, String number, String service, Instant at) {
        return new QueueEvent.TicketIssued(at, day + "/" + number, number, service, "NORMAL", 0, 0, null);
    }

    private static QueueEvent roundTrip(QueueEvent e) throws Exception {
        String json = JSON.writeValueAsString(e);
        return JSON.readValue(json, QueueEventTypes.classOf(e.type()).orElseThrow());
    }
}
