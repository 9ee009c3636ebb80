package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.BookingNoShow;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.store.EventJson;

/**
 * The booking figures of the history (issue 19): the cell a booking counts in, sums, the API's names, the fold of the
 * booking events, and the {@code day.summary} cell with and without them (an older appliance's).
 */
class BookingFiguresTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-03");
    private static final Instant NINE = Instant.parse("2026-11-03T02:00:00Z"); // 09:00 at UTC+7
    private final DayCube cube = new DayCube(TestOffices.small(), Duration.ofMinutes(30));

    private static Figures bookings(int booked, int checkedIn, int onTime, int noShows) {
        return new Figures(new int[0], 0, 0, 0, 0, 0, 0, 0, Histogram.EMPTY, Histogram.EMPTY, new int[4], booked,
                checkedIn, onTime, noShows);
    }

    @Test
    void aBookingCountsInItsServiceAndSlotHourWithNoCounterOrClerk() {
        List<DayBooking> day = List.of(
                new DayBooking("EARLY-1", DAY, "ho-tich", NINE, true, true, false),
                new DayBooking("LATE-1", DAY, "ho-tich", NINE.plusSeconds(1800), true, false, true),
                new DayBooking("GONE-1", DAY, "ho-tich", NINE.plusSeconds(3600), false, false, true),
                new DayBooking("LAND-1", DAY, "dat-dai", NINE, true, true, false));
        // a ticket finished at counter 2 in the same service and hour: it keeps its own cell
        Ticket t = new Ticket(DAY + "/A001", DAY, "A001", 1, "ho-tich", Priority.NORMAL, 1, TicketStatus.FINISHED,
                NINE, 2, 0, NINE.plusSeconds(60), NINE.plusSeconds(60), NINE.plusSeconds(300), null, 0, 0, null, "lan",
                0, 0);
        List<Cell> cells = cube.cells(List.of(t), day);
        assertEquals(List.of(
                new Cell(new CellKey(DAY, "dat-dai", 0, "", 9), bookings(1, 1, 1, 0)),
                new Cell(new CellKey(DAY, "ho-tich", 0, "", 9), bookings(2, 2, 1, 1)),
                new Cell(new CellKey(DAY, "ho-tich", 0, "", 10), bookings(1, 0, 0, 1))),
                cells.stream().filter(c -> c.figures().booked() > 0).toList());
        Cell ticketCell = cells.stream().filter(c -> c.key().counter() == 2).findFirst().orElseThrow();
        assertEquals(0, ticketCell.figures().booked());
        assertEquals(1, ticketCell.figures().served());
        assertEquals(cube.cells(List.of(t)), cells.stream().filter(c -> c.figures().booked() == 0).toList(),
                "bookings leave the tickets' cells as they were");
    }

    @Test
    void bookingFiguresAddUpAndAreNamedApartFromSkippedTickets() {
        Figures ticket = new Figures(new int[] {1}, 1, 0, 1, 0, 0, 0, 0, Histogram.EMPTY.plus(60), Histogram.EMPTY,
                new int[4]);
        Figures sum = ticket.plus(bookings(2, 1, 1, 1)).plus(bookings(1, 1, 0, 0));
        assertEquals(3, sum.booked());
        assertEquals(2, sum.checkedIn());
        assertEquals(1, sum.bookedOnTime());
        assertEquals(1, sum.bookingNoShows());
        Map<String, Object> m = sum.asMap();
        assertEquals(1, m.get("no_shows"), "skipped tickets");
        assertEquals(3, m.get("booked"));
        assertEquals(2, m.get("checked_in"));
        assertEquals(1, m.get("booked_on_time"));
        assertEquals(1, m.get("booking_no_shows"));
        assertEquals(sum, bookings(0, 0, 0, 0).plus(sum));
        assertEquals(false, sum.equals(ticket.plus(bookings(3, 2, 1, 0))), "a booking figure tells figures apart");
    }

    @Test
    void theEventsFoldAsTheStoreWritesItsRows() {
        DayBookings fold = new DayBookings(List.of(new DayBooking("HELD-1", DAY, "ho-tich", NINE, false, false, false)));
        fold.accept(new BookingNoShow(NINE.plusSeconds(700), "HELD-1", "other", DAY, NINE.plusSeconds(99),
                NINE.plusSeconds(900)));
        fold.accept(new BookingCheckedIn(NINE.plusSeconds(800), "HELD-1", DAY + "/A002", "A002", "ho-tich", NINE,
                NINE.plusSeconds(900), BookingCheckedIn.LATE));
        fold.accept(new BookingCheckedIn(NINE, "NEW-1", DAY + "/B001", "B001", "dat-dai", NINE.plusSeconds(600),
                NINE.plusSeconds(1500), BookingCheckedIn.EARLY));
        fold.accept(new BookingNoShow(NINE.plusSeconds(2000), "NEW-1", "dat-dai", DAY, NINE.plusSeconds(600),
                NINE.plusSeconds(1500))); // never after a check-in, as the store's guarded update
        fold.accept(new BookingNoShow(NINE, "TUE-1", "dat-dai", DAY.plusDays(1), NINE, NINE.plusSeconds(900)));
        assertEquals(List.of(new DayBooking("HELD-1", DAY, "ho-tich", NINE, true, false, true),
                new DayBooking("NEW-1", DAY, "dat-dai", NINE.plusSeconds(600), true, true, false)), fold.of(DAY));
        assertEquals(1, fold.of(DAY.plusDays(1)).size());
    }

    @Test
    void aSummaryCellCarriesTheBookingsAndAnOlderOnesReadsAsNone() throws Exception {
        Cell cell = new Cell(new CellKey(DAY, "ho-tich", 0, "", 9), bookings(4, 3, 2, 2)
                .plus(new Figures(new int[] {2}, 2, 0, 0, 0, 0, 0, 0, Histogram.EMPTY.plus(30).plus(95),
                        Histogram.EMPTY, new int[4])));
        String json = EventJson.write(CellWire.of(cell));
        assertEquals(cell, EventJson.mapper().readValue(json, CellWire.class).toCell(DAY));

        // a day.summary cell as an appliance before issue 19 wrote it (TOPICS.md's example)
        String older = "{\"service\":\"dat-dai\",\"counter\":0,\"staffId\":\"\",\"hour\":15,\"issued\":[3,0,0,0,0],"
                + "\"called\":1,\"served\":0,\"noShows\":1,\"expired\":3,\"transferred\":0,\"parked\":0,\"breaches\":0,"
                + "\"waitSum\":240,\"waitMax\":240,\"waitHist\":\"0,0,0,0,1\",\"serviceSum\":0,\"serviceMax\":0,"
                + "\"serviceHist\":\"\",\"ratings\":[0,0,0,0]}";
        Figures f = EventJson.mapper().readValue(older, CellWire.class).toCell(DAY).figures();
        assertEquals(3, f.issued());
        assertEquals(1, f.noShows());
        assertEquals(List.of(0, 0, 0, 0), List.of(f.booked(), f.checkedIn(), f.bookedOnTime(), f.bookingNoShows()));
    }
}
