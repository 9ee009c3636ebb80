package vn.motcua.appliance.uplink;

import java.time.Instant;
import java.util.List;

/**
 * The {@code queue} topic's message (TOPICS.md): the office's live queue, published retained so the district can show a resident's phone their
 * place in line. Ticket numbers only; no personal data. (Not the engine's state: that is
 * {@link vn.motcua.appliance.domain.QueueSnapshot}.)
 */
public record LiveQueueMessage(int v, Instant time, List<Counter> counters, List<Service> services) {

    /** @param serving ticket number being served (e.g. {@code A023}) or null when idle */
    public record Counter(int counter, String serving) {}

    /** @param lastCalled last ticket number called for this service, so a phone can count the tickets ahead */
    public record Service(String code, String prefix, int waiting, String lastCalled, long estimatedWaitSeconds) {}

    public LiveQueueMessage {
        counters = List.copyOf(counters);
        services = List.copyOf(services);
    }
}
