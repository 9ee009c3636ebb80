package vn.motcua.appliance.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queue as it stands: today's numbering, tickets and counters, and what the command under way has touched.
 * Every change goes through {@link #put(Ticket)}, {@link #putCounter(Counter)} and {@link #event(QueueEvent)}
 * between {@link #begin()} and {@link #end(Ticket)}, so a {@link CommandResult} reports every change and nothing
 * else: the store writes exactly those rows.
 */
final class QueueState {
    /** Calls the display lists and a service's last call is looked up among. */
    static final int RECENT_CALLS = 32;

    private LocalDate day;
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, Integer> issued = new HashMap<>();
    private long lastOrdinal;
    /** In issue order: the call order breaks ties by it and the screens list tickets in it. */
    private Map<String, Ticket> tickets = new LinkedHashMap<>();
    /**
     * The tickets not yet finished or expired, in issue order: all that call-next, the waiting counts, the screens and
     * the day roll look at. Kept beside {@link #tickets} so a command's cost follows the queue, not the day's size.
     */
    private final Map<String, Ticket> active = new LinkedHashMap<>();
    /** Ids of the latest calls, latest first: the display's list and each service's last call. */
    private final ArrayDeque<String> recentCalls = new ArrayDeque<>();
    private final Map<Integer, Counter> counters = new TreeMap<>();
    /** Bookings not yet checked in and booked tickets waiting for their slot; follows every ticket change. */
    private final BookedLane lane = new BookedLane();

    private Changes changes;
    /** What the last command changed, to tell what the queue was before it ({@link #beforeLast()}). */
    private Changes last;

    /** Today as saved; a counter of the layout the snapshot does not know (one added since) starts closed. */
    QueueState(OfficeLayout layout, QueueSnapshot s) {
        day = s.day().day();
        lastNumber.putAll(s.day().lastNumber());
        issued.putAll(s.day().issued());
        lastOrdinal = s.day().lastOrdinal();
        s.tickets().stream().sorted(Comparator.comparingLong(Ticket::ordinal)).forEach(this::index);
        s.tickets().stream().filter(t -> t.calledAt() != null).sorted(Comparator.comparing(Ticket::calledAt).reversed())
                .limit(RECENT_CALLS).forEach(t -> recentCalls.addLast(t.id()));
        Map<Integer, Counter> saved = new HashMap<>();
        s.counters().forEach(c -> saved.put(c.number(), c));
        for (CounterDef def : layout.counters()) {
            counters.put(def.number(), saved.getOrDefault(def.number(), Counter.closed(def.number())));
        }
    }

    LocalDate day() {
        return day;
    }

    BookedLane lane() {
        return lane;
    }

    long lastOrdinal() {
        return lastOrdinal;
    }

    Collection<Ticket> tickets() {
        return Collections.unmodifiableCollection(tickets.values());
    }

    /** Today's tickets not finished or expired, in issue order. */
    Collection<Ticket> activeTickets() {
        return Collections.unmodifiableCollection(active.values());
    }

    /** Up to {@link #RECENT_CALLS} of today's called tickets as they are now, the latest call first. */
    List<Ticket> recentCalls() {
        List<Ticket> out = new ArrayList<>(recentCalls.size());
        for (String id : recentCalls) {
            Ticket t = tickets.get(id);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    Collection<Counter> counters() {
        return Collections.unmodifiableCollection(counters.values());
    }

    /** The ticket with this id, or null. */
    Ticket ticket(String id) {
        return tickets.get(id);
    }

    /** Today's ticket with this number ("A023"), or null. */
    Ticket ticketNumbered(String number) {
        return tickets.get(day + "/" + number);
    }

    /** The counter with this number, or null if the layout has none. */
    Counter counter(int number) {
        return counters.get(number);
    }

    /** The last number issued today for this service, or null if none yet. */
    Integer lastNumber(String service) {
        return lastNumber.get(service);
    }

    int issuedToday(String service) {
        return issued.getOrDefault(service, 0);
    }

    /** Books number {@code number} of {@code service} as issued; returns the new ticket's ordinal. */
    long bookIssue(String service, int number) {
        lastNumber.put(service, number);
        issued.merge(service, 1, Integer::sum);
        return ++lastOrdinal;
    }

    /**
     * Starts {@code today} with no ticket and numbering from the start. The tickets of the day before leave the
     * live state only: what they became (expired) is already among the changes of the command.
     */
    void startDay(LocalDate today) {
        day = today;
        lastNumber.clear();
        issued.clear();
        lastOrdinal = 0;
        changes.dayEnded = tickets; // what the queue was before the roll, for beforeLast()
        tickets = new LinkedHashMap<>();
        active.clear();
        recentCalls.clear();
        lane.dayStarted();
    }

    DayState dayState() {
        return new DayState(day, lastNumber, issued, lastOrdinal);
    }

    QueueSnapshot snapshot() {
        return new QueueSnapshot(dayState(), List.copyOf(tickets.values()), List.copyOf(counters.values()));
    }

    // ---- one command's changes ----

    void begin() {
        changes = new Changes(dayState());
    }

    Ticket put(Ticket t) {
        Ticket old = index(t);
        if (!changes.priorTickets.containsKey(t.id())) {
            changes.priorTickets.put(t.id(), old); // null: new in this command
        }
        if (t.calledAt() != null && (old == null || !t.calledAt().equals(old.calledAt()))) {
            recentCalls.remove(t.id());
            recentCalls.addFirst(t.id());
            if (recentCalls.size() > RECENT_CALLS) {
                recentCalls.removeLast();
            }
        }
        changes.tickets.put(t.id(), t);
        return t;
    }

    /** Files {@code t} under its id and in or out of the active tickets; returns what it replaced. */
    private Ticket index(Ticket t) {
        Ticket old = tickets.put(t.id(), t);
        lane.moved(t);
        if (t.status().isTerminal()) {
            active.remove(t.id());
        } else {
            active.put(t.id(), t);
        }
        return old;
    }

    Counter putCounter(Counter c) {
        Counter old = counters.put(c.number(), c);
        changes.priorCounters.putIfAbsent(c.number(), old);
        changes.counters.put(c.number(), c);
        return c;
    }

    void event(QueueEvent e) {
        changes.events.add(e);
    }

    CommandResult end(Ticket subject) {
        Changes done = changes;
        changes = null;
        last = done;
        return new CommandResult(done.events, new ArrayList<>(done.tickets.values()), new ArrayList<>(done.counters.values()),
                dayState(), subject);
    }

    /**
     * The queue as it was before the last command (the store could not commit it, and the engine goes back). Built
     * from what that command changed, only when asked: a command costs no copy of the day's tickets.
     */
    QueueSnapshot beforeLast() {
        if (last == null) {
            return snapshot();
        }
        Map<String, Ticket> before = new LinkedHashMap<>(last.dayEnded != null ? last.dayEnded : tickets);
        last.priorTickets.forEach((id, prior) -> {
            if (prior == null) {
                before.remove(id);
            } else {
                before.put(id, prior);
            }
        });
        Map<Integer, Counter> cs = new TreeMap<>(counters);
        cs.putAll(last.priorCounters);
        return new QueueSnapshot(last.priorDay, List.copyOf(before.values()), List.copyOf(cs.values()));
    }

    /** What the current command touched; the last version of each ticket and counter only, and what they were. */
    private static final class Changes {
        final List<QueueEvent> events = new ArrayList<>();
        final Map<String, Ticket> tickets = new LinkedHashMap<>();
        final Map<Integer, Counter> counters = new LinkedHashMap<>();
        final DayState priorDay;
        /** Each changed ticket's version before the command; null for one the command issued. */
        final Map<String, Ticket> priorTickets = new HashMap<>();
        final Map<Integer, Counter> priorCounters = new HashMap<>();
        /** The day's tickets, when the command rolled to a new day. */
        Map<String, Ticket> dayEnded;

        Changes(DayState priorDay) {
            this.priorDay = priorDay;
        }
    }
}
