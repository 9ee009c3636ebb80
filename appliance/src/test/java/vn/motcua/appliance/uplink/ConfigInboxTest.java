package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class ConfigInboxTest {
    /** Keeps the config in force; refuses a config whose services list is empty, as the domain would. */
    static final class RecordingApplier implements ConfigApplier {
        String version = "2026-11-01";
        int applied;

        @Override public String currentVersion() { return version; }

        @Override public Outcome apply(String v, JsonNode config) {
            if (config.get("services").isEmpty()) {
                return Outcome.refused("an office needs at least one service");
            }
            applied++;
            version = v;
            return Outcome.done();
        }
    }

    private final RecordingApplier applier = new RecordingApplier();
    private final ConfigInbox inbox = new ConfigInbox(applier, new MutableClock(Instant.parse("2026-11-21T07:00:00Z")));

    private static byte[] config(String version, String services) {
        return ("{\"v\":1,\"version\":\"" + version + "\",\"services\":" + services
                + ",\"counters\":[{\"number\":1,\"services\":[\"dat-dai\"]}],\"openingHours\":{\"mon\":\"07:30-17:00\"},"
                + "\"announcements\":[]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValidConfigIsAppliedAndAcknowledged() {
        var ack = inbox.receive(config("2026-11-21", "[{\"code\":\"dat-dai\",\"prefix\":\"A\"}]"));
        assertEquals("applied", ack.status());
        assertEquals("2026-11-21", ack.configVersion());
        assertEquals("2026-11-21", applier.version);
    }

    @Test
    void theRetainedConfigRedeliveredOnReconnectIsNotAppliedTwice() {
        byte[] c = config("2026-11-21", "[{\"code\":\"dat-dai\"}]");
        inbox.receive(c);
        var again = inbox.receive(c);
        assertEquals("applied", again.status());
        assertEquals(1, applier.applied);
    }

    @Test
    void aConfigTheDomainRefusesIsAcknowledgedWithTheReasonAndTheOldOneStays() {
        var ack = inbox.receive(config("2026-11-22", "[]"));
        assertEquals("refused", ack.status());
        assertEquals("an office needs at least one service", ack.reason());
        assertEquals("2026-11-01", applier.version);
        assertEquals(1, inbox.refusedCount());
    }

    @Test
    void malformedOrOversizedConfigsAreRefusedBeforeTheApplierSeesThem() {
        String[] bad = {
            "not json", "[1,2]", "{\"v\":2,\"version\":\"x\"}", "{\"v\":1}",
            "{\"v\":1,\"version\":\"a/#\",\"services\":[],\"counters\":[],\"announcements\":[],\"openingHours\":{}}",
            "{\"v\":1,\"version\":\"x\",\"services\":{},\"counters\":[],\"announcements\":[],\"openingHours\":{}}",
            "{\"v\":1,\"version\":\"x\",\"services\":[],\"counters\":[],\"announcements\":[],\"openingHours\":{}} trailing",
        };
        for (String b : bad) {
            var ack = inbox.receive(b.getBytes(StandardCharsets.UTF_8));
            assertEquals("refused", ack.status(), b);
            assertTrue(ack.reason() != null && !ack.reason().isBlank(), b);
        }
        byte[] huge = new byte[ConfigInbox.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertTrue(inbox.receive(huge).reason().contains("exceeds the limit"));
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(100)).append("]".repeat(100));
        assertEquals("refused", inbox.receive(("{\"v\":1,\"version\":\"x\",\"services\":" + deep
                + ",\"counters\":[],\"announcements\":[],\"openingHours\":{}}").getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(0, applier.applied);
        assertEquals("2026-11-01", applier.version);
    }

    @Test
    void aClearedRetainedConfigIsIgnored() {
        assertNull(inbox.receive(new byte[0]));
        assertEquals("2026-11-01", applier.version);
    }
}
