package vn.motcua.appliance.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueRebuild;
import vn.motcua.appliance.domain.Ticket;

/**
 * The raw queue events of the outbox, in seq order, folded back into each rolled day's tickets (by
 * {@link QueueRebuild}, the same fold a device restores with), for the technician's recompute of the figures.
 *
 * <p>A day is whole when its events run from its {@code queue.day_started} (or from the device's very first event) to
 * the next day's {@code queue.day_started}, which follows the roll's expiries. A day whose start was pruned from the
 * outbox is {@link #pruned()}: its tickets cannot all be known. The day still running has not rolled and is left out.
 *
 * <p>The booking events are folded by the day of their booking, not by where they fall: the roll's no-shows of the
 * ended day come in the roll's own commit, after the next day's {@code queue.day_started} ({@link DayBookings}).
 */
public final class EventDays {
    private final Map<LocalDate, List<Ticket>> whole = new TreeMap<>();
    private final Set<LocalDate> pruned = new TreeSet<>();
    private final Map<LocalDate, String> unreadable = new TreeMap<>();
    private final DayBookings bookings = new DayBookings();
    private QueueRebuild current;
    private boolean startKnown;
    private String failure;

    /** @param fromDeviceStart whether the first event fed is the device's first (seq 1): nothing before it was pruned */
    public EventDays(boolean fromDeviceStart) {
        this.startKnown = fromDeviceStart;
        this.current = fromDeviceStart ? QueueRebuild.empty() : null;
    }

    /** Feeds the next queue event in seq order. */
    public void accept(QueueEvent event) {
        bookings.accept(event);
        if (event instanceof QueueEvent.DayStarted started) {
            endDay(started.previousDay());
            current = QueueRebuild.empty();
            startKnown = true;
            failure = null;
        }
        if (current == null || failure != null) {
            return; // the rest of a day whose start was pruned, or that already failed to fold
        }
        try {
            current.apply(event);
        } catch (IllegalArgumentException e) {
            failure = e.getMessage(); // reported for this day once it ends; other days go on
        }
    }

    private void endDay(LocalDate day) {
        if (!startKnown) {
            pruned.add(day);
        } else if (failure != null) {
            unreadable.put(day, failure);
        } else if (current != null) {
            whole.put(day, List.copyOf(current.snapshot(day).tickets()));
        }
    }

    /** Each whole rolled day's tickets as they ended. */
    public Map<LocalDate, List<Ticket>> wholeDays() {
        return whole;
    }

    /** The bookings of {@code day} its booking events tell of (checked in or reported as no-shows). */
    public List<DayBooking> bookings(LocalDate day) {
        return bookings.of(day);
    }

    /** Rolled days whose first events are no longer in the outbox. */
    public Set<LocalDate> pruned() {
        return pruned;
    }

    /** Rolled days whose events did not fold (an event that cannot follow), with the reason. */
    public Map<LocalDate, String> unreadable() {
        return unreadable;
    }
}
