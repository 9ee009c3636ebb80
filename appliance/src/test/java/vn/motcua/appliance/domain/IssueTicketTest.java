package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.web.ErrorCatalogue;

import vn.motcua.appliance.domain.QueueEvent.TicketIssued;

/** A resident takes a ticket at the kiosk. */
class IssueTicketTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @Test
    void aResidentTakesTheFirstTicketOfTheDay() {
        CommandResult r = engine.issueTicket("hotich", Priority.NORMAL, "k1");

        Ticket t = r.subject().orElseThrow();
        assertEquals("A001", t.number());
        assertEquals("2026-11-23/A001", t.id());
        assertEquals(Office.MONDAY, t.day());
        assertEquals(1, t.numeric());
        assertEquals(1, t.ordinal());
        assertEquals(TicketStatus.WAITING, t.status());
        assertEquals(clock.instant(), t.issuedAt());
        assertEquals("k1", t.residentKey());
        TicketIssued e = only(r, TicketIssued.class);
        assertEquals(new TicketIssued(clock.instant(), "2026-11-23/A001", "A001", "hotich", "NORMAL", 0, 0, "k1"), e);
        assertEquals("ticket.issued", e.type());
        assertEquals(java.util.List.of(t), r.changedTickets());
        assertTrue(r.changedCounters().isEmpty());
        assertEquals(Integer.valueOf(1), r.day().lastNumber().get("hotich"));
        assertEquals(Integer.valueOf(1), r.day().issued().get("hotich"));
        assertEquals(1, r.day().lastOrdinal());
    }

    @Test
    void anAnonymousResidentIsIssuedATicketWithoutKey() {
        TicketIssued e = only(engine.issueTicket("hotich", Priority.NORMAL, null), TicketIssued.class);
        assertEquals(null, e.residentKey());
        assertEquals(null, engine.ticket("A001").orElseThrow().residentKey());
    }

    @Test
    void numbersCountUpPerPrefixWhileTheOrdinalCountsAcrossServices() {
        assertEquals("A001", issue("hotich").number());
        assertEquals("B001", issue("datdai").number());
        assertEquals("A002", issue("hotich").number());
        Ticket c = issue("chungthuc");
        assertEquals("C0001", c.number(), "a range up to 1999 is shown with four digits");
        assertEquals(4, c.ordinal());
        assertEquals("A003", issue("hotich").number());
    }

    @Test
    void aRangeThatDoesNotStartAtOneStartsAtItsFirstNumber() {
        assertEquals("D007", issue("kinhdoanh").number());
        assertEquals("D008", issue("kinhdoanh").number());
        assertEquals(8, engine.ticket("D008").orElseThrow().numeric());
    }

    @Test
    void zeroPaddingFollowsTheRangeWidth() {
        ServiceDef three = new ServiceDef("x", "X", "X", 'X', 1, 999, 0, OpeningHours.always());
        ServiceDef four = new ServiceDef("y", "Y", "Y", 'Y', 1, 1000, 0, OpeningHours.always());
        assertEquals("X007", three.format(7));
        assertEquals("X999", three.format(999));
        assertEquals("Y0007", four.format(7));
        assertEquals("Y1000", four.format(1000));
        assertEquals("Y9999", new ServiceDef("z", "Z", "Z", 'Y', 1, 9999, 0, OpeningHours.always()).format(9999));
    }

    @Test
    void theRangeRunsOutAndTheServiceRefusesWithoutChangingAnything() {
        issue("kinhdoanh");
        issue("kinhdoanh");
        assertEquals("D009", issue("kinhdoanh").number());
        assertRefused(engine, Refusal.NUMBER_RANGE_EXHAUSTED, () -> engine.issueTicket("kinhdoanh", Priority.NORMAL, null));
        assertEquals("A001", issue("hotich").number(), "other services still issue");
    }

    @Test
    void theDailyCapRefusesTheFourthLandTicket() {
        issue("datdai");
        issue("datdai");
        issue("datdai");
        QueueRefusedException x = assertRefused(engine, Refusal.SERVICE_FULL,
                () -> engine.issueTicket("datdai", Priority.ELDERLY, null));
        assertEquals("Đã hết số của ngày hôm nay", ErrorCatalogue.of(x.reason()).vi());
    }

    @Test
    void theCapCountsIssuedTicketsEvenAfterTheyAreServed() {
        engine.openCounter(3, "s3");
        for (int i = 0; i < 3; i++) {
            issue("datdai");
            engine.callNext(3);
            engine.finish(3);
        }
        assertRefused(engine, Refusal.SERVICE_FULL, () -> engine.issueTicket("datdai", Priority.NORMAL, null));
    }

    @Test
    void anUnknownServiceIsRefused() {
        assertRefused(engine, Refusal.UNKNOWN_SERVICE, () -> engine.issueTicket("nope", Priority.NORMAL, null));
        assertRefused(engine, Refusal.UNKNOWN_SERVICE, () -> engine.issueTicket(null, Priority.NORMAL, null));
    }

    @Test
    void priorityClassesTheOfficeGrantsAreIssuedOthersRefused() {
        assertEquals(Priority.ELDERLY, engine.issueTicket("hotich", Priority.ELDERLY, null).ticket().priority());
        assertEquals(Priority.DISABLED, engine.issueTicket("hotich", Priority.DISABLED, null).ticket().priority());
        TicketIssued e = only(engine.issueTicket("hotich", Priority.PREGNANT, null), TicketIssued.class);
        assertEquals("PREGNANT", e.priority());
        assertRefused(engine, Refusal.PRIORITY_NOT_OFFERED, () -> engine.issueTicket("hotich", Priority.VETERAN, null));
        assertRefused(engine, Refusal.PRIORITY_NOT_OFFERED, () -> engine.issueTicket("hotich", Priority.CHILD_CARER, null));
    }

    @Test
    void beforeOpeningTheServiceIsNotYetOpen() {
        clock.set(Office.MONDAY.atTime(7, 29, 59));
        assertRefused(engine, Refusal.SERVICE_NOT_YET_OPEN, () -> issue("hotich"));
        clock.set(Office.MONDAY.atTime(7, 30));
        assertEquals("A001", issue("hotich").number(), "opens exactly at 07:30");
    }

    @Test
    void duringLunchTheServiceRefusesAndReopensAtTheEndOfTheBreak() {
        clock.set(Office.MONDAY.atTime(11, 29, 59));
        assertEquals("A001", issue("hotich").number());
        clock.set(Office.MONDAY.atTime(11, 30));
        assertRefused(engine, Refusal.SERVICE_LUNCH_BREAK, () -> issue("hotich"));
        clock.set(Office.MONDAY.atTime(13, 29, 59));
        assertRefused(engine, Refusal.SERVICE_LUNCH_BREAK, () -> issue("hotich"));
        assertEquals("D007", issue("kinhdoanh").number(), "a service without a break still issues");
        clock.set(Office.MONDAY.atTime(13, 30));
        assertEquals("A002", issue("hotich").number());
    }

    @Test
    void atClosingTimeTheServiceIsClosedForTheDay() {
        clock.set(Office.MONDAY.atTime(16, 59, 59));
        issue("hotich");
        clock.set(Office.MONDAY.atTime(17, 0));
        assertRefused(engine, Refusal.SERVICE_CLOSED_FOR_THE_DAY, () -> issue("hotich"));
        clock.set(Office.MONDAY.atTime(23, 0));
        assertRefused(engine, Refusal.SERVICE_CLOSED_FOR_THE_DAY, () -> issue("hotich"));
    }

    @Test
    void onSaturdayOnlyCertificationIsOpenAndOnSundayNothingButTheAllDayServices() {
        LocalDate saturday = Office.MONDAY.plusDays(5);
        clock.set(saturday.atTime(9, 0));
        engine.tick();
        QueueRefusedException x = assertRefused(engine, Refusal.SERVICE_CLOSED_TODAY, () -> issue("hotich"));
        assertEquals("This service does not take tickets today", ErrorCatalogue.of(x.reason()).en());
        assertEquals("C0001", issue("chungthuc").number());
        clock.set(saturday.plusDays(1).atTime(9, 0));
        engine.tick();
        assertRefused(engine, Refusal.SERVICE_CLOSED_TODAY, () -> issue("chungthuc"));
        assertEquals("D007", issue("kinhdoanh").number());
    }

    /** The office calendar: on a closed day (a public holiday, on a Tuesday) no service takes tickets, the all-day ones neither. */
    @Test
    void onAClosedDayOfTheCalendarNoServiceTakesTickets() {
        LocalDate holiday = Office.MONDAY.plusDays(1);
        OfficeLayout l = Office.layout();
        QueueEngine e = QueueEngine.fresh(new OfficeLayout(l.services(), l.counters(), l.rules(),
                new ClosedDays(java.util.Set.of(holiday))), clock);
        assertEquals("A001", e.issueTicket("hotich", Priority.NORMAL, null).subject().orElseThrow().number());
        clock.set(holiday.atTime(9, 0));
        e.tick();
        for (String service : new String[] {"hotich", "chungthuc", "kinhdoanh"}) {
            QueueRefusedException x = assertRefused(e, Refusal.OFFICE_CLOSED_TODAY,
                    () -> e.issueTicket(service, Priority.NORMAL, null));
            assertTrue(ErrorCatalogue.of(x.reason()).vi().contains("nghỉ") && ErrorCatalogue.of(x.reason()).en().contains("closed today"), ErrorCatalogue.of(x.reason()).en());
        }
        clock.set(holiday.plusDays(1).atTime(9, 0));
        e.tick();
        assertEquals("A001", e.issueTicket("hotich", Priority.NORMAL, null).subject().orElseThrow().number(),
                "open again the day after, numbering from the start");
    }

    /**
     * What a kiosk shows on a service's button before anyone presses it ({@link QueueEngine#ticketRefusalNow}, the
     * master's and its satellites') is what the press would get: open, full, out of numbers, unknown, lunch break,
     * closed for the day, closed today; and asking changes nothing.
     */
    @Test
    void aKioskIsToldBeforeAPressExactlyWhatThePressWouldGet() {
        assertTold(engine, "hotich", null);
        assertTold(engine, "nope", Refusal.UNKNOWN_SERVICE);
        for (int i = 0; i < 3; i++) {
            assertTold(engine, "datdai", null);
            assertTold(engine, "kinhdoanh", null);
        }
        assertTold(engine, "datdai", Refusal.SERVICE_FULL);
        assertTold(engine, "kinhdoanh", Refusal.NUMBER_RANGE_EXHAUSTED);
        clock.set(Office.MONDAY.atTime(11, 30));
        assertTold(engine, "hotich", Refusal.SERVICE_LUNCH_BREAK);
        clock.set(Office.MONDAY.atTime(17, 0));
        assertTold(engine, "hotich", Refusal.SERVICE_CLOSED_FOR_THE_DAY);
        clock.set(Office.MONDAY.plusDays(5).atTime(9, 0));
        engine.tick();
        assertTold(engine, "hotich", Refusal.SERVICE_CLOSED_TODAY);
        assertTold(engine, "chungthuc", null);
    }

    /** The kiosk's answer for {@code service}, then a press: the same outcome ({@code null}: a ticket). */
    private static void assertTold(QueueEngine e, String service, Refusal expected) {
        Office.Observed before = Office.Observed.of(e);
        java.util.Optional<Refusal> told = e.ticketRefusalNow(service);
        assertEquals(before, Office.Observed.of(e), "asking changed the engine");
        assertEquals(java.util.Optional.ofNullable(expected), told, service);
        if (expected == null) {
            e.issueTicket(service, Priority.NORMAL, null);
        } else {
            assertRefused(e, expected, () -> e.issueTicket(service, Priority.NORMAL, null));
        }
    }

    @Test
    void hoursAreReadInVietnameseLocalTimeNotUtc() {
        // 02:00 UTC is 09:00 in Hà Nội: open; 01:00 UTC is 08:00; 00:29 UTC is 07:29: not yet open.
        clock.set(Office.MONDAY.atTime(7, 29));
        assertEquals("2026-11-23T00:29:00Z", clock.instant().toString());
        assertRefused(engine, Refusal.SERVICE_NOT_YET_OPEN, () -> issue("hotich"));
    }

    @Test
    void peopleAheadCountsWaitingTicketsOfTheServiceAndPriorityOnlyCountsPriority() {
        issue("hotich");
        issue("hotich");
        issue("chungthuc");
        engine.issueTicket("hotich", Priority.ELDERLY, null);
        assertEquals(3, issued("hotich", Priority.NORMAL).peopleAhead(), "two normal and one elderly");
        assertEquals(1, issued("hotich", Priority.PREGNANT).peopleAhead(), "only the elderly ticket is ahead");
        assertEquals(1, issued("chungthuc", Priority.NORMAL).peopleAhead());
    }

    @Test
    void peopleAheadLeavesOutCalledParkedAndFinishedTickets() {
        engine.openCounter(1, "s1");
        issue("hotich");
        issue("hotich");
        issue("hotich");
        engine.callNext(1); // A001 called
        engine.park(1);     // A001 parked
        engine.callNext(1); // A002 called
        assertEquals(1, issued("hotich", Priority.NORMAL).peopleAhead(), "only A003 still waits");
    }

    @Test
    void theWaitEstimateStartsFromTheDefaultServiceTimeSharedByAllCountersOfTheService() {
        issue("hotich");
        issue("hotich");
        // Two people ahead, 6 minutes each, two counters serve hộ tịch (none open yet: all of them count).
        assertEquals(2 * 360 / 2, issued("hotich", Priority.NORMAL).estimatedWaitSeconds());
        engine.openCounter(1, "s1");
        // Now one counter is open: it alone serves the queue.
        assertEquals(3 * 360, issued("hotich", Priority.NORMAL).estimatedWaitSeconds());
        assertEquals(4 * 360, engine.estimatedWaitSeconds("hotich"), "four ahead of the next resident");
    }

    @Test
    void theWaitEstimateLearnsFromRecentServiceTimes() {
        engine.openCounter(1, "s1");
        for (int i = 0; i < 4; i++) {
            serveOne(Duration.ofMinutes(10));
        }
        issue("hotich");
        assertEquals(Office.DEFAULT_SERVICE_TIME.toSeconds(), engine.estimatedWaitSeconds("hotich"),
                "four services say too little: the default 6 min for the one ahead");
        serveOne(Duration.ofMinutes(10));
        issue("hotich");
        TicketIssued e = issued("hotich", Priority.NORMAL);
        assertEquals(1, e.peopleAhead());
        assertEquals(Duration.ofMinutes(10).toSeconds(), e.estimatedWaitSeconds(), "one ahead at 10 min, one open counter");
        assertEquals(e.estimatedWaitSeconds(), engine.estimatedWaitSeconds("hotich") / 2, "the next resident has two ahead");
    }

    @Test
    void oneServiceOfZeroSecondsDoesNotCollapseTheEstimate() {
        engine.openCounter(1, "s1");
        serveOne(Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            issue("hotich");
        }
        // the issue's morning: one 0 s service, four waiting; the default holds, never "< 1 phút"
        assertEquals(4 * Office.DEFAULT_SERVICE_TIME.toSeconds(), engine.estimatedWaitSeconds("hotich"));
        for (Duration d : new Duration[] {Duration.ofMinutes(8), Duration.ofMinutes(9), Duration.ZERO, Duration.ofMinutes(10)}) {
            serveOne(d); // serves the oldest waiting; a fresh ticket keeps four ahead
            issue("hotich");
        }
        // five services: 0, 8, 9, 0, 10 minutes; the median is 8 minutes (the mean would say 5.4)
        assertEquals(4 * Duration.ofMinutes(8).toSeconds(), engine.estimatedWaitSeconds("hotich"));
        serveOne(Duration.ofHours(1)); // one very long one moves the median by one place only
        issue("hotich");
        assertEquals(4 * (Duration.ofMinutes(8).toSeconds() + Duration.ofMinutes(9).toSeconds()) / 2,
                engine.estimatedWaitSeconds("hotich"));
    }

    /** Calls the next hộ tịch ticket at counter 1 (issuing one if nobody waits), serves it for {@code d}. */
    private void serveOne(Duration d) {
        if (engine.waiting("hotich") == 0) {
            issue("hotich");
        }
        engine.callNext(1);
        engine.startService(1);
        clock.advance(d);
        engine.finish(1);
    }

    @Test
    void theEstimateAveragesOnlyTheConfiguredSampleOfRecentTimes() {
        QueueEngine small = QueueEngine.fresh(Office.layout(java.time.LocalTime.of(4, 0), 2), clock);
        small.openCounter(1, "s1");
        for (int minutes : new int[] {30, 4, 8}) {
            small.issueTicket("hotich", Priority.NORMAL, null);
            small.callNext(1);
            clock.advanceMinutes(minutes);
            small.finish(1);
        }
        small.issueTicket("hotich", Priority.NORMAL, null);
        // Only the last two (4 and 8 minutes) count: 6 minutes for the one person ahead, not 14.
        assertEquals(360, small.estimatedWaitSeconds("hotich"));
    }

    private Ticket issue(String service) {
        return engine.issueTicket(service, Priority.NORMAL, null).ticket();
    }

    private TicketIssued issued(String service, Priority p) {
        return only(engine.issueTicket(service, p, null), TicketIssued.class);
    }
}
