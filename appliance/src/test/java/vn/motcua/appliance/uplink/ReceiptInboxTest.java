package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The district's receipt: one well-formed shape, everything else refused, counted and without effect. */
class ReceiptInboxTest {
    private final ReceiptInbox inbox = new ReceiptInbox();

    private OptionalLong receive(String json) {
        return inbox.receive(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReceiptGivesItsSeq() {
        assertEquals(OptionalLong.of(48213), receive("{\"v\":1,\"replayedSeq\":48213}"));
        assertEquals(0, inbox.refusedCount());
    }

    @Test
    void malformedReceiptsAreRefusedAndCounted() {
        String[] bad = {"", "not json", "[1]", "{\"v\":2,\"replayedSeq\":5}", "{\"v\":1}", "{\"v\":1,\"replayedSeq\":\"5\"}",
            "{\"v\":1,\"replayedSeq\":0}", "{\"v\":1,\"replayedSeq\":-3}", "{\"v\":1,\"replayedSeq\":1.5}",
            "{\"v\":1,\"replayedSeq\":99999999999999999999999}", "{\"v\":1,\"replayedSeq\":1,\"pad\":\"" + "x".repeat(2000) + "\"}"};
        for (String b : bad) {
            assertEquals(OptionalLong.empty(), receive(b), b.length() > 60 ? b.substring(0, 60) : b);
        }
        assertEquals(bad.length, inbox.refusedCount());
    }
}
