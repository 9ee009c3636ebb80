package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.ServiceRated;
import vn.motcua.appliance.domain.QueueEvent.ServiceStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;

/** The resident arrives, is served, and rates the service on the counter's keypad. */
class ServeAndRateTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @BeforeEach
    void aResidentIsCalledAfterWaitingTenMinutes() {
        engine.openCounter(1, "s1");
        engine.openCounter(2, "s2");
        engine.issueTicket("hotich", Priority.NORMAL, "k");
        clock.advanceMinutes(10);
        engine.callNext(1);
    }

    @Test
    void theClerkStartsAndFinishesTheServiceAndTheServiceTimeIsRecorded() {
        clock.advanceMinutes(1);
        CommandResult start = engine.startService(1);
        assertEquals(new ServiceStarted(clock.instant(), "2026-11-23/A001", "A001", 1), only(start, ServiceStarted.class));
        assertEquals(TicketStatus.SERVING, start.ticket().status());
        assertEquals(clock.instant(), start.ticket().startedAt());

        clock.advanceMinutes(8);
        CommandResult fin = engine.finish(1);
        assertEquals(new TicketFinished(clock.instant(), "2026-11-23/A001", "A001", "hotich", 1, "s1", 600, 480),
                only(fin, TicketFinished.class));
        Ticket t = fin.ticket();
        assertEquals(TicketStatus.FINISHED, t.status());
        assertEquals(clock.instant(), t.finishedAt());
        assertEquals("s1", t.servedBy());
        Counter c = fin.changedCounters().getFirst();
        assertNull(c.currentTicket());
        assertEquals("2026-11-23/A001", c.lastFinishedTicket());
        assertEquals(clock.instant(), c.lastFinishedAt());
        // The next resident has one person ahead, shared by the two open counters; one service says too little,
        // so the estimate keeps the default service time (6 min) until five are finished.
        engine.issueTicket("hotich", Priority.NORMAL, null);
        assertEquals(Office.DEFAULT_SERVICE_TIME.toSeconds() / 2, engine.estimatedWaitSeconds("hotich"));
    }

    @Test
    void startAndFinishNeedTheRightState() {
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.startService(2));
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.finish(2));
        engine.startService(1);
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.startService(1));
        engine.finish(1);
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.finish(1));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.startService(12));
    }

    @Test
    void theResidentRatesOnceWithinTheWindow() {
        engine.finish(1);
        clock.advance(Office.RATING_WINDOW);
        CommandResult r = engine.rate(1, 2);
        assertEquals(new ServiceRated(clock.instant(), "2026-11-23/A001", "A001", 1, "s1", 2), only(r, ServiceRated.class));
        assertEquals(2, r.ticket().rating());
        assertNull(r.changedCounters().getFirst().lastFinishedTicket());
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(1, 1));
    }

    @Test
    void aRatingAfterTheWindowIsRefused() {
        engine.finish(1);
        clock.advance(Office.RATING_WINDOW.plusSeconds(1));
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(1, 1));
    }

    @Test
    void aRatingOutsideOneToFourIsRefusedAndTheResidentCanStillRate() {
        engine.finish(1);
        assertRefused(engine, Refusal.INVALID_RATING, () -> engine.rate(1, 0));
        assertRefused(engine, Refusal.INVALID_RATING, () -> engine.rate(1, 5));
        assertRefused(engine, Refusal.INVALID_RATING, () -> engine.rate(1, -1));
        assertEquals(4, engine.rate(1, 4).ticket().rating());
    }

    @Test
    void aCounterThatFinishedNothingHasNothingToRate() {
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(1, 1));
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(2, 1));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.rate(5, 1));
    }

    @Test
    void theRatingAppliesToTheLastFinishedTicketEvenWhileTheNextIsCalled() {
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.startService(1);
        engine.callNext(1); // finishes A001 (started), calls A002
        assertEquals("A001", engine.rate(1, 3).ticket().number());
        assertEquals(0, engine.ticket("A002").orElseThrow().rating());
    }
}
