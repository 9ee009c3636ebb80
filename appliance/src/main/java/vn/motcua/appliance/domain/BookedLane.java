package vn.motcua.appliance.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bookings the engine knows: those not yet checked in, and the booked tickets still waiting for their slot's
 * call. Entries leave when the booking is checked in (the ticket takes over) or its day is over, and when the
 * booked ticket is called: the state is per active booking, never per finished ticket.
 */
final class BookedLane {
    private final Map<String, Booking> open = new LinkedHashMap<>();
    private final Set<String> noShows = new HashSet<>();
    private final Map<String, Instant> bookedTickets = new HashMap<>();

    void load(BookingSnapshot s, QueueState state) {
        open.clear();
        noShows.clear();
        bookedTickets.clear();
        s.open().forEach(b -> open.put(b.code(), b));
        s.noShows().stream().filter(open::containsKey).forEach(noShows::add);
        s.bookedTickets().forEach((id, slot) -> {
            Ticket t = state.ticket(id);
            if (t != null && t.isWaiting()) {
                bookedTickets.put(id, slot);
            }
        });
    }

    BookingSnapshot snapshot() {
        return new BookingSnapshot(open.values().stream().toList(), noShows, bookedTickets);
    }

    Booking open(String code) {
        return open.get(code);
    }

    Collection<Booking> openBookings() {
        return open.values();
    }

    boolean reportedNoShow(String code) {
        return noShows.contains(code);
    }

    void noShow(String code) {
        noShows.add(code);
    }

    /** The booking is checked in; {@code ticketId} waits in the booked lane from {@code slot}, or null for a walk-in. */
    void checkedIn(String code, String ticketId, Instant slot) {
        open.remove(code);
        noShows.remove(code);
        if (ticketId != null) {
            bookedTickets.put(ticketId, slot);
        }
    }

    void drop(String code) {
        open.remove(code);
        noShows.remove(code);
    }

    /** The slot start of a booked ticket still waiting in the lane; null for a walk-in. */
    Instant slotOf(Ticket t) {
        return bookedTickets.isEmpty() ? null : bookedTickets.get(t.id());
    }

    /** A ticket changed: once it is no longer waiting (called, expired) it has left the lane for good. */
    void moved(Ticket t) {
        if (!t.isWaiting() && !bookedTickets.isEmpty()) {
            bookedTickets.remove(t.id());
        }
    }

    /** A new business day: booked tickets of the day before expired with it. */
    void dayStarted() {
        bookedTickets.clear();
    }

    int bookedWaiting() {
        return bookedTickets.size();
    }
}
