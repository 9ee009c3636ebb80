package vn.motcua.appliance.domain;

import java.time.LocalDate;
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
    private LocalDate day;
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, Integer> issued = new HashMap<>();
    private long lastOrdinal;
    /** In issue order: the call order breaks ties by it and the screens list tickets in it. */
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<Integer, Counter> counters = new TreeMap<>();

    private Changes changes;

    /** Today as saved; a counter of the layout the snapshot does not know (one added since) starts closed. */
    QueueState(OfficeLayout layout, QueueSnapshot s) {
        day = s.day().day();
        lastNumber.putAll(s.day().lastNumber());
        issued.putAll(s.day().issued());
        lastOrdinal = s.day().lastOrdinal();
        s.tickets().stream().sorted(Comparator.comparingLong(Ticket::ordinal)).forEach(t -> tickets.put(t.id(), t));
        Map<Integer, Counter> saved = new HashMap<>();
        s.counters().forEach(c -> saved.put(c.number(), c));
        for (CounterDef def : layout.counters()) {
            counters.put(def.number(), saved.getOrDefault(def.number(), Counter.closed(def.number())));
        }
    }

    LocalDate day() {
        return day;
    }

    long lastOrdinal() {
        return lastOrdinal;
    }

    Collection<Ticket> tickets() {
        return Collections.unmodifiableCollection(tickets.values());
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
        tickets.clear();
    }

    DayState dayState() {
        return new DayState(day, lastNumber, issued, lastOrdinal);
    }

    QueueSnapshot snapshot() {
        return new QueueSnapshot(dayState(), List.copyOf(tickets.values()), List.copyOf(counters.values()));
    }

    // ---- one command's changes ----

    void begin() {
        changes = new Changes();
    }

    Ticket put(Ticket t) {
        tickets.put(t.id(), t);
        changes.tickets.put(t.id(), t);
        return t;
    }

    Counter putCounter(Counter c) {
        counters.put(c.number(), c);
        changes.counters.put(c.number(), c);
        return c;
    }

    void event(QueueEvent e) {
        changes.events.add(e);
    }

    CommandResult end(Ticket subject) {
        Changes done = changes;
        changes = null;
        return new CommandResult(done.events, new ArrayList<>(done.tickets.values()), new ArrayList<>(done.counters.values()),
                dayState(), subject);
    }

    /** What the current command touched; the last version of each ticket and counter only. */
    private static final class Changes {
        final List<QueueEvent> events = new ArrayList<>();
        final Map<String, Ticket> tickets = new LinkedHashMap<>();
        final Map<Integer, Counter> counters = new LinkedHashMap<>();
    }
}
