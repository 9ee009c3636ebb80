package vn.motcua.appliance.store;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Gives each event its envelope: a unique id, the device id, the next per-device sequence number, the
 * wall time, the monotonic time since boot and the boot id. On Linux {@link System#nanoTime()} reads
 * CLOCK_MONOTONIC, which counts from boot; the boot id tells which boot it counts from.
 */
public final class EventStamper {
    private final String deviceId;
    private final Clock clock;
    private final String bootId;
    private final BooleanSupplier clockTrusted;

    public EventStamper(String deviceId, Clock clock, String bootId, BooleanSupplier clockTrusted) {
        this.deviceId = deviceId;
        this.clock = clock;
        this.bootId = bootId;
        this.clockTrusted = clockTrusted;
    }

    OutboxEvent stamp(long seq, String type, String payloadJson) {
        return new OutboxEvent(seq, UUID.randomUUID().toString(), deviceId, clock.instant(), System.nanoTime(), bootId,
                clockTrusted.getAsBoolean(), type, payloadJson);
    }

    /** The clock events are stamped with: the one the appliance was given. */
    public Clock clock() {
        return clock;
    }

    public String deviceId() {
        return deviceId;
    }

    public String bootId() {
        return bootId;
    }
}
