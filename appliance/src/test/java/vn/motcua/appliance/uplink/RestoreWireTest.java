package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.store.OutboxEvent;

/** A restore page back to the outbox rows the device published, and every way a page is refused. */
class RestoreWireTest {
    private static final String DEVICE = "kiosk-1";

    @Test
    void aPageGivesBackTheEventsExactlyAsPublished() {
        List<OutboxEvent> sent = List.of(event(7, DEVICE, "queue.day_started"), event(8, DEVICE, "ticket.issued"));
        RestoreWire.Page p = RestoreWire.parsePage(page(7, 8, false, sent), DEVICE, 3, true, 200);
        assertEquals(7, p.from());
        assertEquals(8, p.last());
        assertEquals(sent, p.events());
        RestoreWire.Page none = RestoreWire.parsePage(page(9, 8, true, List.of()), DEVICE, 9, false, 200);
        assertTrue(none.complete() && none.events().isEmpty());
        String request = new String(RestoreWire.request(9, 200, false), StandardCharsets.UTF_8);
        assertEquals("{\"v\":1,\"fromSeq\":9,\"limit\":200,\"fromDayStart\":false}", request);
    }

    @Test
    void aPageThatDoesNotHoldUpIsRefused() {
        List<OutboxEvent> gapped = List.of(event(1, DEVICE, "ticket.issued"), event(3, DEVICE, "ticket.issued"));
        refused("gap", page(1, 3, true, gapped), 1, false);
        refused("another device's event", page(1, 1, true, List.of(event(1, "kiosk-2", "ticket.issued"))), 1, false);
        refused("starts later than asked", page(2, 2, true, List.of(event(2, DEVICE, "ticket.issued"))), 1, false);
        refused("starts earlier than asked", page(1, 1, true, List.of(event(1, DEVICE, "ticket.issued"))), 2, true);
        refused("last does not match", page(1, 2, true, List.of(event(1, DEVICE, "ticket.issued"))), 1, false);
        refused("empty yet not complete", page(1, 0, false, List.of()), 1, false);
        List<OutboxEvent> many = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            many.add(event(i, DEVICE, "ticket.issued"));
        }
        assertThrows(BadMessageException.class, () -> RestoreWire.parsePage(page(1, 3, true, many), DEVICE, 1, false, 2),
                "more events than asked for");
        refused("the district's refusal", "{\"v\":1,\"error\":\"no event held at seq 1\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        String ours = new String(page(1, 1, true, List.of(event(1, DEVICE, "ticket.issued"))), StandardCharsets.UTF_8);
        refused("another device's page", ours.replaceFirst("\"device\":\"kiosk-1\",\"from\"", "\"device\":\"kiosk-9\",\"from\"")
                .getBytes(StandardCharsets.UTF_8), 1, false);
        refused("a wildcard in a type", page(1, 1, true, List.of(event(1, DEVICE, "ticket/#"))), 1, false);
        refused("not JSON", "{\"v\":1,".getBytes(StandardCharsets.UTF_8), 1, false);
        refused("too large", new byte[RestoreWire.MAX_PAGE_BYTES + 1], 1, false);
    }

    private static void refused(String why, byte[] page, long fromSeq, boolean mayStartLater) {
        assertThrows(BadMessageException.class, () -> RestoreWire.parsePage(page, DEVICE, fromSeq, mayStartLater, 200), why);
    }

    private static OutboxEvent event(long seq, String device, String type) {
        return new OutboxEvent(seq, "id-" + seq, device, Instant.parse("2026-11-23T01:00:00.250Z"), 1234 + seq, "boot-1",
                seq % 2 == 0, type, "{\"ticket\":\"A00" + seq + "\",\"n\":" + seq + "}");
    }

    /** A page as the district sends it: each event the very JSON the device published. */
    private static byte[] page(long from, long last, boolean complete, List<OutboxEvent> events) {
        String list = events.stream().map(e -> new String(EventMessages.encode(e, false), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
        return ("{\"v\":1,\"device\":\"" + DEVICE + "\",\"from\":" + from + ",\"last\":" + last + ",\"complete\":" + complete
                + ",\"events\":[" + list + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
