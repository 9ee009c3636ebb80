package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the retained config the district server publishes for this office: checks the envelope,
 * hands it to the {@link ConfigApplier}, and returns the retained acknowledgement to publish. A
 * retained config is redelivered on every reconnect; the version already in force is acknowledged
 * again without being re-applied.
 */
public final class ConfigInbox {
    private static final Logger log = LoggerFactory.getLogger(ConfigInbox.class);
    public static final int MAX_BYTES = 64 * 1024;

    private final ConfigApplier applier;
    private final Clock clock;
    private final AtomicLong refused = new AtomicLong();

    public ConfigInbox(ConfigApplier applier, Clock clock) {
        this.applier = applier;
        this.clock = clock;
    }

    /** Returns the ack to publish, or null when there is nothing to acknowledge (retained config cleared). */
    public StatusMessages.ConfigAck receive(byte[] payload) {
        if (payload.length == 0) {
            log.info("district server cleared the retained config; keeping the one in force");
            return null;
        }
        String version = null;
        try {
            JsonNode n = Json.parseObject(payload, MAX_BYTES);
            if (n.path("v").asInt(-1) != 1) {
                throw new BadMessageException("unsupported config schema 'v' (expected 1)");
            }
            version = Json.text(n, "version", 64);
            if (!TopicSegment.isSafe(version)) {
                throw new BadMessageException("config 'version' may only hold letters, digits, '.', '-', '_'");
            }
            requireKind(n, "services", true);
            requireKind(n, "counters", true);
            requireKind(n, "announcements", true);
            requireKind(n, "openingHours", false);
            if (version.equals(applier.currentVersion())) {
                return ack(version, "applied", null);
            }
            Outcome o = applier.apply(version, n);
            if (!o.ok()) {
                throw new BadMessageException(o.reason());
            }
            log.info("applied district config version {}", version);
            return ack(version, "applied", null);
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            String reason = Sanitize.forLog(e.getMessage(), 200);
            log.warn("refused district config {}: {}; keeping version {}", version == null ? "(no version)" : version,
                    reason, applier.currentVersion());
            return ack(version, "refused", reason);
        }
    }

    public long refusedCount() { return refused.get(); }

    private static void requireKind(JsonNode n, String field, boolean array) {
        JsonNode v = n.get(field);
        if (v == null || (array ? !v.isArray() : !v.isObject())) {
            throw new BadMessageException("config field '" + field + "' missing or not " + (array ? "an array" : "an object"));
        }
    }

    private StatusMessages.ConfigAck ack(String version, String status, String reason) {
        return new StatusMessages.ConfigAck(1, version, status, reason, clock.instant());
    }
}
