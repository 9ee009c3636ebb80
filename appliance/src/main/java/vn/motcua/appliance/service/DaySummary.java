package vn.motcua.appliance.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import java.time.Duration;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.DayFigures;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.CellWire;
import vn.motcua.appliance.history.DayBooking;
import vn.motcua.appliance.history.DayBookings;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.QueueStore;

/**
 * The end-of-day summary for the district: the manager view's figures (per service, per staff id, per hour)
 * of a finished business day, as a {@code day.summary} outbox event.
 *
 * <p>Exactly once per day, without a marker of its own: it is added to the very commit that rolls the queue to
 * the next day (the engine's {@code queue.day_started}), in the same transaction and journal record. The roll
 * happens once per day: at {@code queue.day_starts_at}, or at the first tick after a start that finds the
 * stored day finished (the power was off at the roll). A kill before that commit loses both, and the next
 * start rolls and summarises again; after it, the stored day is the new one and nothing is rolled twice.
 *
 * <p>It carries the day's cells of the office's history ({@link DayCube}: per service × counter × clerk × hour),
 * from which the store writes the day's {@code day_figures} rows in that same commit, so the district's totals and
 * the office's reports are the same numbers. The marginals (total, per service, counter, staff id, hour) ride beside
 * them for a reader that wants those alone.
 *
 * <p>Computed from the store's rows of the ended day (with the roll's own changes, the tickets it expires, laid
 * over them), not from memory. The day's bookings likewise: its booking rows, the manager view's source, with the
 * roll's own booking no-shows laid over them ({@link DayBookings}, as the store will write them into those rows in
 * this commit), so the day's report counts what the manager view counted that day, and the technician's recompute
 * from the same events counts the same. No personal data: ticket counts and times, service codes, staff ids.
 */
public final class DaySummary {
    public static final String TYPE = "day.summary";
    /**
     * Kept well under the journal's record limit (1 MiB with the roll's expired tickets): about 1,200 cells. A day
     * with more (hundreds of staff ids) keeps its cells with the clerks merged and names the staff left out.
     */
    static final int MAX_PAYLOAD_CHARS = 300_000;
    /** {@code [manager] alert_wait}'s default, for a service built without a config (tests, tools). */
    public static final java.time.Duration DEFAULT_ALERT_WAIT = java.time.Duration.ofMinutes(30);

    /**
     * @param staffOmitted staff ids left out (fewest tickets first) to keep the payload within the outbox column;
     *                     0 except for an office with hundreds of staff ids in one day
     */
    public record Payload(LocalDate day, Instant endedAt, String zone, DayFigures total, Map<String, DayFigures> services,
                          Map<Integer, DayFigures> counters, Map<String, DayFigures> staff, Map<Integer, DayFigures> hours,
                          int staffOmitted, List<CellWire> cells) {}

    private final QueueStore store;
    private final Duration alertWait;

    public DaySummary(QueueStore store, Duration alertWait) {
        this.store = store;
        this.alertWait = alertWait;
    }

    /** The summary to commit with {@code roll}, if it starts a new day; empty for every other commit. */
    public List<QueueStore.Appended> forCommit(CommandResult roll, OfficeLayout layout) {
        Optional<DayStarted> started = roll.events().stream().filter(DayStarted.class::isInstance)
                .map(DayStarted.class::cast).findFirst();
        if (started.isEmpty()) {
            return List.of();
        }
        LocalDate ended = started.get().previousDay();
        Map<String, Ticket> byId = new LinkedHashMap<>();
        store.ticketsOf(ended).forEach(t -> byId.put(t.id(), t));
        roll.changedTickets().stream().filter(t -> t.day().equals(ended)).forEach(t -> byId.put(t.id(), t));
        DayBookings bookings = new DayBookings(store.dayBookings(ended));
        roll.events().forEach(bookings::accept);
        return List.of(new QueueStore.Appended(TYPE, payload(ended, started.get().at(), List.copyOf(byId.values()),
                bookings.of(ended), layout, alertWait)));
    }

    static Payload payload(LocalDate day, Instant endedAt, List<Ticket> tickets, OfficeLayout layout, Duration alertWait) {
        return payload(day, endedAt, tickets, List.of(), layout, alertWait);
    }

    static Payload payload(LocalDate day, Instant endedAt, List<Ticket> tickets, List<DayBooking> bookings,
                           OfficeLayout layout, Duration alertWait) {
        Map<String, DayFigures> staff = DayFigures.byStaff(tickets);
        List<Cell> cells = new DayCube(layout, alertWait).cells(tickets, bookings);
        Payload p = new Payload(day, endedAt, layout.rules().zone().getId(), DayFigures.of(tickets, t -> true),
                DayFigures.byService(tickets, layout.services()), DayFigures.byCounter(tickets), staff,
                DayFigures.byHour(tickets, layout.rules().zone()), 0, cells.stream().map(CellWire::of).toList());
        if (EventJson.write(p).length() <= MAX_PAYLOAD_CHARS) {
            return p;
        }
        List<String> bySize = new ArrayList<>(staff.keySet());
        bySize.sort(Comparator.comparingInt((String k) -> staff.get(k).tickets()).reversed().thenComparing(k -> k));
        Payload merged = withStaff(p, staff, 0); // clerks merged in the cells first: the staff map still names them
        // the most staff ids that fit, busiest first: a binary search, each probe one serialisation
        int low = 0;
        int high = bySize.size();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (EventJson.write(keeping(merged, staff, bySize, mid)).length() <= MAX_PAYLOAD_CHARS) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        Map<String, DayFigures> kept = new TreeMap<>();
        bySize.subList(0, low).forEach(k -> kept.put(k, staff.get(k)));
        int omitted = bySize.size() - low;
        Payload fitted = new Payload(p.day(), p.endedAt(), p.zone(), p.total(), p.services(), p.counters(), kept,
                p.hours(), omitted, merged.cells());
        // Only a layout with hundreds of services could get here: the total alone then, never a failed roll.
        return EventJson.write(fitted).length() <= MAX_PAYLOAD_CHARS ? fitted
                : new Payload(day, endedAt, fitted.zone(), fitted.total(), Map.of(), Map.of(), Map.of(), Map.of(),
                staff.size(), List.of());
    }

    private static Payload keeping(Payload merged, Map<String, DayFigures> staff, List<String> bySize, int n) {
        Map<String, DayFigures> kept = new TreeMap<>();
        bySize.subList(0, n).forEach(k -> kept.put(k, staff.get(k)));
        return new Payload(merged.day(), merged.endedAt(), merged.zone(), merged.total(), merged.services(),
                merged.counters(), kept, merged.hours(), bySize.size() - n, merged.cells());
    }

    /** The staff ids kept, and the cells with every clerk merged into "" (each clerk's figures ride in the staff map). */
    private static Payload withStaff(Payload p, Map<String, DayFigures> staff, int omitted) {
        Map<CellKey, Figures> merged = new TreeMap<>();
        for (CellWire w : p.cells()) {
            Cell c = w.toCell(p.day());
            CellKey k = c.key();
            merged.merge(new CellKey(k.day(), k.service(), k.counter(), "", k.hour()), c.figures(), Figures::plus);
        }
        List<CellWire> cells = merged.entrySet().stream().map(e -> CellWire.of(new Cell(e.getKey(), e.getValue()))).toList();
        return new Payload(p.day(), p.endedAt(), p.zone(), p.total(), p.services(), p.counters(), new TreeMap<>(staff),
                p.hours(), omitted, cells);
    }
}
