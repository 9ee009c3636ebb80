package vn.motcua.appliance.domain;

import java.util.Map;
import java.util.Optional;

/** The wire name of each {@link QueueEvent} and its record, so an event read back from JSON becomes the record again. */
public final class QueueEventTypes {
    private static final Map<String, Class<? extends QueueEvent>> BY_TYPE = Map.ofEntries(
            Map.entry("ticket.issued", QueueEvent.TicketIssued.class),
            Map.entry("ticket.called", QueueEvent.TicketCalled.class),
            Map.entry("ticket.recalled", QueueEvent.TicketRecalled.class),
            Map.entry("ticket.no_show", QueueEvent.TicketNoShow.class),
            Map.entry("ticket.service_started", QueueEvent.ServiceStarted.class),
            Map.entry("ticket.finished", QueueEvent.TicketFinished.class),
            Map.entry("ticket.transferred", QueueEvent.TicketTransferred.class),
            Map.entry("ticket.parked", QueueEvent.TicketParked.class),
            Map.entry("ticket.expired", QueueEvent.TicketExpired.class),
            Map.entry("counter.changed", QueueEvent.CounterChanged.class),
            Map.entry("ticket.rated", QueueEvent.ServiceRated.class),
            Map.entry("booking.checked_in", QueueEvent.BookingCheckedIn.class),
            Map.entry("booking.no_show", QueueEvent.BookingNoShow.class),
            Map.entry("queue.day_started", QueueEvent.DayStarted.class));

    private QueueEventTypes() {}

    /** The record class of a queue event type; empty for a type that is not a queue event (scans, device faults...). */
    public static Optional<Class<? extends QueueEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
