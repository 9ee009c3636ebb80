package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a command caused. Each event is published as-is (its record components are its JSON payload);
 * {@link #type()} is its wire name. Events never carry personal data: a resident is at most a keyed hash.
 */
public sealed interface QueueEvent {

    String type();

    Instant at();

    /** @param residentKey the resident's keyed hash when they showed their ID card before taking it; null otherwise */
    record TicketIssued(Instant at, String ticketId, String number, String service, String priority,
                        int peopleAhead, long estimatedWaitSeconds, String residentKey) implements QueueEvent {
        public String type() { return "ticket.issued"; }
    }

    /** A ticket called to a counter: from the queue, back from parking, or back from no-show. */
    record TicketCalled(Instant at, String ticketId, String number, String service, int counter,
                        String from, long waitedSeconds) implements QueueEvent {
        public String type() { return "ticket.called"; }
    }

    record TicketRecalled(Instant at, String ticketId, String number, int counter, int recalls) implements QueueEvent {
        public String type() { return "ticket.recalled"; }
    }

    /**
     * @param reason {@link #SKIPPED} (the clerk pressed skip) or {@link #NEXT_CALLED} (the clerk called the next
     *               while this one was called and never started; {@code queue.unstarted_call_on_next})
     */
    record TicketNoShow(Instant at, String ticketId, String number, int counter, String reason) implements QueueEvent {
        public static final String SKIPPED = "skipped";
        public static final String NEXT_CALLED = "next_called";

        public String type() { return "ticket.no_show"; }
    }

    record ServiceStarted(Instant at, String ticketId, String number, int counter) implements QueueEvent {
        public String type() { return "ticket.service_started"; }
    }

    record TicketFinished(Instant at, String ticketId, String number, String service, int counter, String staffId,
                          long waitedSeconds, long serviceSeconds) implements QueueEvent {
        public String type() { return "ticket.finished"; }
    }

    record TicketTransferred(Instant at, String ticketId, String number, int fromCounter, String fromService,
                             String toService, int toCounter) implements QueueEvent {
        public String type() { return "ticket.transferred"; }
    }

    record TicketParked(Instant at, String ticketId, String number, int counter) implements QueueEvent {
        public String type() { return "ticket.parked"; }
    }

    record TicketExpired(Instant at, String ticketId, String number, String previousStatus, String reason)
            implements QueueEvent {
        public String type() { return "ticket.expired"; }
    }

    record CounterChanged(Instant at, int counter, String status, String staffId) implements QueueEvent {
        public String type() { return "counter.changed"; }
    }

    record ServiceRated(Instant at, String ticketId, String number, int counter, String staffId, int score)
            implements QueueEvent {
        public String type() { return "ticket.rated"; }
    }

    /**
     * A booked resident checked in at the kiosk and was issued {@code number}.
     *
     * @param outcome {@link #EARLY} (before the slot start), {@link #ON_TIME} (within the grace after it; both in the
     *                booked lane) or {@link #LATE} (past the grace: issued as a walk-in)
     */
    record BookingCheckedIn(Instant at, String code, String ticketId, String number, String service, Instant slotStart,
                            Instant slotEnd, String outcome) implements QueueEvent {
        public static final String EARLY = "early";
        public static final String ON_TIME = "on_time";
        public static final String LATE = "late";

        public String type() { return "booking.checked_in"; }
    }

    /** A booking not checked in by its slot start plus the grace ({@code [queue] booking_grace}). */
    record BookingNoShow(Instant at, String code, String service, LocalDate day, Instant slotStart, Instant slotEnd)
            implements QueueEvent {
        public String type() { return "booking.no_show"; }
    }

    record DayStarted(Instant at, LocalDate day, LocalDate previousDay) implements QueueEvent {
        public String type() { return "queue.day_started"; }
    }
}
