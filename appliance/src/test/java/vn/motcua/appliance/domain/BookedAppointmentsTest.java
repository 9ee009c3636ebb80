package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.BookingNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;

/**
 * The booked lane (issue 19, {@link BookingRules}): a booked ticket is called at or after its slot start ahead of the
 * walk-ins; an early arrival waits for the slot (or, by config, queues as a walk-in until it); past the grace a
 * booking nobody checked in is a no-show once, and a check-in then is a walk-in. Counter 1 serves hộ tịch
 * ({@link Office}); the grace is 10 minutes.
 */
class BookedAppointmentsTest {
    private static final LocalDate DAY = Office.MONDAY;

    private final TestClock clock = Office.clockAt(DAY.atTime(8, 50));

    private QueueEngine engine(boolean earlyArrivalsWait, Booking... bookings) {
        OfficeLayout base = Office.layout();
        QueueRules r = base.rules();
        QueueRules rules = new QueueRules(r.zone(), r.dayStartsAt(), r.noShowRecallWindow(), r.ratingWindow(),
                r.defaultServiceTime(), r.estimateSample(), r.priorities(), r.unstartedCallOnNext(),
                new BookingRules(Duration.ofMinutes(10), earlyArrivalsWait));
        QueueEngine e = QueueEngine.fresh(new OfficeLayout(base.services(), base.counters(), rules), clock);
        e.loadBookings(new BookingSnapshot(List.of(bookings), Set.of(), Map.of()));
        e.openCounter(1, "lan");
        return e;
    }

    private static Booking booking(String code, LocalDate day, int h, int m) {
        Instant start = day.atTime(h, m).atZone(QueueRules.VIETNAM).toInstant();
        return new Booking(code, day, "hotich", start, start.plus(Duration.ofMinutes(15)), Priority.NORMAL);
    }

    private void at(int h, int m) {
        clock.set(LocalDateTime.of(DAY, LocalTime.of(h, m)));
    }

    private static String walkIn(QueueEngine e) {
        return e.issueTicket("hotich", Priority.NORMAL, null).ticket().number();
    }

    private static BookingCheckedIn checkIn(QueueEngine e, String code) {
        CommandResult r = e.checkInBooking(code);
        assertEquals(List.of("ticket.issued", "booking.checked_in"), Office.types(r), "one command: the ticket and its check-in");
        BookingCheckedIn in = Office.event(r, 1, BookingCheckedIn.class);
        assertEquals(Office.event(r, 0, TicketIssued.class).ticketId(), in.ticketId());
        return in;
    }

    private static List<String> callAll(QueueEngine e) {
        List<String> called = new ArrayList<>();
        while (e.nextFor(1).isPresent()) {
            called.add(e.callNext(1).ticket().number());
        }
        return called;
    }

    @Test
    void anOnTimeBookingIsCalledAheadOfWalkInsWhoCameEarlier() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0));
        at(8, 55);
        assertEquals("A001", walkIn(e));
        assertEquals("A002", walkIn(e));
        at(9, 2);
        BookingCheckedIn in = checkIn(e, "BK-0900");
        assertEquals(BookingCheckedIn.ON_TIME, in.outcome());
        assertEquals("A003", in.number());
        assertEquals(List.of("A003", "A001", "A002"), callAll(e));
    }

    /**
     * What a resident is told (people ahead, the wait) follows the call order: a booked ticket due now has nobody
     * but earlier due bookings ahead and is ahead of the walk-ins; an early arrival counts those ahead of it when
     * its slot comes and waits at least until then; a walk-in does not count an early arrival still waiting.
     */
    @Test
    void peopleAheadAndTheWaitFollowTheBookedLane() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0), booking("BK-0930", DAY, 9, 30));
        at(8, 55);
        walkIn(e);
        walkIn(e);
        at(9, 2);
        CommandResult due = e.checkInBooking("BK-0900");
        TicketIssued dueTicket = Office.event(due, 0, TicketIssued.class);
        assertEquals(0, dueTicket.peopleAhead(), "due now: called before the two walk-ins");
        assertEquals(1, e.peopleAheadOf(e.ticket("A001").orElseThrow()), "the first walk-in has the booked one ahead");
        assertEquals(2, e.peopleAheadOf(e.ticket("A002").orElseThrow()));
        assertEquals(0, e.peopleAheadOf(e.ticket(dueTicket.number()).orElseThrow()));

        TicketIssued early = Office.event(e.checkInBooking("BK-0930"), 0, TicketIssued.class);
        assertEquals(1, early.peopleAhead(), "at 09:30 the 09:00 booking is still ahead of it, the walk-ins are not");
        assertTrue(early.estimatedWaitSeconds() >= Duration.ofMinutes(28).toSeconds(),
                "it waits for its slot at least: " + early.estimatedWaitSeconds());
        Ticket earlyTicket = e.ticket(early.number()).orElseThrow();
        assertEquals(early.estimatedWaitSeconds(), e.estimatedWaitSecondsOf(earlyTicket), "the same wait when asked again");

        String walkIn = walkIn(e);
        assertEquals(3, e.peopleAheadOf(e.ticket(walkIn).orElseThrow()), "two walk-ins and the due booking; not the early one");
        at(9, 30);
        assertEquals(1, e.peopleAheadOf(earlyTicket), "from its slot: behind the 09:00 booking only");
        assertEquals(4, e.peopleAheadOf(e.ticket(walkIn).orElseThrow()), "from 09:30 the early one is ahead of the walk-in too");
        assertEquals(List.of(dueTicket.number(), early.number(), "A001", "A002", walkIn), callAll(e),
                "the order the counts foretold");
    }

    @Test
    void anEarlyArrivalWaitsForTheSlotWhileWalkInsAreCalled() {
        QueueEngine e = engine(true, booking("BK-0930", DAY, 9, 30));
        at(9, 0);
        BookingCheckedIn in = checkIn(e, "BK-0930");
        assertEquals(BookingCheckedIn.EARLY, in.outcome());
        String walkIn = walkIn(e);
        assertEquals(walkIn, e.callNext(1).ticket().number(), "the walk-in who came after is called before the slot");
        e.finish(1);
        assertTrue(e.nextFor(1).isEmpty(), "nobody to call: the booked resident waits for 09:30");
        Office.assertRefused(e, Refusal.NOBODY_WAITING, () -> e.callNext(1));
        at(9, 29);
        assertTrue(e.nextFor(1).isEmpty());
        String later = walkIn(e);
        at(9, 30);
        assertEquals(List.of(in.number(), later), callAll(e), "at the slot start it goes ahead of the walk-in");
    }

    @Test
    void whenEarlyArrivalsDoNotWaitTheyQueueAsWalkInsUntilTheSlotThenGoAhead() {
        QueueEngine e = engine(false, booking("BK-0930", DAY, 9, 30), booking("BK-0935", DAY, 9, 35));
        at(9, 0);
        String first = walkIn(e);
        String early = checkIn(e, "BK-0930").number();
        String second = walkIn(e);
        assertEquals(first, e.callNext(1).ticket().number());
        assertEquals(early, e.callNext(1).ticket().number(), "before its slot it is a walk-in, in issue order");
        String booked = checkIn(e, "BK-0935").number();
        String third = walkIn(e);
        at(9, 35);
        assertEquals(List.of(booked, second, third), callAll(e));
    }

    @Test
    void aCheckInPastTheGraceIsAWalkIn() {
        QueueEngine e = engine(true, booking("BK-0830", DAY, 8, 30));
        at(8, 39);
        String walkIn = walkIn(e);
        at(8, 41); // 08:30 + 10 min grace has passed
        BookingCheckedIn in = checkIn(e, "BK-0830");
        assertEquals(BookingCheckedIn.LATE, in.outcome());
        Ticket t = e.ticket(in.number()).orElseThrow();
        assertTrue(e.bookedSlotOf(t).isEmpty(), "not in the booked lane");
        assertEquals(List.of(walkIn, in.number()), callAll(e));
    }

    @Test
    void aBookingNotCheckedInByTheEndOfItsGraceIsOneNoShowAndMayStillCheckInAsAWalkIn() {
        QueueEngine e = engine(true, booking("BK-0845", DAY, 8, 45), booking("BK-1000", DAY, 10, 0));
        at(8, 55);
        assertTrue(e.tick().isEmpty(), "08:45 + 10 min: the grace ends after 08:55, not at it");
        at(8, 56);
        CommandResult r = e.tick();
        BookingNoShow noShow = Office.only(r, BookingNoShow.class);
        assertEquals("BK-0845", noShow.code());
        assertEquals(DAY, noShow.day());
        assertTrue(e.tick().isEmpty(), "reported once");
        at(9, 10);
        assertEquals(BookingCheckedIn.LATE, checkIn(e, "BK-0845").outcome());
        assertEquals(1, e.bookings().open().size(), "only the 10:00 booking is still open");
    }

    @Test
    void bookedTicketsAmongThemselvesGoBySlotStartAndWalkInsInterleaveAfterThem() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0), booking("BK-0915", DAY, 9, 15),
                booking("BK-0920", DAY, 9, 20));
        at(8, 58);
        String w1 = walkIn(e);
        String b0915 = checkIn(e, "BK-0915").number(); // early
        at(9, 5);
        String b0900 = checkIn(e, "BK-0900").number(); // on time, checked in after the 09:15 one
        String w2 = walkIn(e);
        assertEquals(b0900, e.callNext(1).ticket().number());
        assertEquals(w1, e.callNext(1).ticket().number(), "the 09:15 booking waits for its slot");
        at(9, 16);
        String b0920 = checkIn(e, "BK-0920").number(); // early again
        String w3 = walkIn(e);
        assertEquals(b0915, e.callNext(1).ticket().number());
        assertEquals(w2, e.callNext(1).ticket().number());
        at(9, 20);
        assertEquals(List.of(b0920, w3), callAll(e));
    }

    @Test
    void aBookedTicketIsCalledOnlyByCountersThatServeItsService() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0));
        e.openCounter(3, "binh"); // đất đai only
        at(9, 0);
        checkIn(e, "BK-0900");
        e.issueTicket("datdai", Priority.NORMAL, null);
        assertEquals("B001", e.callNext(3).ticket().number());
        assertEquals("A001", e.callNext(1).ticket().number());
    }

    @Test
    void anUnknownCodeAUsedCodeAndAnotherDaysBookingAreRefusedAndChangeNothing() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0), booking("BK-TUE", DAY.plusDays(1), 9, 0));
        at(9, 0);
        refused(e, Refusal.BOOKING_UNKNOWN, "NOPE-1234");
        refused(e, Refusal.BOOKING_OTHER_DAY, "BK-TUE");
        checkIn(e, "BK-0900");
        refused(e, Refusal.BOOKING_UNKNOWN, "BK-0900"); // the service tells "already used" from the store
    }

    private static void refused(QueueEngine e, Refusal reason, String code) {
        BookingSnapshot before = e.bookings();
        Office.assertRefused(e, reason, () -> e.checkInBooking(code));
        assertEquals(before, e.bookings(), "a refused check-in changed the bookings");
    }

    @Test
    void theEngineHoldsOnlyActiveBookings() {
        QueueEngine e = engine(true, booking("BK-0900", DAY, 9, 0), booking("BK-0905", DAY, 9, 5));
        at(9, 0);
        String t = checkIn(e, "BK-0900").number();
        assertEquals(1, e.bookings().open().size());
        assertEquals(1, e.bookings().bookedTickets().size());
        assertEquals(t, e.callNext(1).ticket().number());
        assertTrue(e.bookings().bookedTickets().isEmpty(), "a called booked ticket leaves the lane");
        e.finish(1);
        assertEquals(1, e.bookings().open().size());
    }

    @Test
    void theNextDayReportsYesterdaysLeftoverBookingsAsNoShowsAndForgetsThem() {
        QueueEngine e = engine(true, booking("BK-1600", DAY, 16, 0), booking("BK-TUE", DAY.plusDays(1), 9, 0));
        clock.set(DAY.plusDays(1).atTime(7, 0));
        CommandResult r = e.tick();
        List<BookingNoShow> noShows = r.events().stream().filter(x -> x instanceof BookingNoShow).map(x -> (BookingNoShow) x).toList();
        assertEquals(List.of("BK-1600"), noShows.stream().map(BookingNoShow::code).toList());
        assertEquals(List.of("BK-TUE"), e.bookings().open().stream().map(Booking::code).toList());
        assertFalse(e.tick().events().stream().anyMatch(x -> x instanceof BookingNoShow));
    }

    @Test
    void aBookingsPriorityIsTheTicketsWhenTheOfficeGrantsIt() {
        Instant start = DAY.atTime(9, 0).atZone(QueueRules.VIETNAM).toInstant();
        QueueEngine e = engine(true, new Booking("BK-OLD1", DAY, "hotich", start, start.plusSeconds(900), Priority.ELDERLY),
                new Booking("BK-VET1", DAY, "hotich", start, start.plusSeconds(900), Priority.VETERAN));
        at(9, 0);
        assertEquals(Priority.ELDERLY, e.ticket(checkIn(e, "BK-OLD1").number()).orElseThrow().priority());
        assertEquals(Priority.NORMAL, e.ticket(checkIn(e, "BK-VET1").number()).orElseThrow().priority(),
                "this office grants no veteran priority: the booking is still honoured, as a normal ticket");
    }

    @Test
    void aBookingNeedsAWellFormedCodeAndASlotThatEndsAfterItStarts() {
        Instant start = DAY.atTime(9, 0).atZone(QueueRules.VIETNAM).toInstant();
        assertThrows(IllegalArgumentException.class, () -> new Booking("bk 1", DAY, "hotich", start, start.plusSeconds(60), Priority.NORMAL));
        assertThrows(IllegalArgumentException.class, () -> new Booking("BK-0900", DAY, "hotich", start, start, Priority.NORMAL));
        assertTrue(Booking.QR.matcher("MCBK1:benthanh-01:2026-11-23:BK-0900").matches());
    }
}
