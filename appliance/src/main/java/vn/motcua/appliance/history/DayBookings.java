package vn.motcua.appliance.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.BookingNoShow;

/**
 * The bookings of one or more days, with the booking events laid over them exactly as the store writes them into its
 * booking rows ({@code store.BookingRows#fromEvents}): a check-in marks a booking checked in (on time unless its
 * outcome is late), a no-show marks one not checked in. So the same day counts the same whether it starts from the
 * rows (the roll, with its own no-shows laid over) or from the events alone (the technician's recompute).
 *
 * <p>From the events alone a booking is known once it was checked in or reported as a no-show. That is every booking
 * of a rolled day: the roll's own command reports every booking of the ended day nobody checked in as a no-show
 * (while the clock is trusted), in the commit that starts the next day.
 */
public final class DayBookings {
    private final Map<String, DayBooking> byCode = new LinkedHashMap<>();

    /** Starts from bookings already read (the store's rows); a later one of the same code replaces an earlier. */
    public DayBookings(List<DayBooking> held) {
        held.forEach(b -> byCode.put(b.code(), b));
    }

    public DayBookings() {
        this(List.of());
    }

    /** Lays one queue event over the bookings; any event but a booking's check-in or no-show changes nothing. */
    public void accept(QueueEvent event) {
        if (event instanceof BookingCheckedIn in) {
            // the ticket id starts with its business day, the booking's (a check-in is refused on another day)
            LocalDate day = LocalDate.parse(in.ticketId().substring(0, in.ticketId().indexOf('/')));
            DayBooking was = byCode.get(in.code());
            // a held booking keeps its service and slot, as the store's row does; one not held is taken from the event
            byCode.put(in.code(), was == null
                    ? new DayBooking(in.code(), day, in.service(), in.slotStart(), true, onTime(in), false)
                    : new DayBooking(was.code(), was.day(), was.service(), was.slotStart(), true, onTime(in), was.noShow()));
        } else if (event instanceof BookingNoShow no) {
            DayBooking was = byCode.get(no.code());
            if (was == null || !was.checkedIn()) { // as the store: a checked-in booking is never made a no-show
                byCode.put(no.code(), was == null
                        ? new DayBooking(no.code(), no.day(), no.service(), no.slotStart(), false, false, true)
                        : new DayBooking(was.code(), was.day(), was.service(), was.slotStart(), false, false, true));
            }
        }
    }

    private static boolean onTime(BookingCheckedIn in) {
        return !BookingCheckedIn.LATE.equals(in.outcome());
    }

    /** The bookings of {@code day}. */
    public List<DayBooking> of(LocalDate day) {
        List<DayBooking> out = new ArrayList<>();
        byCode.values().stream().filter(b -> b.day().equals(day)).forEach(out::add);
        return out;
    }
}
