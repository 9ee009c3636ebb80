package vn.motcua.appliance.district;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEventTypes;
import vn.motcua.appliance.domain.QueueRebuild;
import vn.motcua.appliance.domain.QueueSnapshot;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * What this device's events, as the district sent them back, say the queue is: every event must be of a type the
 * appliance writes, and every queue event must parse and follow from the ones before ({@link QueueRebuild}).
 * Anything else refuses the whole history ({@link Refused}): a restore is all or nothing.
 */
final class RestoredHistory {
    /** Types the appliance writes that change no queue state; they are restored into the outbox as they are. */
    static final Set<String> OTHER_TYPES = Set.of("day.summary", "scan.dossier", "scan.citizen_id", "scan.ticket",
            "scan.rejected", "device.fault", "device.recovered", "store.recovered", "store.restored", "staff.changed",
            "satellite.ticket");

    /** Older or newer payloads may carry a field this version does not know: the fields it needs are checked. */
    private static final ObjectReader READER = EventJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /** The rebuilt queue and the figures the {@code store.restored} event reports. */
    record Rebuilt(QueueSnapshot queue, int queueEvents) {
        long waiting() {
            return queue.tickets().stream().filter(t -> t.status() == TicketStatus.WAITING).count();
        }

        long finished() {
            return queue.tickets().stream().filter(t -> t.status() == TicketStatus.FINISHED).count();
        }
    }

    /** The stored queue with the day's history underneath it. */
    record Underneath(QueueSnapshot queue, int added, int unresolved) {}

    private RestoredHistory() {}

    /**
     * The held queue (from what the journal gave back: the live queue of its base record and the commits after it)
     * joined with {@code past}, the queue the district's events describe up to the same seq.
     * <ul>
     * <li>{@code pastIsExact} (the district held every seq up to it, from the day start): {@code past} is the day as
     * it was, and wins for every ticket and counter; a ticket only the store holds is kept.
     * <li>Otherwise the held queue wins for every ticket it holds: it is at least as new as anything the district
     * received. A ticket only {@code past} holds is put back when it had left the queue (served, expired). One
     * {@code past} shows still in the queue is put back when the store may lack live tickets
     * ({@code heldMayLackLive}: its journal lost seqs); else it left the queue in events the district never got, its
     * end unknown, and it is counted ({@code unresolved}), not guessed.
     * </ul>
     */
    static Underneath underneath(QueueSnapshot held, QueueSnapshot past, boolean pastIsExact, boolean heldMayLackLive) {
        if (!past.day().day().equals(held.day().day())) {
            return new Underneath(held, 0, 0); // the district's day is not the one held: nothing of it belongs here
        }
        QueueSnapshot winner = pastIsExact ? past : held;
        QueueSnapshot other = pastIsExact ? held : past;
        Set<String> ids = new java.util.HashSet<>();
        winner.tickets().forEach(t -> ids.add(t.id()));
        List<vn.motcua.appliance.domain.Ticket> tickets = new java.util.ArrayList<>(winner.tickets());
        int added = 0;
        int unresolved = 0;
        for (var t : other.tickets()) {
            if (ids.contains(t.id())) {
                continue;
            }
            if (pastIsExact || t.status().isTerminal() || heldMayLackLive) {
                tickets.add(t);
                added++;
            } else {
                unresolved++;
            }
        }
        Set<Integer> counterNumbers = new java.util.HashSet<>();
        winner.counters().forEach(c -> counterNumbers.add(c.number()));
        List<vn.motcua.appliance.domain.Counter> counters = new java.util.ArrayList<>(winner.counters());
        other.counters().stream().filter(c -> !counterNumbers.contains(c.number())).forEach(counters::add);
        java.util.Map<String, Integer> numbering = new java.util.HashMap<>(held.day().lastNumber());
        past.day().lastNumber().forEach((s, n) -> numbering.merge(s, n, Math::max));
        java.util.Map<String, Integer> issued = new java.util.HashMap<>(held.day().issued());
        past.day().issued().forEach((s, n) -> issued.merge(s, n, Math::max));
        var day = new vn.motcua.appliance.domain.DayState(held.day().day(), numbering, issued,
                Math.max(held.day().lastOrdinal(), past.day().lastOrdinal()));
        return new Underneath(new QueueSnapshot(day, tickets, counters), added, unresolved);
    }

    /**
     * @param start      the rebuild to continue: {@link QueueRebuild#empty()} when the store holds no day
     * @param fallbackDay the day when no event tells it (no ticket, no roll)
     */
    static Rebuilt rebuild(QueueRebuild start, List<OutboxEvent> events, LocalDate fallbackDay) throws Refused {
        int queueEvents = 0;
        for (OutboxEvent e : events) {
            Optional<Class<? extends QueueEvent>> type = QueueEventTypes.classOf(e.type());
            if (type.isEmpty()) {
                if (!OTHER_TYPES.contains(e.type())) {
                    throw new Refused("seq " + e.seq() + " has a type this appliance does not write");
                }
                continue;
            }
            try {
                start.apply(READER.readValue(e.payloadJson(), type.get()));
            } catch (IOException | IllegalArgumentException x) {
                throw new Refused("seq " + e.seq() + " (" + e.type() + ") cannot be applied: " + x.getMessage());
            }
            queueEvents++;
        }
        return new Rebuilt(start.snapshot(fallbackDay), queueEvents);
    }
}
