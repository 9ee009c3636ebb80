package vn.motcua.appliance.domain;

import java.util.List;
import java.util.Optional;

/**
 * What one command changed: the events it caused and the entities it touched, so a store can write
 * exactly those rows and those events in one transaction.
 *
 * @param ticket the ticket the command was about (issued, called, ...), if any
 */
public record CommandResult(List<QueueEvent> events, List<Ticket> changedTickets, List<Counter> changedCounters,
                            DayState day, Ticket ticket) {
    public CommandResult {
        events = List.copyOf(events);
        changedTickets = List.copyOf(changedTickets);
        changedCounters = List.copyOf(changedCounters);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public Optional<Ticket> subject() {
        return Optional.ofNullable(ticket);
    }
}
