package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEventTypes;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.history.EventDays;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.store.BookingCounts;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.MutableClock;

/**
 * The reports count a day's bookings as the manager view does (issue 19): on a day with an early, an on-time, a late
 * (reported as a no-show, then checked in), a no-show, a cancelled booking and one the roll itself reports, today's
 * report agrees with the manager view during the day, and the rolled day's stored cells, and the technician's
 * recompute from the raw events, agree with the manager's counts of that day after the roll.
 */
class BookingFiguresAgreeTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:50:00Z")); // 08:50 in Hồ Chí Minh City

    @TempDir
    Path dir;

    static Booking booking(String code, String service, int h, int m) {
        Instant start = DAY.atTime(h, m).atZone(QueueRules.VIETNAM).toInstant();
        return new Booking(code, DAY, service, start, start.plus(Duration.ofMinutes(15)), Priority.NORMAL);
    }

    static BookingCounts counted(List<Cell> cells) {
        Figures f = cells.stream().map(Cell::figures).reduce(Figures.NONE, Figures::plus);
        return new BookingCounts(f.booked(), f.checkedIn(), f.bookedOnTime(), f.bookingNoShows());
    }

    @Test
    void theDaysReportCountsBookingsAsTheManagerViewDoes() throws Exception {
        try (QueueStore store = new QueueStore(Database.open(dir, clock).connection(),
                new EventStamper("kiosk-1", clock, "boot-1", () -> true), Watermarks.load(dir),
                CommitJournal.open(dir, 256 * 1024))) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            OfficeHistory history = new OfficeHistory(store, queue, DaySummary.DEFAULT_ALERT_WAIT);
            queue.replaceBookings(DAY, List.of(booking("EARLY-0900", "ho-tich", 9, 0),
                    booking("ONTIME-0845", "ho-tich", 8, 45), booking("LATE-0830", "dat-dai", 8, 30),
                    booking("NOSHOW-1000", "dat-dai", 10, 0), booking("CANCEL-1100", "ho-tich", 11, 0),
                    booking("ROLL-1630", "ho-tich", 16, 30)));
            queue.replaceBookings(DAY, List.of(booking("EARLY-0900", "ho-tich", 9, 0),
                    booking("ONTIME-0845", "ho-tich", 8, 45), booking("LATE-0830", "dat-dai", 8, 30),
                    booking("NOSHOW-1000", "dat-dai", 10, 0), booking("ROLL-1630", "ho-tich", 16, 30))); // one cancelled
            BookingDesk desk = new BookingDesk(queue, "benthanh");

            queue.tick(); // 08:50: LATE-0830's grace ended at 08:40
            desk.checkIn("EARLY-0900");
            desk.checkIn("ONTIME-0845");
            desk.checkIn("LATE-0830"); // late: a walk-in, and still a no-show
            clock.advance(Duration.ofMinutes(81)); // 10:11
            queue.tick(); // NOSHOW-1000 is reported
            BookingCounts during = queue.bookingCounts();
            assertEquals(new BookingCounts(5, 3, 2, 2), during);
            assertEquals(during, counted(history.cells(DAY, DAY)), "today's report agrees with the manager view");

            // no tick between ROLL-1630's grace and the roll: the roll's own command reports it
            clock.set(Instant.parse("2026-11-23T21:30:00Z")); // 04:30 the next day
            queue.tick();
            assertEquals(DAY.plusDays(1), queue.read(e -> e.day()));
            BookingCounts ended = store.bookingCounts(DAY);
            assertEquals(new BookingCounts(5, 3, 2, 3), ended);
            List<Cell> stored = store.dayFigures(DAY, DAY);
            assertEquals(ended, counted(stored), "the rolled day's cells agree with the manager's counts of the day");
            assertEquals(ended, counted(history.cells(DAY, DAY)));

            // the cell of a booking: its service, the hour of its slot start, no counter, no clerk
            Map<String, Integer> booked = new TreeMap<>();
            for (Cell c : stored) {
                if (c.figures().booked() > 0) {
                    assertEquals(0, c.key().counter());
                    assertEquals("", c.key().staffId());
                    booked.merge(c.key().service() + "@" + c.key().hour(), c.figures().booked(), Integer::sum);
                }
            }
            assertEquals(Map.of("ho-tich@8", 1, "ho-tich@9", 1, "ho-tich@16", 1, "dat-dai@8", 1, "dat-dai@10", 1),
                    booked);

            // the technician's recompute folds the raw events into the same cells
            EventDays days = new EventDays(true);
            for (OutboxEvent e : store.rangeFrom(1, 1000)) {
                var type = QueueEventTypes.classOf(e.type());
                if (type.isPresent()) {
                    days.accept(EventJson.mapper().readValue(e.payloadJson(), type.get()));
                }
            }
            assertTrue(days.wholeDays().containsKey(DAY));
            List<Cell> recomputed = new DayCube(TestOffices.small(), DaySummary.DEFAULT_ALERT_WAIT)
                    .cells(days.wholeDays().get(DAY), days.bookings(DAY));
            assertEquals(stored, recomputed);
        }
    }
}
