package vn.motcua.appliance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine holds about bookings, to resume: the bookings not yet checked in (of today and later days, and of
 * the day before until its no-shows are out), which of them were already reported as no-shows, and the booked
 * tickets still waiting with their slot starts. Nothing of bookings that are done: the heap does not grow with them.
 */
public record BookingSnapshot(List<Booking> open, Set<String> noShows, Map<String, Instant> bookedTickets) {
    public BookingSnapshot {
        open = List.copyOf(open);
        noShows = Set.copyOf(noShows);
        bookedTickets = Map.copyOf(bookedTickets);
    }

    public static BookingSnapshot none() {
        return new BookingSnapshot(List.of(), Set.of(), Map.of());
    }
}
