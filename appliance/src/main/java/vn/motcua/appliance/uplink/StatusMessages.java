package vn.motcua.appliance.uplink;

import java.time.Instant;

/** Payload shapes of the appliance's own status topics (contract v1, TOPICS.md). Serialised by {@link Json}. */
public final class StatusMessages {
    private StatusMessages() {}

    /** Retained on {@code .../status}: birth ({@code online}) and last will ({@code offline}). */
    public record Availability(int v, String state, String version, String bootId, Instant since) {
        public static Availability online(String version, String bootId, Instant since) {
            return new Availability(1, "online", version, bootId, since);
        }

        public static Availability offline(String version, String bootId, Instant since) {
            return new Availability(1, "offline", version, bootId, since);
        }
    }

    /** Heartbeat on {@code .../telemetry}; {@code null} fields are unknown here (e.g. no thermal sensor). */
    public record Telemetry(int v, Instant time, long uptimeS, long outboxDepth, Long oldestUndeliveredAgeS,
                            Long diskFreeBytes, Double cpuTempC, String storage, long sent, long delivered,
                            long replayed, long refusedInbound) {}

    /** Retained on {@code .../status/storage}. */
    public record Storage(int v, Instant time, String level, long outboxDepth, Long diskFreeBytes,
                          long shedTelemetry, int prunedDelivered, String detail) {}

    /** Retained on {@code .../config/ack}. */
    public record ConfigAck(int v, String configVersion, String status, String reason, Instant time) {}

    /** On {@code .../cmd-ack}. */
    public record CommandAck(int v, String id, String command, String status, String reason, Instant time) {}
}
