package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.web.LanKeystore;

/** {@code [web.lan]}, {@code [web] staff_accounts} and {@code [manager]}: checked at load, each problem named by its key. */
class LanConfigTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/appliance.conf");
    @TempDir
    Path dir;
    private String conf;

    @BeforeEach
    void keystore() throws Exception {
        LanKeystore.make(dir, "192.168.1.10");
        conf = Files.readString(EXAMPLE)
                .replace("enabled  = false\nbind     = \"0.0.0.0\"", "enabled  = true\nbind     = \"0.0.0.0\"")
                .replace("/etc/motcua/web-tls.p12", dir.resolve("web-tls.p12").toString())
                .replace("/etc/motcua/web-tls.secret", dir.resolve("web-tls.secret").toString());
    }

    private ConfigException refused(String toml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
    }

    @Test
    void aKeystoreMadeByTheProvisioningCommandsIsAccepted() throws Exception {
        ApplianceConfig c = ConfigLoader.parse(conf, "test.conf");
        assertTrue(c.web().lan().enabled());
        assertEquals(8443, c.web().lan().port());
        assertEquals(dir.resolve("web-tls.p12"), c.web().lan().keystore());
        assertTrue(c.web().lan().bind().isAnyLocalAddress());
    }

    @Test
    void aMissingKeystoreIsNamed() throws Exception {
        Files.delete(dir.resolve("web-tls.p12"));
        ConfigException e = refused(conf);
        assertEquals("web.lan.keystore = '" + dir.resolve("web-tls.p12")
                + "': expected a readable PKCS12 file with the key and certificate: not found", e.problems().getFirst());
    }

    @Test
    void aWrongPasswordNamesThePasswordFile() throws Exception {
        Files.writeString(dir.resolve("web-tls.secret"), "not-the-password\n");
        ConfigException e = refused(conf);
        assertTrue(e.problems().getFirst().startsWith("web.lan.keystore_password_file = '"), e.getMessage());
        assertTrue(e.problems().getFirst().endsWith("expected the password that opens web.lan.keystore (it does not)"),
                e.getMessage());
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("web-tls.secret"), PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = refused(conf);
        assertTrue(e.problems().getFirst().startsWith("web.lan.keystore_password_file = '"), e.getMessage());
        assertTrue(e.problems().getFirst().contains("mode 0600") && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void aMissingOrEmptyPasswordFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("web-tls.secret"), "\n");
        assertTrue(refused(conf).problems().getFirst().contains("it is empty"));
        Files.delete(dir.resolve("web-tls.secret"));
        assertTrue(refused(conf).problems().getFirst().endsWith("not found"));
    }

    @Test
    void aFileThatIsNoKeystoreIsRefused() throws Exception {
        Files.writeString(dir.resolve("web-tls.p12"), "-----BEGIN CERTIFICATE-----\n");
        assertTrue(refused(conf).problems().getFirst().startsWith("web.lan.keystore"), "named");
    }

    @Test
    void theLanPortMustDifferFromTheLocalOne() throws Exception {
        ConfigException e = refused(conf.replace("port     = 8443", "port     = 8080"));
        assertTrue(e.problems().contains("web.lan.port = '8080': expected a port other than web.port (8080):"
                + " the LAN listener is HTTPS"), e.getMessage());
    }

    @Test
    void aDisabledLanListenerChecksNoFiles() throws Exception {
        Files.delete(dir.resolve("web-tls.p12"));
        assertFalse(ConfigLoader.load(EXAMPLE).web().lan().enabled());
    }

    @Test
    void staffAccountsAndManagerLimitsAreKeysWithDefaults() throws Exception {
        ApplianceConfig c = ConfigLoader.load(EXAMPLE);
        assertEquals(Path.of("/var/lib/motcua/staff.accounts"), c.web().staffAccounts());
        assertEquals(new ApplianceConfig.Manager(20, Duration.ofMinutes(30)), c.manager());
        String bare = Files.readString(EXAMPLE).replaceAll("(?m)^staff_accounts.*\n", "")
                .replace("data_dir       = \"/var/lib/motcua\"", "data_dir       = \"/srv/motcua\"")
                .replaceAll("(?s)\\[manager\\]\n.*?\n\n", "");
        ApplianceConfig d = ConfigLoader.parse(bare, "test.conf");
        assertEquals(Path.of("/srv/motcua/staff.accounts"), d.web().staffAccounts(), "defaults to the data folder");
        assertEquals(new ApplianceConfig.Manager(20, Duration.ofMinutes(30)), d.manager());
    }

    @Test
    void badManagerLimitsAreNamed() throws Exception {
        ConfigException e = refused(Files.readString(EXAMPLE).replace("alert_waiting = 20", "alert_waiting = 0")
                .replace("alert_wait    = \"30m\"", "alert_wait    = \"soon\""));
        assertTrue(e.problems().contains("manager.alert_waiting = '0': expected a whole number from 1 to 9999"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("manager.alert_wait = 'soon'")), e.getMessage());
    }

    /** The [web.phone] block of the example, turned on. */
    private static String phoneOn(String toml) {
        return toml.replace("[web.phone]\nenabled         = false", "[web.phone]\nenabled         = true");
    }

    @Test
    void thePhonePageIsReadWithItsBaseUrlAndRefresh() throws Exception {
        ApplianceConfig off = ConfigLoader.parse(conf, "test.conf");
        assertFalse(off.web().phone().enabled(), "off unless the office turns it on");
        ApplianceConfig c = ConfigLoader.parse(phoneOn(conf), "test.conf");
        assertTrue(c.web().phone().enabled());
        assertEquals("https://192.168.1.10:8443", c.web().phone().baseUrl());
        assertEquals(Duration.ofSeconds(5), c.web().phone().refresh());
        ApplianceConfig named = ConfigLoader.parse(phoneOn(conf).replace("\"https://192.168.1.10:8443\"",
                "\"https://motcua.phuong7.local\""), "test.conf");
        assertEquals("https://motcua.phuong7.local", named.web().phone().baseUrl());
    }

    @Test
    void thePhonePageNeedsTheLanListener() throws Exception {
        String lanOff = conf.replace("enabled  = true\nbind     = \"0.0.0.0\"", "enabled  = false\nbind     = \"0.0.0.0\"");
        ConfigException e = refused(phoneOn(lanOff));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().getFirst().startsWith("web.phone.enabled = 'true': expected false, or [web.lan] enabled"),
                e.getMessage());
    }

    @Test
    void eachBadPhonePageValueIsNamedOnALineOfItsOwn() {
        ConfigException e = refused(phoneOn(conf)
                .replace("\"https://192.168.1.10:8443\"", "\"http://192.168.1.10:8443/t\"")
                .replace("refresh_seconds = 5", "refresh_seconds = 1"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("web.phone.base_url = 'http://192.168.1.10:8443/t'")
                && p.contains("https://host:port")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("web.phone.refresh_seconds")), e.getMessage());
        ConfigException missing = refused(phoneOn(conf).replace("base_url        = \"https://192.168.1.10:8443\"", ""));
        assertTrue(missing.problems().getFirst().startsWith("web.phone.base_url"), missing.getMessage());
    }
}
