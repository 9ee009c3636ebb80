package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from the district server on {@code .../cmd/{name}}: validates the envelope, runs each id
 * once (QoS 1 may deliver twice, and the district resends a command until its ack comes), refuses
 * expired ones, dispatches, and returns the ack to publish. A repeated id is answered with the ack its
 * first delivery got, without running it again: that ack may have been lost with the link, and a district
 * that never hears one would resend it for ever. Commands: {@code reset-queue}, {@code hall-message},
 * {@code resync}.
 */
public final class CommandInbox {
    private static final Logger log = LoggerFactory.getLogger(CommandInbox.class);
    public static final int MAX_BYTES = 4 * 1024;
    private static final int REMEMBERED_IDS = 256;

    private final CommandHandler handler;
    private final LongConsumer resync;
    private final Clock clock;
    /** The last {@link #REMEMBERED_IDS} ids and what each was answered. */
    private final LinkedHashMap<String, StatusMessages.CommandAck> answered = new LinkedHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /** @param resync asks the outbox pump to resend from a sequence number */
    public CommandInbox(CommandHandler handler, LongConsumer resync, Clock clock) {
        this.handler = handler;
        this.resync = resync;
        this.clock = clock;
    }

    /** Returns the ack to publish; for a repeated id, the one its first delivery got (nothing is run again). */
    public synchronized StatusMessages.CommandAck receive(String name, byte[] payload) {
        String id = null;
        try {
            if (!TopicSegment.isSafe(name)) {
                throw new BadMessageException("bad command name");
            }
            JsonNode n = Json.parseObject(payload, MAX_BYTES);
            String given = Json.text(n, "id", 64);
            if (!TopicSegment.isSafe(given)) {
                throw new BadMessageException("command 'id' may only hold letters, digits, '.', '-', '_'");
            }
            id = given; // only a well-formed id is remembered with its answer
            StatusMessages.CommandAck before = answered.get(id);
            if (before != null) {
                log.debug("repeated command {}: answered as before, not run again", id);
                return before;
            }
            String expires = Json.optText(n, "expires", 40);
            if (expires != null && parseInstant(expires).isBefore(clock.instant())) {
                return remember(ack(id, name, "expired", "command expired at " + expires));
            }
            Outcome o = dispatch(name, n);
            if (!o.ok()) {
                throw new BadMessageException(o.reason());
            }
            log.info("command {} ({}) done", name, id);
            return remember(ack(id, name, "done", null));
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            String reason = Sanitize.forLog(e.getMessage(), 200);
            log.warn("refused command {} ({}): {}", Sanitize.forLog(name, 40), id == null ? "no id" : id, reason);
            StatusMessages.CommandAck ack = ack(id, name, "refused", reason);
            return id == null ? ack : remember(ack);
        }
    }

    private StatusMessages.CommandAck remember(StatusMessages.CommandAck ack) {
        answered.put(ack.id(), ack);
        if (answered.size() > REMEMBERED_IDS) {
            answered.pollFirstEntry();
        }
        return ack;
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
