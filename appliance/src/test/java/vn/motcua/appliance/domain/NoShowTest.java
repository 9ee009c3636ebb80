package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.appliance.web.ErrorCatalogue;

import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketRecalled;

/** A resident does not come when called: recall, skip, call back within the window, expire after it. */
class NoShowTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @BeforeEach
    void aTicketIsCalled() {
        engine.openCounter(1, "s1");
        engine.openCounter(2, "s2");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
    }

    @Test
    void theClerkRecallsTheNumberAndTheBoardAnnouncesItAgain() {
        clock.advanceMinutes(1);
        CommandResult r = engine.recall(1);
        assertEquals(new TicketRecalled(clock.instant(), "2026-11-23/A001", "A001", 1, 1), only(r, TicketRecalled.class));
        assertEquals(2, only(engine.recall(1), TicketRecalled.class).recalls());
        Ticket t = engine.ticket("A001").orElseThrow();
        assertEquals(TicketStatus.CALLED, t.status());
        assertEquals(2, t.recalls());
        assertTrue(r.changedCounters().isEmpty());
    }

    @Test
    void onlyACalledTicketCanBeRecalled() {
        engine.startService(1);
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.recall(1));
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.recall(2));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.recall(7));
    }

    @Test
    void skippingFreesTheCounterAndSetsTheTicketAside() {
        clock.advanceMinutes(2);
        CommandResult r = engine.skip(1);
        assertEquals(new TicketNoShow(clock.instant(), "2026-11-23/A001", "A001", 1, TicketNoShow.SKIPPED), only(r, TicketNoShow.class));
        Ticket t = r.ticket();
        assertEquals(TicketStatus.NO_SHOW, t.status());
        assertEquals(clock.instant(), t.skippedAt());
        assertNull(r.changedCounters().getFirst().currentTicket());
        assertEquals("A002", engine.callNext(1).ticket().number(), "the counter moves on");
    }

    @Test
    void onlyACalledTicketCanBeSkipped() {
        engine.startService(1);
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.skip(1));
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.skip(2));
    }

    @Test
    void theResidentTurnsUpWithinTheWindowAndAnyIdleCounterCallsThemBack() {
        engine.skip(1);
        clock.advance(Office.RECALL_WINDOW);
        CommandResult r = engine.recallNoShow(2, "A001");
        TicketCalled e = only(r, TicketCalled.class);
        assertEquals("no_show", e.from());
        assertEquals(2, e.counter());
        assertEquals(900, e.waitedSeconds());
        Ticket t = r.ticket();
        assertEquals(TicketStatus.CALLED, t.status());
        // kept: the ticket was skipped once today, which the figures count as a no-show whatever follows
        assertEquals(clock.instant().minus(Office.RECALL_WINDOW), t.skippedAt());
        assertEquals(2, t.counter());
        assertEquals("2026-11-23/A001", r.changedCounters().getFirst().currentTicket());
    }

    @Test
    void oneSecondAfterTheWindowTheRecallIsRefused() {
        engine.skip(1);
        clock.advance(Office.RECALL_WINDOW.plusSeconds(1));
        QueueRefusedException x = assertRefused(engine, Refusal.RECALL_WINDOW_PASSED, () -> engine.recallNoShow(2, "A001"));
        assertEquals("Too late to recall this ticket", ErrorCatalogue.of(x.reason()).en());
    }

    @Test
    void recallingANoShowNeedsAnOpenIdleCounterAndANoShowTicket() {
        engine.skip(1);
        engine.callNext(1); // A002 current at 1
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.recallNoShow(1, "A001"));
        engine.pauseCounter(2);
        assertRefused(engine, Refusal.COUNTER_PAUSED, () -> engine.recallNoShow(2, "A001"));
        engine.openCounter(2, "s2");
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.recallNoShow(2, "A002"));
        assertRefused(engine, Refusal.UNKNOWN_TICKET, () -> engine.recallNoShow(2, "A999"));
        assertRefused(engine, Refusal.UNKNOWN_TICKET, () -> engine.recallNoShow(2, null));
        assertRefused(engine, Refusal.COUNTER_CLOSED, () -> engine.recallNoShow(3, "A001"));
    }

    @Test
    void tickExpiresANoShowOnceItsWindowHasPassed() {
        engine.skip(1);
        Instant skipped = clock.instant();
        clock.advance(Office.RECALL_WINDOW);
        assertTrue(engine.tick().isEmpty(), "still recallable at the end of the window");
        clock.advanceMinutes(1);
        CommandResult r = engine.tick();
        assertEquals(new TicketExpired(clock.instant(), "2026-11-23/A001", "A001", "NO_SHOW", "no_show_window_passed"),
                only(r, TicketExpired.class));
        Ticket t = engine.ticket("A001").orElseThrow();
        assertEquals(TicketStatus.EXPIRED, t.status());
        assertEquals(skipped, t.skippedAt());
        assertEquals(List.of(t), r.changedTickets());
        assertTrue(engine.tick().isEmpty(), "an expired ticket expires once");
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.recallNoShow(2, "A001"));
    }

    @Test
    void aRecalledNoShowSkippedAgainGetsAFreshWindow() {
        engine.skip(1);
        clock.advanceMinutes(10);
        engine.recallNoShow(1, "A001");
        clock.advanceMinutes(1);
        engine.skip(1);
        clock.advanceMinutes(14);
        assertTrue(engine.tick().isEmpty());
        assertEquals("A001", engine.recallNoShow(2, "A001").ticket().number());
    }
}
