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

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.DayFigures;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.Ticket;
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
 * <p>Computed from the store's rows of the ended day (with the roll's own changes, the tickets it expires, laid
 * over them), not from memory. No personal data: ticket counts and times, service codes, staff ids.
 */
public final class DaySummary {
    public static final String TYPE = "day.summary";
    /** The outbox's payload column holds 16384 characters; a summary never risks the roll's commit. */
    static final int MAX_PAYLOAD_CHARS = 15_000;

    /**
     * @param staffOmitted staff ids left out (fewest tickets first) to keep the payload within the outbox column;
     *                     0 except for an office with hundreds of staff ids in one day
     */
    public record Payload(LocalDate day, Instant endedAt, String zone, DayFigures total, Map<String, DayFigures> services,
                          Map<String, DayFigures> staff, Map<Integer, DayFigures> hours, int staffOmitted) {}

    private final QueueStore store;

    public DaySummary(QueueStore store) {
        this.store = store;
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
        return List.of(new QueueStore.Appended(TYPE, payload(ended, started.get().at(), List.copyOf(byId.values()), layout)));
    }

    static Payload payload(LocalDate day, Instant endedAt, List<Ticket> tickets, OfficeLayout layout) {
        Map<String, DayFigures> staff = DayFigures.byStaff(tickets);
        Payload p = new Payload(day, endedAt, layout.rules().zone().getId(), DayFigures.of(tickets, t -> true),
                DayFigures.byService(tickets, layout.services()), staff,
                DayFigures.byHour(tickets, layout.rules().zone()), 0);
        if (EventJson.write(p).length() <= MAX_PAYLOAD_CHARS) {
            return p;
        }
        List<String> bySize = new ArrayList<>(staff.keySet());
        bySize.sort(Comparator.comparingInt((String k) -> staff.get(k).tickets()).reversed().thenComparing(k -> k));
        Map<String, DayFigures> kept = new TreeMap<>(staff);
        int omitted = 0;
        while (!kept.isEmpty() && EventJson.write(withStaff(p, kept, omitted)).length() > MAX_PAYLOAD_CHARS) {
            kept.remove(bySize.removeLast());
            omitted++;
        }
        Payload fitted = withStaff(p, kept, omitted);
        // Only a layout with hundreds of services could get here: the total alone then, never a failed roll.
        return EventJson.write(fitted).length() <= MAX_PAYLOAD_CHARS ? fitted
                : new Payload(day, endedAt, fitted.zone(), fitted.total(), Map.of(), Map.of(), Map.of(), staff.size());
    }

    private static Payload withStaff(Payload p, Map<String, DayFigures> staff, int omitted) {
        return new Payload(p.day(), p.endedAt(), p.zone(), p.total(), p.services(), new TreeMap<>(staff), p.hours(), omitted);
    }
}
