package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.types;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * A Pi without a real-time clock after a night's power cut: it boots at the time it last saved (Monday 17:05) while it
 * is really Tuesday morning, and NTP answers only later. Residents who come in meanwhile are neither refused by the
 * wrong clock nor lose their tickets when it jumps to the right time.
 */
class UntrustedClockTest {
    private static final LocalDate TUESDAY = Office.MONDAY.plusDays(1);

    private final TestClock clock = Office.clockAt(Office.MONDAY.atTime(17, 5)); // after closing (17:00) by the clock
    private final AtomicBoolean synced = new AtomicBoolean(false);
    private final QueueEngine engine = new QueueEngine(Office.layout(), clock, synced::get,
            QueueEngine.fresh(Office.layout(), clock).snapshot());

    @Test
    void openingHoursAreNotEnforcedWhileTheClockIsUntrusted() {
        Ticket t = engine.issueTicket("hotich", Priority.NORMAL, null).ticket();
        assertEquals("A001", t.number(), "17:05 by a clock that cannot be believed: the resident still gets a number");

        synced.set(true); // the same clock now vouched for: 17:05 really is after closing
        assertRefused(engine, Refusal.SERVICE_CLOSED_FOR_THE_DAY, () -> engine.issueTicket("hotich", Priority.NORMAL, null));
    }

    @Test
    void whenTheClockSynchronisesTheTicketsIssuedUnderItDoNotExpireTheDayRollsOnceTheyAreDone() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null); // A001, A002: in on Tuesday morning, stamped Monday
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);

        clock.set(TUESDAY.atTime(8, 10)); // NTP answers: the clock jumps to the real time
        synced.set(true);
        assertTrue(engine.dayRollHeld());
        assertTrue(engine.tick().isEmpty(), "no ticket expires because the clock jumped");
        assertEquals(Office.MONDAY, engine.day());
        assertEquals("A003", engine.issueTicket("hotich", Priority.NORMAL, null).ticket().number(),
                "numbering goes on: a second A001 today would call two residents at once");

        engine.finish(1);                      // A001 served
        engine.callNext(1);
        engine.finish(1);                      // A002 served: nobody issued under the wrong clock is left
        assertFalse(engine.dayRollHeld(), "A003 came under the synchronised clock: it does not hold the roll");
        CommandResult roll = engine.tick();
        assertEquals(TUESDAY, engine.day(), "the day rolls once they are done");
        assertTrue(types(roll).contains("queue.day_started"), types(roll).toString());
    }

    @Test
    void whileTheClockStaysUntrustedTheDayRollsOnlyInAnIdleOffice() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        clock.set(TUESDAY.atTime(4, 30)); // days without NTP: the untrusted clock passes the 04:00 roll
        assertTrue(engine.tick().isEmpty(), "a resident is still waiting: no roll under a clock nobody vouches for");
        assertEquals(Office.MONDAY, engine.day());

        engine.callNext(1);
        engine.finish(1);
        engine.tick();
        assertEquals(TUESDAY, engine.day(), "nobody waiting: the day rolls by the untrusted clock");
        assertTrue(engine.tickets().isEmpty());
    }

    @Test
    void aTrustedClockRollsAsAlwaysAndAnEngineRestartedUntrustedHoldsForEveryActiveTicket() {
        clock.set(Office.MONDAY_9AM);
        synced.set(true);
        engine.issueTicket("hotich", Priority.NORMAL, null);
        synced.set(false);
        QueueEngine restarted = new QueueEngine(Office.layout(), clock, synced::get, engine.snapshot());
        synced.set(true);
        clock.set(TUESDAY.atTime(9, 0));
        assertTrue(restarted.dayRollHeld(), "after a restart under an untrusted clock nobody knows when A001 came in");
        assertTrue(restarted.tick().isEmpty());

        QueueEngine trusted = new QueueEngine(Office.layout(), clock, synced::get, engine.snapshot());
        assertFalse(trusted.dayRollHeld());
        assertTrue(types(trusted.tick()).contains("ticket.expired"), "a trusted clock expires yesterday's tickets at the roll");
        assertEquals(TUESDAY, trusted.day());
    }

    @Test
    void aNewLayoutKeepsKnowingWhichTicketsCameUnderTheUntrustedClock() {
        engine.issueTicket("hotich", Priority.NORMAL, null);
        synced.set(true);
        QueueEngine next = new QueueEngine(Office.layout(), clock, synced::get, engine.snapshot());
        engine.handOverClockStateTo(next);
        clock.set(TUESDAY.atTime(9, 0));
        assertTrue(next.dayRollHeld());
    }
}
