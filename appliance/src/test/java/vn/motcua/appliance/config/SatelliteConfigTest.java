package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code [satellite]}: read whole and checked like every section, one line per problem naming its key, before
 * anything is opened; a satellite with an uplink of its own is refused (its events go through the master).
 */
class SatelliteConfigTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/appliance.conf");
    private static final String PRINT = "AB:".repeat(31) + "CD";

    private static String with(String section) throws Exception {
        return Files.readString(EXAMPLE) + "\n[satellite]\n" + section;
    }

    @Test
    void aSatelliteSectionIsReadWithTheFingerprintNormalised() throws Exception {
        ApplianceConfig c = ConfigLoader.parse(with("master_url = \"https://192.168.1.10:8443\"\nmaster_fingerprint = \""
                + PRINT + "\"\n"), "test.conf");
        ApplianceConfig.Satellite s = c.satellite().orElseThrow();
        assertEquals("https://192.168.1.10:8443", s.masterUrl());
        assertEquals("ab".repeat(31) + "cd", s.masterFingerprint());
        assertEquals(c.identity().dataDir().resolve("satellite.token"), s.tokenFile(), "in the data folder by default");
        assertTrue(ConfigLoader.parse(Files.readString(EXAMPLE), "test.conf").satellite().isEmpty(), "a master has none");
    }

    @Test
    void everyProblemIsOneLineNamingItsKey() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(with(
                "master_url = \"http://192.168.1.10/queue\"\nmaster_fingerprint = \"abc\"\nmaster = 1\n"), "test.conf"));
        List<String> p = e.problems();
        assertEquals(3, p.size(), String.join("\n", p));
        assertTrue(p.stream().anyMatch(l -> l.startsWith("satellite.master_url = 'http://192.168.1.10/queue'")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith("satellite.master_fingerprint = 'abc'")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("satellite.master")), p.toString());
        p.forEach(l -> assertFalse(l.contains("\n"), l));
    }

    @Test
    void aSatelliteWithItsOwnUplinkIsRefused() throws Exception {
        String toml = with("master_url = \"https://192.168.1.10:8443\"\nmaster_fingerprint = \"" + PRINT + "\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml.replace(
                "enabled            = false    # provisioning", "enabled            = true    # provisioning"), "test.conf"));
        assertTrue(e.problems().stream().anyMatch(l -> l.startsWith("satellite.master_url")
                && l.contains("remove [uplink]")), e.problems().toString());
    }
}
