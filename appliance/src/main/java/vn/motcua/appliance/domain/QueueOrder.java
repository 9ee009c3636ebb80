package vn.motcua.appliance.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who a counter calls next: among tickets waiting for it, priority tickets first, then tickets sent to this
 * counter by name, then its services in order of preference, then the oldest (by issue order, which a
 * transferred ticket keeps).
 */
final class QueueOrder {
    private QueueOrder() {}

    static Optional<Ticket> nextFor(CounterDef counter, Collection<Ticket> tickets) {
        Comparator<Ticket> order = Comparator
                .comparingInt((Ticket t) -> t.priority().isPriority() ? 0 : 1)
                .thenComparingInt(t -> rank(counter, t))
                .thenComparingLong(Ticket::ordinal);
        return tickets.stream().filter(t -> t.isWaiting() && rank(counter, t) >= 0).min(order);
    }

    /** 0 for a ticket sent to this counter, 1 + preference index for its services, -1 if not for this counter. */
    private static int rank(CounterDef counter, Ticket t) {
        if (t.targetCounter() != 0) {
            return t.targetCounter() == counter.number() ? 0 : -1;
        }
        int i = counter.services().indexOf(t.service());
        return i < 0 ? -1 : i + 1;
    }
}
