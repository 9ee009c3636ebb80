package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.event;
import static vn.motcua.appliance.domain.Office.only;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;

/**
 * A Pi has no real-time clock: after a power cut its wall time can be wrong until NTP corrects it, sometimes
 * backwards. The business day never goes back, no number is issued twice, and no duration is negative.
 */
class ClockBackwardsTest {
    private static final LocalDate TUESDAY = Office.MONDAY.plusDays(1);

    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @Test
    void theBusinessDayNeverGoesBackAndNumberingContinues() {
        engine.issueTicket("hotich", Priority.NORMAL, null);
        clock.set(TUESDAY.atTime(9, 0));
        engine.tick();
        assertEquals("2026-11-24/A001", engine.issueTicket("hotich", Priority.NORMAL, null).ticket().id());

        clock.set(Office.MONDAY.atTime(16, 0)); // NTP drags the clock back a day
        assertTrue(engine.tick().isEmpty(), "no day is started or ended");
        assertEquals(TUESDAY, engine.day());
        assertEquals("2026-11-24/A002", engine.issueTicket("hotich", Priority.NORMAL, null).ticket().id());

        clock.set(TUESDAY.atTime(9, 5));
        assertTrue(engine.tick().isEmpty());
        assertEquals("2026-11-24/A003", engine.issueTicket("hotich", Priority.NORMAL, null).ticket().id());
    }

    @Test
    void aClockThatRanAheadThenCameBackKeepsTheLaterDay() {
        clock.set(LocalDate.of(2027, 3, 1).atTime(9, 0)); // a wrong clock at boot
        engine.tick();
        assertEquals(LocalDate.of(2027, 3, 1), engine.day());
        clock.set(Office.MONDAY.atTime(10, 0));
        engine.tick();
        assertEquals(LocalDate.of(2027, 3, 1), engine.day(), "never back, even to the true date");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertTrue(ids.add(engine.issueTicket("hotich", Priority.NORMAL, null).ticket().id()));
        }
    }

    @Test
    void aRestoredEngineWithALaterDayThanTheClockKeepsIt() {
        clock.set(TUESDAY.atTime(9, 0));
        engine.tick();
        engine.issueTicket("hotich", Priority.NORMAL, null);
        clock.set(Office.MONDAY.atTime(9, 0));
        QueueEngine restarted = new QueueEngine(engine.layout(), clock, engine.snapshot());
        assertTrue(restarted.tick().isEmpty());
        assertEquals(TUESDAY, restarted.day());
        assertEquals("2026-11-24/A002", restarted.issueTicket("hotich", Priority.NORMAL, null).ticket().id());
    }

    @Test
    void waitAndServiceTimesAreNeverNegative() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.issueTicket("hotich", Priority.NORMAL, null);
        clock.advanceMinutes(-30);
        assertEquals(0, only(engine.callNext(1), TicketCalled.class).waitedSeconds());
        engine.startService(1);
        clock.advanceMinutes(-5);
        TicketFinished f = only(engine.finish(1), TicketFinished.class);
        assertEquals(0, f.waitedSeconds());
        assertEquals(0, f.serviceSeconds());
        // The estimate never falls to zero or below for a queue with someone in it.
        assertTrue(engine.estimatedWaitSeconds("hotich") > 0);
        clock.advanceMinutes(-5);
        assertEquals(0, only(engine.callNext(1), TicketCalled.class).waitedSeconds(), "A002 called 40 min before issue");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.startService(1); // a started ticket: call-next finishes it (an unstarted one would be a no-show)
        clock.advanceMinutes(-5);
        TicketFinished g = event(engine.callNext(1), 0, TicketFinished.class);
        assertEquals("A002", g.number());
        assertEquals(0, g.waitedSeconds());
        assertEquals(0, g.serviceSeconds());
    }

    @Test
    void aNoShowIsNotExpiredByAClockThatWentBackAndStillExpiresOnceTheWindowReallyPassed() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        engine.skip(1);
        clock.advanceMinutes(-60);
        assertTrue(engine.tick().isEmpty());
        assertEquals(TicketStatus.NO_SHOW, engine.ticket("A001").orElseThrow().status());
        clock.advance(Office.RECALL_WINDOW.plusMinutes(61));
        assertEquals("ticket.expired", engine.tick().events().getFirst().type());
    }

    @Test
    void aRatingIsAcceptedWhenTheClockStepsBackALittleAfterTheFinish() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        engine.finish(1);
        clock.advanceMinutes(-1);
        assertEquals(3, engine.rate(1, 3).ticket().rating());
    }

    @Test
    void afterTheClockSteppedBackARestartKeepsTheSameWaitEstimate() {
        // Estimates average the two most recent service times.
        QueueEngine e = QueueEngine.fresh(Office.layout(java.time.LocalTime.of(4, 0), 2), clock);
        e.openCounter(1, "s1");
        e.openCounter(2, "s2");
        for (int i = 0; i < 4; i++) {
            e.issueTicket("hotich", Priority.NORMAL, null);
        }
        e.callNext(1);                                   // A001 at 09:00
        e.callNext(2);                                   // A002 at 09:00
        clock.set(Office.MONDAY.atTime(9, 30));
        e.finish(1);                                     // A001: 30 min, finished 09:30
        clock.set(Office.MONDAY.atTime(9, 20));          // NTP steps the clock back
        e.finish(2);                                     // A002: 20 min, finished 09:20
        e.callNext(1);                                   // A003 at 09:20
        clock.set(Office.MONDAY.atTime(9, 25));
        e.finish(1);                                     // A003: 5 min, finished 09:25

        QueueEngine restarted = new QueueEngine(e.layout(), clock, e.snapshot());
        // The two latest by finish time are A003 (5 min) and A001 (30 min): one person ahead, two open counters.
        assertEquals((300 + 1800) / 2 / 2, restarted.estimatedWaitSeconds("hotich"));
        assertEquals(restarted.estimatedWaitSeconds("hotich"), e.estimatedWaitSeconds("hotich"));
    }
}
