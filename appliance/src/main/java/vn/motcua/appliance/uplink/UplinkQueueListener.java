package vn.motcua.appliance.uplink;

import java.util.List;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.service.QueueListener;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.service.CommittedEvent;

/**
 * Connects the queue service to the uplink: after each durable commit, wakes the outbox pump
 * (so a call reaches the district in milliseconds, not at the next poll) and hands over the new
 * live-queue snapshot. Runs on the committing thread and does no I/O itself.
 */
public final class UplinkQueueListener implements QueueListener {
    private final MqttUplink uplink;
    private final QueueService queue;
    private final java.time.Clock clock;

    public UplinkQueueListener(MqttUplink uplink, QueueService queue, java.time.Clock clock) {
        this.uplink = uplink;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void onCommitted(CommandResult result, List<CommittedEvent> events) {
        if (!events.isEmpty()) {
            uplink.eventsCommitted();
        }
        // Called inside QueueService's lock, so reading the engine here sees exactly this commit.
        uplink.queueChanged(queue.read(e -> snapshot(e, clock)));
    }

    static LiveQueueMessage snapshot(QueueEngine e, java.time.Clock clock) {
        List<LiveQueueMessage.Counter> counters = e.counters().stream()
                .map(c -> new LiveQueueMessage.Counter(c.number(), c.currentTicket())).toList();
        List<LiveQueueMessage.Service> services = e.layout().services().stream()
                .map(s -> new LiveQueueMessage.Service(s.code(), String.valueOf(s.prefix()), (int) e.waiting(s.code()),
                        lastCalled(e, s), e.estimatedWaitSeconds(s.code()))).toList();
        return new LiveQueueMessage(1, clock.instant(), counters, services);
    }

    /**
     * The service's latest call among the queue's recent calls (32 kept, latest first): per commit at no cost that
     * grows with the day. A service none of whose tickets is among them shows none, as a quiet service would.
     */
    private static String lastCalled(QueueEngine e, ServiceDef s) {
        return e.recentCalls(Integer.MAX_VALUE).stream().filter(t -> t.service().equals(s.code()) && t.calledAt() != null)
                .findFirst().map(t -> t.number()).orElse(null);
    }
}
