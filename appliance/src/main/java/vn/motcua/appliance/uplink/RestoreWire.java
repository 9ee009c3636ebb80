package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * Wire format of the restore exchange (TOPICS.md, "Restore from the district"): the request a device sends for its
 * own events from a seq, and the district's answer, one page of the events exactly as the device published them.
 * The page is checked here as far as the envelope goes: this device's events only, seqs gapless from where the page
 * says it starts, bounded sizes. What the events mean is checked by the rebuild.
 */
public final class RestoreWire {
    /** Events per page the device asks for; the district may send fewer. */
    public static final int PAGE_EVENTS = 200;
    /** The largest page accepted: {@value #PAGE_EVENTS} events of up to the outbox's 16 KiB each would be more. */
    public static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

    /** One answer: events {@code from}..{@code last} (none: {@code last = from - 1}); {@code complete} when no more. */
    public record Page(long from, long last, boolean complete, List<OutboxEvent> events) {}

    private RestoreWire() {}

    /**
     * @param fromDayStart the district may start at the last {@code queue.day_started} at or after {@code fromSeq}:
     *                     a device with nothing stored needs only the current day, not its whole history
     */
    public static byte[] request(long fromSeq, int limit, boolean fromDayStart) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("v", 1);
        n.put("fromSeq", fromSeq);
        n.put("limit", limit);
        n.put("fromDayStart", fromDayStart);
        return Json.bytes(n);
    }

    /**
     * Parses and checks one page for {@code device}, asked from {@code fromSeq}; throws {@link BadMessageException}
     * with a reason safe to log.
     *
     * @param mayStartLater whether the page may start above {@code fromSeq} (a {@code fromDayStart} request)
     */
    public static Page parsePage(byte[] payload, String device, long fromSeq, boolean mayStartLater, int limit) {
        JsonNode n = Json.parseObject(payload, MAX_PAGE_BYTES);
        if (n.path("v").asInt() != 1) {
            throw new BadMessageException("restore answer: version must be 1");
        }
        if (n.hasNonNull("error")) {
            throw new BadMessageException("the district refused: " + Sanitize.forLog(n.get("error").asText(), 200));
        }
        if (!device.equals(n.path("device").asText())) {
            throw new BadMessageException("restore answer for another device");
        }
        long from = number(n, "from");
        long last = number(n, "last");
        JsonNode list = n.get("events");
        if (list == null || !list.isArray() || !n.path("complete").isBoolean()) {
            throw new BadMessageException("restore answer without 'events' list or 'complete' flag");
        }
        if (from < fromSeq || (from > fromSeq && !mayStartLater)) {
            throw new BadMessageException("restore answer starts at seq " + from + ", asked from " + fromSeq);
        }
        if (list.size() > limit) {
            throw new BadMessageException("restore answer holds " + list.size() + " events, asked for at most " + limit);
        }
        List<OutboxEvent> events = new ArrayList<>(list.size());
        long expect = from;
        for (JsonNode e : list) {
            OutboxEvent ev = event(e, device);
            if (ev.seq() != expect) {
                throw new BadMessageException("restore answer has seq " + ev.seq() + " where " + expect + " belongs (a gap)");
            }
            events.add(ev);
            expect++;
        }
        if (last != expect - 1) {
            throw new BadMessageException("restore answer says its last seq is " + last + " but ends at " + (expect - 1));
        }
        boolean complete = n.get("complete").asBoolean();
        if (!complete && events.isEmpty()) {
            throw new BadMessageException("restore answer with no events that is not complete");
        }
        return new Page(from, last, complete, events);
    }

    /** One event's envelope as {@link EventMessages} wrote it, back to the outbox row it came from. */
    private static OutboxEvent event(JsonNode e, String device) {
        if (e == null || !e.isObject() || e.path("v").asInt() != 1) {
            throw new BadMessageException("restore answer holds an event that is not a v1 object");
        }
        if (!device.equals(e.path("device").asText())) {
            throw new BadMessageException("restore answer holds an event of another device");
        }
        long seq = number(e, "seq");
        String type = Json.text(e, "type", 64);
        try {
            TopicSegment.require("event type", type);
        } catch (IllegalArgumentException x) {
            throw new BadMessageException("event " + seq + " has a type that is not a topic segment");
        }
        JsonNode payload = e.get("payload");
        if (payload == null || !payload.isObject() || !e.path("clockTrusted").isBoolean() || !e.path("monoNanos").canConvertToLong()) {
            throw new BadMessageException("event " + seq + " is missing its payload, clockTrusted or monoNanos");
        }
        try {
            return new OutboxEvent(seq, Json.text(e, "id", 64), device, Instant.parse(Json.text(e, "time", 40)),
                    e.get("monoNanos").asLong(), Json.text(e, "bootId", 64), e.get("clockTrusted").asBoolean(), type,
                    Json.MAPPER.writeValueAsString(payload));
        } catch (DateTimeParseException | JsonProcessingException x) {
            throw new BadMessageException("event " + seq + " has a malformed time or payload");
        }
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new BadMessageException("field '" + field + "' missing or not a whole number");
        }
        return v.asLong();
    }
}
