package vn.motcua.appliance.domain;

import java.util.List;
import java.util.Objects;

/** Everything the engine needs to resume: the day's numbering, its tickets and the counters. */
public record QueueSnapshot(DayState day, List<Ticket> tickets, List<Counter> counters) {
    public QueueSnapshot {
        Objects.requireNonNull(day, "day");
        tickets = List.copyOf(tickets);
        counters = List.copyOf(counters);
    }
}
