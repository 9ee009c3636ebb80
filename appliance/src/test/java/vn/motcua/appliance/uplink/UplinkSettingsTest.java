package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UplinkSettingsTest {
    private static JsonNode section(String toml) throws Exception {
        return new TomlMapper().readTree("[uplink]\n" + toml).get("uplink");
    }

    private static UplinkConfig parse(String toml) throws Exception {
        return UplinkSettings.parse(section(toml), "hcm-q1", "benthanh", "kiosk-1", Path.of("/var/lib/motcua"),
                Duration.ofDays(30)).orElseThrow();
    }

    @Test
    void theDocumentedSectionReadsAsWritten() throws Exception {
        UplinkConfig c = parse("""
                broker = "ssl://mqtt.example:8883"
                ca_file = "/etc/motcua/district-ca.pem"
                username = "office-benthanh"
                secrets_file = "/etc/motcua/uplink.secrets"
                keep_alive = "30s"
                reconnect_initial = "500ms"
                reconnect_max = "5m"
                backlog_rate = 250
                min_free_mib = 100
                """);
        assertEquals("ssl://mqtt.example:8883", c.brokerUri().toString());
        assertEquals(Duration.ofMillis(500), c.backoffInitial());
        assertEquals(Duration.ofMinutes(5), c.backoffMax());
        assertEquals(250, c.backlogRatePerSecond());
        assertEquals(100L << 20, c.minFreeBytes());
        assertEquals("motcua/v1/hcm-q1/benthanh/kiosk-1/status", c.topics().availability());
    }

    /** Issue 20: after the district broker comes back, an office reconnects within seconds, not minutes. */
    @Test
    void reconnectsAreCappedAtHalfAMinuteByDefault() throws Exception {
        UplinkConfig c = parse("""
                broker = "ssl://mqtt.example:8883"
                ca_file = "/etc/motcua/district-ca.pem"
                username = "office-benthanh"
                secrets_file = "/etc/motcua/uplink.secrets"
                """);
        assertEquals(Duration.ofSeconds(1), c.backoffInitial());
        assertEquals(Duration.ofSeconds(30), c.backoffMax());
    }

    @Test
    void noSectionOrDisabledMeansNoUplink() throws Exception {
        assertTrue(UplinkSettings.parse(MissingNode.getInstance(), "d", "o", "k", Path.of("."), Duration.ofDays(1)).isEmpty());
        assertTrue(UplinkSettings.parse(section("enabled = false\n"), "d", "o", "k", Path.of("."), Duration.ofDays(1)).isEmpty());
    }

    @Test
    void everyProblemIsNamedByKeyAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                keep_alive = "soon"
                backlog_rate = -3
                brokr = "ssl://x"
                """));
        assertTrue(e.getMessage().contains("uplink.keep_alive"), e.getMessage());
        assertTrue(e.getMessage().contains("uplink.backlog_rate"), e.getMessage());
        assertTrue(e.getMessage().contains("uplink.brokr = 'ssl://x': unknown key (expected one of backlog_rate, backlog_window, broker,"), e.getMessage());
        assertTrue(e.getMessage().contains("uplink.broker = (missing): expected the district's broker, ssl://host:8883"), e.getMessage());
    }

    @Test
    void tlsWithoutACaFileIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("broker = \"ssl://x:8883\"\n"));
        assertTrue(e.getMessage().contains("ca_file"), e.getMessage());
    }
}
