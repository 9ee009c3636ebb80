package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.Refusal;
import vn.motcua.appliance.store.BookingCounts;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;

/**
 * Bookings through the service and the store: kept across restarts, a check-in and its ticket committed together
 * and written to the booking row from the event, the four refusals told apart (unknown, another day, another office,
 * already used — also after a restart), no-shows stored, and the manager's counts.
 */
class BookingDeskTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:50:00Z")); // 08:50 in Hồ Chí Minh City

    @TempDir
    Path dir;

    QueueStore open() throws Exception {
        return new QueueStore(Database.open(dir, clock).connection(), new EventStamper("kiosk-1", clock, "boot-1", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    static Booking booking(String code, LocalDate day, int h, int m) {
        Instant start = day.atTime(h, m).atZone(QueueRules.VIETNAM).toInstant();
        return new Booking(code, day, "ho-tich", start, start.plus(Duration.ofMinutes(15)), Priority.NORMAL);
    }

    static Refusal refusal(BookingDesk desk, String code) {
        return assertThrows(QueueRefusedException.class, () -> desk.checkIn(code)).reason();
    }

    @Test
    void bookingsAreKeptACheckInIsUsedOnceAndEveryRefusalIsToldApartAcrossARestart() throws Exception {
        String ticket;
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            assertTrue(queue.replaceBookings(DAY, List.of(booking("BK-0900", DAY, 9, 0), booking("BK-0845", DAY, 8, 45))));
            assertFalse(queue.replaceBookings(DAY, List.of(booking("BK-0900", DAY, 9, 0), booking("BK-0845", DAY, 8, 45))),
                    "the retained list again (a reconnect) changes nothing");
            queue.replaceBookings(DAY.plusDays(1), List.of(booking("BK-TUE1", DAY.plusDays(1), 9, 0)));
            BookingDesk desk = new BookingDesk(queue, "benthanh");

            CommandResult r = desk.checkIn("bk-0900"); // typed in lower case: the code is upper case
            assertEquals(List.of("ticket.issued", "booking.checked_in"), r.events().stream().map(e -> e.type()).toList());
            ticket = r.ticket().number();
            List<OutboxEvent> out = store.rangeFrom(1, 10);
            assertEquals(2, out.size(), "one command, its two events in one commit");

            assertEquals(Refusal.BOOKING_USED, refusal(desk, "BK-0900"));
            assertEquals(Refusal.BOOKING_USED, refusal(desk, "MCBK1:benthanh:2026-11-23:BK-0900"));
            assertEquals(Refusal.BOOKING_UNKNOWN, refusal(desk, "NOPE-0000"));
            assertEquals(Refusal.BOOKING_UNKNOWN, refusal(desk, "a code of no shape"));
            assertEquals(Refusal.BOOKING_OTHER_DAY, refusal(desk, "BK-TUE1"));
            assertEquals(Refusal.BOOKING_OTHER_DAY, refusal(desk, "MCBK1:benthanh:2026-11-24:BK-ZZZ9"));
            assertEquals(Refusal.BOOKING_OTHER_OFFICE, refusal(desk, "MCBK1:tanđinh:2026-11-23:BK-0845".replace("đ", "d")));
            assertEquals(2, store.rangeFrom(1, 10).size(), "refusals write nothing");

            clock.advance(Duration.ofMinutes(6)); // 08:56: BK-0845's grace is over
            queue.tick();
            assertEquals(new BookingCounts(2, 1, 1, 1), queue.bookingCounts());
        }
        try (QueueStore store = open()) { // a restart: what was stored is what the office knows, offline
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            BookingDesk desk = new BookingDesk(queue, "benthanh");
            assertEquals(Refusal.BOOKING_USED, refusal(desk, "BK-0900"));
            assertTrue(queue.read(e -> e.ticket(ticket)).isPresent());
            assertTrue(queue.read(e -> e.bookedSlotOf(e.ticket(ticket).orElseThrow())).isPresent(),
                    "the booked ticket is back in the booked lane");
            queue.tick();
            assertEquals(3, store.rangeFrom(1, 10).size(), "the no-show is not reported twice after a restart");
            CommandResult late = desk.checkIn("MCBK1:benthanh:2026-11-23:BK-0845");
            assertTrue(late.events().get(1).toString().contains("late"), late.events().toString());
            assertEquals(new BookingCounts(2, 2, 1, 1), queue.bookingCounts());
            assertEquals("BK-TUE1", queue.storedBooking("BK-TUE1").orElseThrow().booking().code());
        }
    }

    /**
     * H2 lost after a crash (h2database #4383): rebuilt from the journal, whose base record carries the bookings and
     * whose check-in event carries the booking it checked in.
     */
    @Test
    void aCheckInOutlivesTheLossOfTheDatabaseFile() throws Exception {
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null)); // the office is at work: its day is stored
            queue.replaceBookings(DAY, List.of(booking("BK-0900", DAY, 9, 0), booking("BK-0915", DAY, 9, 15)));
            new BookingDesk(queue, "benthanh").checkIn("BK-0900");
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            BookingDesk desk = new BookingDesk(queue, "benthanh");
            assertEquals(Refusal.BOOKING_USED, refusal(desk, "BK-0900"), "the check-in came back from the journal");
            assertEquals("early", queue.storedBooking("BK-0900").orElseThrow().outcome()); // 08:50 for 09:00
            assertEquals(List.of("ticket.issued", "booking.checked_in"),
                    desk.checkIn("BK-0915").events().stream().map(e -> e.type()).toList(),
                    "the booking nobody used came back from the base record too, and checks in");
        }
    }

    @Test
    void aCancelledBookingLeavesButACheckedInOneStays() throws Exception {
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            queue.replaceBookings(DAY, List.of(booking("BK-0900", DAY, 9, 0), booking("BK-0915", DAY, 9, 15)));
            BookingDesk desk = new BookingDesk(queue, "benthanh");
            desk.checkIn("BK-0900");
            queue.replaceBookings(DAY, List.of());
            assertEquals(Refusal.BOOKING_UNKNOWN, refusal(desk, "BK-0915"));
            assertEquals(Refusal.BOOKING_USED, refusal(desk, "BK-0900"));
            assertEquals(1, queue.bookingCounts().booked());
        }
    }
}
