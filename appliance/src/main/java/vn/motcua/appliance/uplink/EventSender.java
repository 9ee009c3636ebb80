package vn.motcua.appliance.uplink;

import vn.motcua.appliance.store.OutboxEvent;

/**
 * What the outbox pump needs from the link: publish one event at QoS 1 and report the PUBACK.
 * Implemented by {@link PahoLink}; tests use a fake that acks or fails on demand.
 */
public interface EventSender {

    /** Outcome of one publish; exactly one method is called, from any thread. */
    interface Completion {
        void acked();

        void failed(String reason);
    }

    /**
     * Starts publishing {@code event}. Returns false if the link could not take it right now
     * (not connected, client window full); then {@code done} is never called.
     */
    boolean send(OutboxEvent event, boolean replayed, Completion done);

    /**
     * How many QoS 1 publishes the broker takes unacknowledged in this session (MQTT 5 Receive Maximum of its
     * CONNACK; 65,535 when it says nothing). The pump keeps the live lane's share of it free, so a live event is
     * never refused because the backlog holds every slot.
     */
    default int receiveMaximum() {
        return 65_535;
    }
}
