package vn.motcua.appliance.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who a counter calls next: among tickets waiting for it, booked tickets whose slot has started first (by slot
 * start), then priority tickets, then tickets sent to this counter by name, then its services in order of
 * preference, then the oldest (by issue order, which a transferred ticket keeps). A booked ticket whose slot has
 * not started is not called at all while early arrivals wait for their slot ({@link BookingRules}); otherwise it
 * is called as a walk-in until then.
 */
final class QueueOrder {
    private QueueOrder() {}

    static Optional<Ticket> nextFor(CounterDef counter, Collection<Ticket> tickets, BookedLane lane, BookingRules rules,
                                    Instant now) {
        Comparator<Ticket> order = Comparator
                .comparing((Ticket t) -> dueSlot(lane, t, now), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(t -> t.priority().isPriority() ? 0 : 1)
                .thenComparingInt(t -> rank(counter, t))
                .thenComparingLong(Ticket::ordinal);
        return tickets.stream()
                .filter(t -> t.isWaiting() && rank(counter, t) >= 0 && !waitsForSlot(lane, rules, t, now))
                .min(order);
    }

    /**
     * Whether waiting ticket {@code o} is called before a ticket of the same line that has booked slot {@code slot}
     * (null for a walk-in), is priority or not and has issue order {@code ordinal}, at time {@code at}: the keys of
     * {@link #nextFor} in its order, but a counter's preference among its services, which only that counter's own
     * call decides. The wait shown to a resident ({@link WaitEstimates}) counts with it, so it cannot drift from the
     * call order.
     */
    static boolean before(Ticket o, Instant slot, boolean priority, long ordinal, BookedLane lane, BookingRules rules,
                          Instant at) {
        if (!o.isWaiting() || waitsForSlot(lane, rules, o, at)) {
            return false; // not callable at that time
        }
        Instant oDue = dueSlot(lane, o, at);
        Instant due = slot != null && !at.isBefore(slot) ? slot : null;
        if ((oDue == null) != (due == null)) {
            return oDue != null;
        }
        if (oDue != null && !oDue.equals(due)) {
            return oDue.isBefore(due);
        }
        if (o.priority().isPriority() != priority) {
            return o.priority().isPriority();
        }
        return o.ordinal() < ordinal;
    }

    /** The slot start of a booked ticket whose slot has started; null for a walk-in or a slot still ahead. */
    private static Instant dueSlot(BookedLane lane, Ticket t, Instant now) {
        Instant slot = lane.slotOf(t);
        return slot != null && !now.isBefore(slot) ? slot : null;
    }

    private static boolean waitsForSlot(BookedLane lane, BookingRules rules, Ticket t, Instant now) {
        Instant slot = lane.slotOf(t);
        return slot != null && rules.earlyArrivalsWait() && now.isBefore(slot);
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
