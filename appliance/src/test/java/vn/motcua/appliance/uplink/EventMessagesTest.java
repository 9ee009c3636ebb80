package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.store.OutboxEvent;

class EventMessagesTest {
    @Test
    void anEventIsTheContractV1EnvelopeWithThePayloadEmbedded() {
        OutboxEvent e = new OutboxEvent(42, "0b8f7f0e-4c1e-4d53-9a55-0c3b6f7d2a11", "kiosk-1",
                Instant.parse("2026-11-21T08:15:30.250Z"), 123456789L, "b007", true, "ticket.issued",
                "{\"ticket\":\"A023\",\"service\":\"dat-dai\"}");
        String json = new String(EventMessages.encode(e, true), StandardCharsets.UTF_8);
        assertEquals("{\"v\":1,\"id\":\"0b8f7f0e-4c1e-4d53-9a55-0c3b6f7d2a11\",\"seq\":42,\"device\":\"kiosk-1\","
                + "\"type\":\"ticket.issued\",\"time\":\"2026-11-21T08:15:30.250Z\",\"clockTrusted\":true,"
                + "\"bootId\":\"b007\",\"monoNanos\":123456789,\"replayed\":true,"
                + "\"payload\":{\"ticket\":\"A023\",\"service\":\"dat-dai\"}}", json);
    }

    @Test
    void vietnameseTextIsUtf8() {
        OutboxEvent e = new OutboxEvent(1, "id", "k", Instant.EPOCH, 0, "b", false, "hall.message", "{\"t\":\"Mời số\"}");
        byte[] b = EventMessages.encode(e, false);
        // "Mời" = 4D E1 BB 9D 69 in UTF-8 (ờ is U+1EDD, precomposed)
        String s = new String(b, StandardCharsets.UTF_8);
        assertEquals(true, s.endsWith("\"payload\":{\"t\":\"Mời số\"}}"));
        int at = s.indexOf("Mời");
        byte[] prefix = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
        assertEquals(0x4D, b[prefix.length]);
        assertEquals((byte) 0xE1, b[prefix.length + 1]);
        assertEquals((byte) 0xBB, b[prefix.length + 2]);
        assertEquals((byte) 0x9D, b[prefix.length + 3]);
        assertEquals(0x69, b[prefix.length + 4]);
    }
}
