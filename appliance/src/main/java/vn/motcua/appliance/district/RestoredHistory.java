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
            "scan.rejected", "device.fault", "device.recovered", "store.recovered", "store.restored", "staff.changed");

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

    private RestoredHistory() {}

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
