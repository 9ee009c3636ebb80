package vn.motcua.appliance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.BookingNoShow;
import vn.motcua.appliance.domain.QueueEvent.CounterChanged;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.ServiceRated;
import vn.motcua.appliance.domain.QueueEvent.ServiceStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketParked;
import vn.motcua.appliance.domain.QueueEvent.TicketRecalled;
import vn.motcua.appliance.domain.QueueEvent.TicketTransferred;

/**
 * Rebuilds the queue's state from the events the engine emitted, in seq order: what a device restores from the
 * district's copy of its events when its own store was lost. Pure: no I/O, no clock.
 *
 * <p>Each event is applied the way {@link QueueEngine} made the change that emitted it, so replaying every event of
 * a day gives the engine's own snapshot (tested against random office days). An event that cannot follow from the
 * state so far (a ticket never issued, a call to a finished ticket, a ticket of another day) is refused with
 * {@link IllegalArgumentException}; the rebuild is then spoilt and the caller must drop it and change nothing.
 */
public final class QueueRebuild {
    private LocalDate day;
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, Integer> issued = new HashMap<>();
    private long lastOrdinal;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<Integer, Counter> counters = new TreeMap<>();
    private int applied;

    private QueueRebuild() {}

    /** From nothing: the first event's day (its day_started, or its first ticket) becomes the day. */
    public static QueueRebuild empty() {
        return new QueueRebuild();
    }

    /** From a stored state, applying the events that came after it. */
    public static QueueRebuild from(QueueSnapshot start) {
        QueueRebuild r = new QueueRebuild();
        r.day = start.day().day();
        r.lastNumber.putAll(start.day().lastNumber());
        r.issued.putAll(start.day().issued());
        r.lastOrdinal = start.day().lastOrdinal();
        start.tickets().forEach(t -> r.tickets.put(t.id(), t));
        start.counters().forEach(c -> r.counters.put(c.number(), c));
        return r;
    }

    /** Applies one event; throws {@link IllegalArgumentException} if it cannot follow (drop the rebuild then). */
    public QueueRebuild apply(QueueEvent event) {
        try {
            applyChecked(event);
        } catch (java.time.DateTimeException | NullPointerException e) {
            // a field missing or malformed: the same refusal as an event that cannot follow
            throw new IllegalArgumentException(event.type() + " malformed: " + e.getClass().getSimpleName(), e);
        }
        applied++;
        return this;
    }

    private void applyChecked(QueueEvent event) {
        switch (event) {
            case DayStarted e -> startDay(e);
            case TicketIssued e -> issue(e);
            case TicketCalled e -> {
                counter(e.counter());
                Ticket t = ticket(e.ticketId(), TicketStatus.WAITING, TicketStatus.PARKED, TicketStatus.NO_SHOW);
                Ticket called = put(t.called(e.counter(), e.at()));
                counters.put(e.counter(), counter(e.counter()).serving(called.id()));
            }
            case TicketRecalled e -> put(ticket(e.ticketId(), TicketStatus.CALLED).recalled());
            case TicketNoShow e -> {
                put(ticket(e.ticketId(), TicketStatus.CALLED).withStatus(TicketStatus.NO_SHOW, e.at()));
                counters.put(e.counter(), counter(e.counter()).serving(null));
            }
            case ServiceStarted e -> put(ticket(e.ticketId(), TicketStatus.CALLED).withStatus(TicketStatus.SERVING, e.at()));
            case TicketFinished e -> {
                Ticket f = put(ticket(e.ticketId(), TicketStatus.CALLED, TicketStatus.SERVING).finished(e.at(), e.staffId()));
                counters.put(e.counter(), counter(e.counter()).finished(f.id(), e.at()));
            }
            case TicketTransferred e -> {
                put(ticket(e.ticketId(), TicketStatus.CALLED, TicketStatus.SERVING).transferred(e.toService(), e.toCounter()));
                counters.put(e.fromCounter(), counter(e.fromCounter()).serving(null));
            }
            case TicketParked e -> {
                put(ticket(e.ticketId(), TicketStatus.CALLED, TicketStatus.SERVING).withStatus(TicketStatus.PARKED, e.at()));
                counters.put(e.counter(), counter(e.counter()).serving(null));
            }
            case TicketExpired e -> put(ticket(e.ticketId(), TicketStatus.WAITING, TicketStatus.CALLED,
                    TicketStatus.SERVING, TicketStatus.PARKED, TicketStatus.NO_SHOW).withStatus(TicketStatus.EXPIRED, e.at()));
            case ServiceRated e -> {
                Ticket t = ticket(e.ticketId(), TicketStatus.FINISHED);
                if (e.score() < 1 || e.score() > 4) {
                    throw new IllegalArgumentException("rating " + e.score() + " out of range");
                }
                put(t.rated(e.score()));
                counters.put(e.counter(), counter(e.counter()).ratingUsed());
            }
            case CounterChanged e -> counters.put(e.counter(), counter(e.counter()).withStatus(status(e.status()), e.staffId()));
            // a booking's state is the store's booking rows (written from these events), not the queue's: its ticket
            // is the ticket.issued event of the same command
            case BookingCheckedIn e -> { }
            case BookingNoShow e -> { }
        }
    }

    /** How many events were applied. */
    public int applied() {
        return applied;
    }

    /** The state after every event; {@code fallbackDay} when no event told the day. */
    public QueueSnapshot snapshot(LocalDate fallbackDay) {
        LocalDate d = day != null ? day : fallbackDay;
        return new QueueSnapshot(new DayState(d, lastNumber, issued, lastOrdinal), new ArrayList<>(tickets.values()),
                new ArrayList<>(counters.values()));
    }

    private void startDay(DayStarted e) {
        if (day != null && !e.day().isAfter(day)) {
            throw new IllegalArgumentException("day_started " + e.day() + " does not follow " + day);
        }
        // As the engine's roll: the old day's tickets were expired by their own events just before; counters close.
        counters.replaceAll((n, c) -> Counter.closed(n));
        day = e.day();
        lastNumber.clear();
        issued.clear();
        lastOrdinal = 0;
        tickets.clear();
    }

    private void issue(TicketIssued e) {
        int slash = e.ticketId() == null ? -1 : e.ticketId().indexOf('/');
        if (slash < 0 || e.number() == null || e.service() == null || !e.ticketId().endsWith("/" + e.number())) {
            throw new IllegalArgumentException("ticket.issued without a well-formed ticket id and number");
        }
        LocalDate ticketDay = LocalDate.parse(e.ticketId().substring(0, slash));
        if (day == null) {
            day = ticketDay; // the first day a device ever ran has no day_started
        } else if (!ticketDay.equals(day)) {
            throw new IllegalArgumentException("ticket " + e.number() + " of " + ticketDay + " issued on " + day);
        }
        if (tickets.containsKey(e.ticketId())) {
            throw new IllegalArgumentException("ticket " + e.number() + " issued twice");
        }
        int numeric = numericPart(e.number());
        Priority priority;
        try {
            priority = Priority.valueOf(e.priority());
        } catch (IllegalArgumentException | NullPointerException x) {
            throw new IllegalArgumentException("unknown priority");
        }
        lastNumber.merge(e.service(), numeric, Math::max);
        issued.merge(e.service(), 1, Integer::sum);
        lastOrdinal++;
        put(Ticket.issued(day, e.number(), numeric, e.service(), priority, lastOrdinal, e.at(), e.residentKey()));
    }

    /** A ticket number is its service's prefix letter and digits ({@link ServiceDef#format}). */
    private static int numericPart(String number) {
        if (number.length() < 2 || !number.substring(1).chars().allMatch(ch -> ch >= '0' && ch <= '9') || number.length() > 6) {
            throw new IllegalArgumentException("ticket number is not a letter and digits");
        }
        return Integer.parseInt(number.substring(1));
    }

    private Ticket ticket(String id, TicketStatus... allowed) {
        Ticket t = id == null ? null : tickets.get(id);
        if (t == null) {
            throw new IllegalArgumentException("event for a ticket not issued today: " + id);
        }
        for (TicketStatus s : allowed) {
            if (t.status() == s) {
                return t;
            }
        }
        throw new IllegalArgumentException("ticket " + t.number() + " is " + t.status());
    }

    private Counter counter(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("counter " + number);
        }
        return counters.computeIfAbsent(number, Counter::closed);
    }

    private static CounterStatus status(String name) {
        try {
            return CounterStatus.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown counter status");
        }
    }

    private Ticket put(Ticket t) {
        tickets.put(t.id(), t);
        return t;
    }
}
