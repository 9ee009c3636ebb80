package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from the district server on {@code .../cmd/{name}}: validates the envelope, drops
 * repeats by id (QoS 1 may deliver twice), refuses expired ones, dispatches, and returns the ack to
 * publish. Commands: {@code reset-queue}, {@code hall-message}, {@code resync}.
 */
public final class CommandInbox {
    private static final Logger log = LoggerFactory.getLogger(CommandInbox.class);
    public static final int MAX_BYTES = 4 * 1024;
    private static final int REMEMBERED_IDS = 256;

    private final CommandHandler handler;
    private final LongConsumer resync;
    private final Clock clock;
    private final LinkedHashSet<String> seenIds = new LinkedHashSet<>();
    private final AtomicLong refused = new AtomicLong();

    /** @param resync asks the outbox pump to resend from a sequence number */
    public CommandInbox(CommandHandler handler, LongConsumer resync, Clock clock) {
        this.handler = handler;
        this.resync = resync;
        this.clock = clock;
    }

    /** Returns the ack to publish, or null for a repeated id (already acknowledged). */
    public synchronized StatusMessages.CommandAck receive(String name, byte[] payload) {
        String id = null;
        try {
            if (!TopicSegment.isSafe(name)) {
                throw new BadMessageException("bad command name");
            }
            JsonNode n = Json.parseObject(payload, MAX_BYTES);
            id = Json.text(n, "id", 64);
            if (!TopicSegment.isSafe(id)) {
                throw new BadMessageException("command 'id' may only hold letters, digits, '.', '-', '_'");
            }
            if (!seenIds.add(id)) {
                log.debug("dropping repeated command {}", id);
                return null;
            }
            if (seenIds.size() > REMEMBERED_IDS) {
                seenIds.removeFirst();
            }
            String expires = Json.optText(n, "expires", 40);
            if (expires != null && parseInstant(expires).isBefore(clock.instant())) {
                return ack(id, name, "expired", "command expired at " + expires);
            }
            Outcome o = dispatch(name, n);
            if (!o.ok()) {
                throw new BadMessageException(o.reason());
            }
            log.info("command {} ({}) done", name, id);
            return ack(id, name, "done", null);
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            String reason = Sanitize.forLog(e.getMessage(), 200);
            log.warn("refused command {} ({}): {}", Sanitize.forLog(name, 40), id == null ? "no id" : id, reason);
            return ack(id, name, "refused", reason);
        }
    }

    public long refusedCount() { return refused.get(); }

    private Outcome dispatch(String name, JsonNode n) {
        return switch (name) {
            case "reset-queue" -> handler.resetQueue(Json.text(n, "reason", 200));
            case "hall-message" -> {
                String until = Json.optText(n, "until", 40);
                yield handler.hallMessage(Json.text(n, "textVi", 280), Json.text(n, "textEn", 280),
                        until == null ? null : parseInstant(until));
            }
            case "resync" -> {
                JsonNode from = n.get("fromSeq");
                if (from == null || !from.canConvertToLong() || from.asLong() < 1) {
                    throw new BadMessageException("resync needs 'fromSeq' >= 1");
                }
                resync.accept(from.asLong());
                yield Outcome.done();
            }
            default -> throw new BadMessageException("unknown command '" + Sanitize.forLog(name, 40) + "'");
        };
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadMessageException("not an ISO-8601 instant: " + Sanitize.forLog(s, 40));
        }
    }

    private StatusMessages.CommandAck ack(String id, String name, String status, String reason) {
        return new StatusMessages.CommandAck(1, id, Sanitize.forLog(name, 40), status, reason, clock.instant());
    }
}
