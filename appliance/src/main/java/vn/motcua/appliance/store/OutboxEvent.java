package vn.motcua.appliance.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed event waiting in (or delivered from) the transactional outbox.
 *
 * @param seq        per-device sequence number, gapless, starting at 1; the order events happened in
 * @param eventId    globally unique id (UUID text), stable across retries so the server can drop duplicates
 * @param deviceId   the appliance's configured device id
 * @param wallTime   wall-clock time at commit; may be wrong until NTP syncs (see {@code clockTrusted})
 * @param monoNanos  monotonic nanoseconds since this boot
 * @param bootId     id of the boot (kernel boot id when readable) that {@code monoNanos} counts from
 * @param clockTrusted whether the wall clock was known to be synchronised when the event was made
 * @param type       event type, e.g. {@code ticket.issued}
 * @param payloadJson the event's JSON payload (never holds raw personal data)
 */
public record OutboxEvent(long seq, String eventId, String deviceId, Instant wallTime, long monoNanos,
                          String bootId, boolean clockTrusted, String type, String payloadJson) {
    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
