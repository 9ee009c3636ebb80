package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.BookingNoShow;

/**
 * A booked resident checks in (one command: the check-in and its ticket), and bookings nobody checked in become
 * no-shows once their grace is over. The rule itself is {@link BookingRules}; the call order is {@link QueueOrder}.
 */
final class BookingCheckIns {
    private final OfficeLayout layout;
    private final Clock clock;
    private final UntrustedClock untrusted;
    private final QueueState state;
    private final TicketIssuing issuing;

    BookingCheckIns(OfficeLayout layout, Clock clock, UntrustedClock untrusted, QueueState state, TicketIssuing issuing) {
        this.layout = layout;
        this.clock = clock;
        this.untrusted = untrusted;
        this.state = state;
        this.issuing = issuing;
    }

    /**
     * Refused with {@link Refusal#BOOKING_UNKNOWN} for a code the engine holds no open booking under (never booked
     * here, or already used: the store tells which) and {@link Refusal#BOOKING_OTHER_DAY} for another day's booking.
     */
    CommandResult checkIn(String code) {
        Booking b = state.lane().open(code);
        if (b == null) {
            throw new QueueRefusedException(Refusal.BOOKING_UNKNOWN, "no open booking under this code");
        }
        if (!b.day().equals(state.day())) {
            throw new QueueRefusedException(Refusal.BOOKING_OTHER_DAY, "booked for " + b.day() + ", today is " + state.day());
        }
        Instant now = clock.instant();
        BookingRules rules = layout.rules().bookings();
        // Under a clock not yet trusted nobody is late or early: the wall time cannot say so.
        boolean trusted = untrusted.trusted();
        String outcome = trusted && now.isAfter(b.slotStart().plus(rules.grace())) ? BookingCheckedIn.LATE
                : trusted && now.isBefore(b.slotStart()) ? BookingCheckedIn.EARLY : BookingCheckedIn.ON_TIME;
        boolean booked = !BookingCheckedIn.LATE.equals(outcome);
        Priority priority = layout.rules().priorities().contains(b.priority()) ? b.priority() : Priority.NORMAL;
        return issuing.issue(b.service(), priority, null, booked ? b.slotStart() : null, t -> {
            state.lane().checkedIn(code, booked ? t.id() : null, b.slotStart());
            state.event(new BookingCheckedIn(now, code, t.id(), t.number(), t.service(), b.slotStart(), b.slotEnd(), outcome));
        });
    }

    /**
     * Within a tick's command: every open booking whose grace is over becomes a no-show (once); bookings of days
     * before today leave the engine. Nothing while the wall clock is untrusted.
     */
    void expire(Instant now) {
        if (!untrusted.trusted()) {
            return;
        }
        for (Booking b : List.copyOf(state.lane().openBookings())) {
            if (!state.lane().reportedNoShow(b.code()) && now.isAfter(b.slotStart().plus(layout.rules().bookings().grace()))) {
                state.lane().noShow(b.code());
                state.event(new BookingNoShow(now, b.code(), b.service(), b.day(), b.slotStart(), b.slotEnd()));
            }
            if (b.day().isBefore(state.day()) && state.lane().reportedNoShow(b.code())) {
                state.lane().drop(b.code());
            }
        }
    }
}
