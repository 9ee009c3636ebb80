package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.event;
import static vn.motcua.appliance.domain.Office.types;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;

/** The start-of-day reset at the configured local time (04:00 in the fixture office). */
class DailyResetTest {
    private static final LocalDate TUESDAY = Office.MONDAY.plusDays(1);

    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    /** Monday ends with one ticket in every unfinished state and one finished. */
    private void aBusyMonday() {
        engine.openCounter(1, "s1");
        engine.openCounter(2, "s2");
        engine.openCounter(3, "s3");
        engine.pauseCounter(3);
        for (int i = 0; i < 6; i++) {
            engine.issueTicket("hotich", Priority.NORMAL, null);
        }
        engine.callNext(1);
        engine.finish(1);   // A001 finished
        engine.callNext(1);
        engine.skip(1);     // A002 no-show
        engine.callNext(1);
        engine.park(1);     // A003 parked
        engine.callNext(1); // A004 called at counter 1
        engine.callNext(2);
        engine.startService(2); // A005 serving at counter 2; A006 waiting
        clock.set(Office.MONDAY.atTime(16, 55));
        engine.issueTicket("kinhdoanh", Priority.NORMAL, null);
        engine.tick();      // A002's window passed: expired as a no-show
    }

    @Test
    void atFourInTheMorningYesterdaysUnfinishedTicketsExpireCountersCloseAndNumberingRestarts() {
        aBusyMonday();
        clock.set(TUESDAY.atTime(3, 59, 59));
        assertTrue(engine.tick().isEmpty(), "before 04:00 it is still Monday's business day");
        assertEquals(Office.MONDAY, engine.day());

        clock.set(TUESDAY.atTime(4, 0));
        CommandResult r = engine.tick();

        assertEquals(List.of("ticket.expired", "ticket.expired", "ticket.expired", "ticket.expired", "ticket.expired",
                "counter.changed", "counter.changed", "counter.changed", "queue.day_started"), types(r));
        List<String> expired = r.events().stream().filter(e -> e instanceof TicketExpired)
                .map(e -> ((TicketExpired) e).number() + ":" + ((TicketExpired) e).previousStatus()).toList();
        assertEquals(List.of("A003:PARKED", "A004:CALLED", "A005:SERVING", "A006:WAITING", "D007:WAITING"), expired);
        assertEquals("day_ended", event(r, 0, TicketExpired.class).reason());
        assertEquals(new CounterChanged(clock.instant(), 3, "CLOSED", null), event(r, 7, CounterChanged.class));
        assertEquals(new DayStarted(clock.instant(), TUESDAY, Office.MONDAY), event(r, 8, DayStarted.class));
        assertEquals(5, r.changedTickets().size(), "the store is handed yesterday's expired tickets as history");
        r.changedTickets().forEach(t -> assertEquals(TicketStatus.EXPIRED, t.status()));
        assertEquals(new DayState(TUESDAY, Map.of(), Map.of(), 0), r.day());

        assertEquals(TUESDAY, engine.day());
        assertTrue(engine.tickets().isEmpty());
        engine.counters().forEach(c -> assertEquals(Counter.closed(c.number()), c));
        clock.set(TUESDAY.atTime(7, 30));
        Ticket first = engine.issueTicket("hotich", Priority.NORMAL, null).ticket();
        assertEquals("2026-11-24/A001", first.id());
        assertEquals(1, first.ordinal());
        assertEquals("D007", engine.issueTicket("kinhdoanh", Priority.NORMAL, null).ticket().number());
        assertTrue(engine.tick().isEmpty(), "the day starts once");
    }

    @Test
    void yesterdaysTicketsCanNoLongerBeCalledOrRated() {
        aBusyMonday();
        clock.set(TUESDAY.atTime(8, 0));
        engine.tick();
        engine.openCounter(1, "s1");
        assertRefused(engine, Refusal.UNKNOWN_TICKET, () -> engine.callParked(1, "A003"));
        assertRefused(engine, Refusal.NOBODY_WAITING, () -> engine.callNext(1));
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(1, 1));
        assertRefused(engine, Refusal.UNKNOWN_TICKET,
                () -> engine.recallNoShow(1, "A002"));
    }

    @Test
    void theDailyCapIsCountedAgainEachDay() {
        engine.issueTicket("datdai", Priority.NORMAL, null);
        engine.issueTicket("datdai", Priority.NORMAL, null);
        engine.issueTicket("datdai", Priority.NORMAL, null);
        assertRefused(engine, Refusal.SERVICE_FULL, () -> engine.issueTicket("datdai", Priority.NORMAL, null));
        clock.set(TUESDAY.atTime(8, 0));
        engine.tick();
        assertEquals("B001", engine.issueTicket("datdai", Priority.NORMAL, null).ticket().number());
    }

    @Test
    void afterMidnightButBeforeTheDayStartsTicketsStillBelongToYesterday() {
        engine.issueTicket("kinhdoanh", Priority.NORMAL, null);
        clock.set(TUESDAY.atTime(0, 30));
        assertTrue(engine.tick().isEmpty());
        Ticket late = engine.issueTicket("kinhdoanh", Priority.NORMAL, null).ticket();
        assertEquals("2026-11-23/D008", late.id(), "00:30 Tuesday is still Monday's business day");
        clock.set(TUESDAY.atTime(4, 0, 1));
        engine.tick();
        assertEquals("2026-11-24/D007", engine.issueTicket("kinhdoanh", Priority.NORMAL, null).ticket().id());
    }

    @Test
    void anOfficeWhoseDayStartsAtMidnightResetsOnTheStrokeOfMidnightLocalTime() {
        QueueEngine midnight = QueueEngine.fresh(Office.layout(LocalTime.MIDNIGHT, 20), clock);
        midnight.issueTicket("kinhdoanh", Priority.NORMAL, null);
        clock.set(Office.MONDAY.atTime(23, 59, 59));
        assertTrue(midnight.tick().isEmpty());
        assertEquals("2026-11-23T16:59:59Z", clock.instant().toString(), "midnight in Hà Nội is 17:00 UTC");
        clock.set(TUESDAY.atTime(0, 0));
        CommandResult r = midnight.tick();
        assertEquals(List.of("ticket.expired", "queue.day_started"), types(r));
        assertEquals(TUESDAY, midnight.day());
        assertEquals("2026-11-24/D007", midnight.issueTicket("kinhdoanh", Priority.NORMAL, null).ticket().id());
    }

    @Test
    void aFreshEngineBeforeTheDayStartBelongsToTheDayBefore() {
        clock.set(TUESDAY.atTime(3, 0));
        assertEquals(Office.MONDAY, QueueEngine.fresh(Office.layout(), clock).day());
        clock.set(TUESDAY.atTime(4, 0));
        assertEquals(TUESDAY, QueueEngine.fresh(Office.layout(), clock).day());
    }

    @Test
    void aQuietWeekendStartsOneDayOnMondayNamingFridayAsThePrevious() {
        LocalDate friday = Office.MONDAY.minusDays(3);
        clock.set(friday.atTime(9, 0));
        QueueEngine e = QueueEngine.fresh(Office.layout(), clock);
        e.issueTicket("hotich", Priority.NORMAL, null);
        clock.set(Office.MONDAY_9AM);
        CommandResult r = e.tick();
        assertEquals(List.of("ticket.expired", "queue.day_started"), types(r));
        assertEquals(new DayStarted(clock.instant(), Office.MONDAY, friday), event(r, 1, DayStarted.class));
    }

    @Test
    void afterTheDayStartsTheWaitEstimateIsTheSameWhetherOrNotTheApplianceRestarted() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        clock.advanceMinutes(20);
        engine.finish(1);                     // Monday: one 20-minute service
        clock.set(TUESDAY.atTime(8, 0));
        engine.tick();
        QueueEngine restarted = new QueueEngine(engine.layout(), clock, engine.snapshot());
        assertEquals(restarted.snapshot(), engine.snapshot());

        engine.issueTicket("hotich", Priority.NORMAL, null);
        restarted.issueTicket("hotich", Priority.NORMAL, null);
        assertEquals(restarted.estimatedWaitSeconds("hotich"), engine.estimatedWaitSeconds("hotich"));
    }
}
