package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role's appliance.conf.j2 rendered by Ansible itself (its template module, locally: no SSH, no device)
 * from the role's defaults plus an office with every optional device (service buttons, an evdev reader, a
 * printer with its own layout) equals the golden file beside the inventory. The appliance's
 * DeviceConfigStrictTest loads that same golden file through its config and device checks, so a template
 * change that renders a key the appliance refuses fails one of the two.
 */
class RenderedConfigTest {
    static final Path RESOURCES = Paths.repo().resolve("provisioning/src/test/resources/render");

    @Test
    void anOfficeWithButtonsAnEvdevReaderAndATicketLayoutRendersTheGoldenConfig(@TempDir Path tmp) throws Exception {
        assertEquals(Files.readString(RESOURCES.resolve("appliance.conf")), Files.readString(renderConfig(tmp, "office.yml")),
                "rendered config differs from provisioning/src/test/resources/render/appliance.conf");
    }

    /**
     * {@code motcua-provision replace} renders the same config plus the restore flag under {@code [store]}, which the
     * appliance reads at its first start (tests/.../RestoreFromDistrictTest runs a replacement with it).
     */
    @Test
    void aReplacementDeviceRendersTheRestoreFlagAndNothingElseDiffers(@TempDir Path tmp) throws Exception {
        Path out = renderConfig(tmp, "office.yml", "motcua_restore_from_district=true");
        String golden = Files.readString(RESOURCES.resolve("appliance.conf"));
        String store = "[store]\ndurable_commits  = true\noutbox_retention = \"30d\"\n";
        org.junit.jupiter.api.Assertions.assertTrue(golden.contains(store), "golden [store] section");
        assertEquals(golden.replace(store, store + "restore_from_district = true    # a replacement device: today's queue"
                + " comes back from the district at the first start\n"), Files.readString(out));
    }

    /**
     * The residents' phone page: off unless the inventory turns it on; on, it is rendered inside the LAN listener's
     * block with the device's own address as the QR's base unless the inventory names one (a DNS name on the guest
     * Wi-Fi, say).
     */
    @Test
    void thePhonePageIsRenderedOnlyWhenAskedWithTheDevicesAddressAsItsBase(@TempDir Path tmp) throws Exception {
        String lanOnly = Files.readString(renderConfig(tmp.resolve("lan"), "office.yml", "motcua_web_lan=true",
                "ansible_host=192.168.1.10"));
        org.junit.jupiter.api.Assertions.assertTrue(lanOnly.contains("[web.lan]") && !lanOnly.contains("[web.phone]"), lanOnly);
        String phone = Files.readString(renderConfig(tmp.resolve("phone"), "office.yml", "motcua_web_lan=true",
                "motcua_web_phone=true", "ansible_host=192.168.1.10"));
        String section = "\n[web.phone]\nenabled         = true\nbase_url        = \"https://192.168.1.10:8443\"\n"
                + "refresh_seconds = 5\n";
        org.junit.jupiter.api.Assertions.assertTrue(phone.contains(section), phone);
        assertEquals(lanOnly, phone.replace(section, "").replace("\n# Residents follow their ticket on a phone: the"
                + " ticket's QR carries base_url (the guest Wi-Fi must reach it).", ""), "nothing else differs");
        String named = Files.readString(renderConfig(tmp.resolve("named"), "office.yml", "motcua_web_lan=true",
                "motcua_web_phone=true", "motcua_web_phone_base_url=https://motcua.phuong.lan:8443"));
        org.junit.jupiter.api.Assertions.assertTrue(named.contains("base_url        = \"https://motcua.phuong.lan:8443\""), named);
    }

    /**
     * What the one kiosk unit shows, as the role writes it into /etc/default/motcua-kiosk: the hall display
     * by default (and for an old inventory's motcua_display: true), the portrait touch kiosk with a rotation,
     * and the touch calibration rule only for the kiosk.
     */
    @Test
    void theScreenShowsTheHallDisplayByDefaultAndTheTouchKioskWhenTheInventorySaysSo(@TempDir Path tmp) throws Exception {
        assertEquals(List.of("MOTCUA_SCREEN_URL=http://127.0.0.1:8080/display", "MOTCUA_SCREEN_TRANSFORM=normal"),
                settings(render(tmp.resolve("default"), "motcua-kiosk.j2")));
        assertEquals(List.of("MOTCUA_SCREEN_URL=http://127.0.0.1:8080/display", "MOTCUA_SCREEN_TRANSFORM=normal"),
                settings(render(tmp.resolve("old"), "motcua-kiosk.j2", "motcua_display=true")));
        assertEquals(List.of("MOTCUA_SCREEN_URL=http://127.0.0.1:8181/kiosk", "MOTCUA_SCREEN_TRANSFORM=90"),
                settings(render(tmp.resolve("kiosk"), "motcua-kiosk.j2", "motcua_screen=kiosk", "motcua_http_port=8181")));
        assertEquals(List.of("MOTCUA_SCREEN_URL=http://127.0.0.1:8080/kiosk", "MOTCUA_SCREEN_TRANSFORM=270"),
                settings(render(tmp.resolve("k270"), "motcua-kiosk.j2", "motcua_screen=kiosk", "motcua_screen_transform=270")));
        assertEquals(List.of("SUBSYSTEM==\"input\", KERNEL==\"event[0-9]*\", ENV{ID_INPUT_TOUCHSCREEN}==\"1\", "
                        + "ENV{LIBINPUT_CALIBRATION_MATRIX}=\"0 1 0 -1 0 1\""),
                settings(render(tmp.resolve("touch"), "61-motcua-local.rules.j2", "motcua_screen=kiosk",
                        "{\"motcua_touch_calibration\": \"0 1 0 -1 0 1\"}")));
        assertEquals(List.of(), settings(render(tmp.resolve("hall"), "61-motcua-local.rules.j2",
                "{\"motcua_touch_calibration\": \"0 1 0 -1 0 1\"}")));
    }

    /**
     * Both screens from one Pi 4 (motcua_screen: both): the kiosk and the hall display pages, each with its HDMI
     * connector, rotation and mode, kiosk on HDMI-A-1 turned 90 and the display on HDMI-A-2 by default; the touch
     * calibration rule as for the kiosk alone. Every setting written is one the launcher reads, so a name changed on
     * one side only fails here.
     */
    @Test
    void bothScreensNameEachPageItsOutputAndRotationAndTheLauncherReadsEverySetting(@TempDir Path tmp) throws Exception {
        List<String> defaults = settings(render(tmp.resolve("both"), "motcua-kiosk.j2", "motcua_screen=both"));
        assertEquals(List.of("MOTCUA_SCREENS=both",
                "MOTCUA_KIOSK_URL=http://127.0.0.1:8080/kiosk", "MOTCUA_KIOSK_OUTPUT=HDMI-A-1", "MOTCUA_KIOSK_TRANSFORM=90",
                "MOTCUA_KIOSK_MODE=",
                "MOTCUA_DISPLAY_URL=http://127.0.0.1:8080/display", "MOTCUA_DISPLAY_OUTPUT=HDMI-A-2",
                "MOTCUA_DISPLAY_TRANSFORM=normal", "MOTCUA_DISPLAY_MODE="), defaults);
        assertEquals(List.of("MOTCUA_SCREENS=both",
                "MOTCUA_KIOSK_URL=http://127.0.0.1:8181/kiosk", "MOTCUA_KIOSK_OUTPUT=HDMI-A-2", "MOTCUA_KIOSK_TRANSFORM=270",
                "MOTCUA_KIOSK_MODE=",
                "MOTCUA_DISPLAY_URL=http://127.0.0.1:8181/display", "MOTCUA_DISPLAY_OUTPUT=HDMI-A-1",
                "MOTCUA_DISPLAY_TRANSFORM=normal", "MOTCUA_DISPLAY_MODE=1920x1080@60Hz"),
                settings(render(tmp.resolve("swapped"), "motcua-kiosk.j2", "motcua_screen=both", "motcua_http_port=8181",
                        "motcua_kiosk_output=HDMI-A-2", "motcua_display_output=HDMI-A-1", "motcua_kiosk_transform=270",
                        "motcua_display_mode=1920x1080@60Hz")));
        String launcher = Files.readString(Paths.repo().resolve("systemd/bin/motcua-kiosk"));
        for (String setting : defaults) {
            String name = setting.substring(0, setting.indexOf('='));
            org.junit.jupiter.api.Assertions.assertTrue(launcher.contains("${" + name + ":-"), name + " is not read by the launcher");
        }
        assertEquals(List.of("SUBSYSTEM==\"input\", KERNEL==\"event[0-9]*\", ENV{ID_INPUT_TOUCHSCREEN}==\"1\", "
                        + "ENV{LIBINPUT_CALIBRATION_MATRIX}=\"0 1 0 -1 0 1\""),
                settings(render(tmp.resolve("touch"), "61-motcua-local.rules.j2", "motcua_screen=both",
                        "{\"motcua_touch_calibration\": \"0 1 0 -1 0 1\"}")));
    }

    /**
     * LAN screens enrolled from the inventory (issue 17, item 7): the master's enrolled-screens holds each screen's
     * role, scope and name with only its token's SHA-256; the token is made once on the technician's machine
     * (43 characters of base64url, 0600) and a second run reads it back, so the file comes out the same and the raw
     * token never reaches the master.
     */
    @Test
    void lanScreensAreEnrolledByTheirTokensHashMadeOnceAndNeverReplaced(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("secrets");
        Path vars = tmp.resolve("screens.json");
        Files.writeString(vars, """
                {"motcua_secrets_dir": "%s", "motcua_lan_screens": [
                  {"name": "Phòng chờ tầng 2", "role": "display", "services": ["dat-dai", "ho-tich"], "host": "q1-test-tv2"},
                  {"name": "Góc quầy 3-4", "role": "display", "counters": [3, 4], "host": "q1-test-tv3"},
                  {"name": "Trên quầy 3", "role": "counter_screen", "counters": [3], "host": "q1-test-c3"}]}
                """.formatted(secrets));
        List<String> first = settings(render(tmp.resolve("first"), "enrolled-screens.j2", "@" + vars));
        Path tokens = secrets.resolve("q1-test-01/screens");
        List<String> expected = new java.util.ArrayList<>();
        String[][] screens = {{"display|dat-dai,ho-tich|", "q1-test-tv2", "Phòng chờ tầng 2"},
                {"display||3,4", "q1-test-tv3", "Góc quầy 3-4"}, {"counter-screen||3", "q1-test-c3", "Trên quầy 3"}};
        for (String[] sc : screens) {
            Path file = tokens.resolve(sc[1] + ".token");
            String token = Files.readString(file).strip();
            org.junit.jupiter.api.Assertions.assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "a token's shape: " + token);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            expected.add(sc[0] + "|" + sha256(token) + "|" + sc[2]);
            org.junit.jupiter.api.Assertions.assertFalse(String.join("\n", first).contains(token), "never the token itself");
        }
        assertEquals(expected, first);
        String before = Files.readString(tokens.resolve("q1-test-tv2.token"));
        assertEquals(first, settings(render(tmp.resolve("second"), "enrolled-screens.j2", "@" + vars)),
                "a second run: the same tokens, the same file");
        assertEquals(before, Files.readString(tokens.resolve("q1-test-tv2.token")), "a token is never replaced");
    }

    /**
     * A satellite kiosk (issue 17 item 3): its config has [satellite] with the master's LAN address, the master's
     * certificate fingerprint it pins and its token file, and neither [uplink] nor counter boards; everything else (the
     * office, its services and counters) as its master's, which the inventory check copies in.
     */
    @Test
    void aSatelliteKioskRendersItsMasterLinkAndNoUplinkNorCounterBus(@TempDir Path tmp) throws Exception {
        String fp = "AB:" + "01:".repeat(30) + "CD";
        List<String> sat = settings(renderConfig(tmp.resolve("sat"), "office.yml", "motcua_satellite_of=q1-bennghe-01",
                "motcua_satellite_master_url=https://10.1.20.31:8443", "motcua_satellite_master_fingerprint=" + fp));
        List<String> master = settings(renderConfig(tmp.resolve("master"), "office.yml"));
        int at = sat.indexOf("[satellite]");
        assertEquals(List.of("[satellite]", "master_url         = \"https://10.1.20.31:8443\"",
                "master_fingerprint = \"" + fp + "\"", "token_file         = \"/var/lib/motcua/satellite.token\""),
                sat.subList(at, at + 4));
        org.junit.jupiter.api.Assertions.assertFalse(sat.contains("[uplink]"), "a satellite sends nothing to the district itself");
        org.junit.jupiter.api.Assertions.assertTrue(master.contains("[uplink]"));
        int bus = sat.indexOf("[devices.counter_bus]");
        assertEquals("mode = \"off\"", sat.get(bus + 1));
        org.junit.jupiter.api.Assertions.assertFalse(sat.contains("[[devices.counter_bus.boards]]"));
        assertEquals(master.subList(0, master.indexOf("[devices.counter_bus]")), sat.subList(0, bus),
                "the same office, services, counters and web settings as the master's");
    }

    /** The master enrols its satellite kiosks as it enrols LAN screens: role satellite, the token's SHA-256 only. */
    @Test
    void aMasterEnrolsItsSatelliteKiosksByTheirTokensHash(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("secrets");
        Path vars = tmp.resolve("satellites.json");
        Files.writeString(vars, """
                {"motcua_secrets_dir": "%s", "motcua_enrolled_satellites": [
                  {"host": "q1-test-sat1", "name": "Cửa bên — Side entrance"}]}
                """.formatted(secrets));
        List<String> lines = settings(render(tmp.resolve("first"), "enrolled-screens.j2", "@" + vars));
        String token = Files.readString(secrets.resolve("q1-test-01/screens/q1-test-sat1.token")).strip();
        org.junit.jupiter.api.Assertions.assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "the satellite's token file accepts it");
        assertEquals(List.of("satellite|||" + sha256(token) + "|Cửa bên — Side entrance"), lines);
    }

    /** A LAN screen's own Pi: its master's page over HTTPS, the token file it enrols with, the master's key to trust. */
    @Test
    void aLanScreenOpensItsMastersPageAndEnrolsWithItsTokenFile(@TempDir Path tmp) throws Exception {
        Path vars = tmp.resolve("screen.json");
        Files.writeString(vars, """
                {"inventory_hostname": "q1-test-c3", "motcua_lan_master_id": "q1-test-01",
                 "motcua_lan_screen": {"name": "Trên quầy 3", "role": "counter_screen", "counters": [3], "host": "q1-test-c3"},
                 "motcua_lan_screen_url": "https://10.1.20.31:8443/counter-screen",
                 "motcua_lan_master_spki": "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}
                """);
        assertEquals(List.of("MOTCUA_SCREEN_URL=https://10.1.20.31:8443/counter-screen", "MOTCUA_SCREEN_TRANSFORM=normal",
                        "MOTCUA_SCREEN_ENROL=/etc/motcua-screen/token",
                        "MOTCUA_SCREEN_SPKI=n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="),
                settings(render(tmp.resolve("screen"), "motcua-lan-screen.j2", "@" + vars)));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** Renders appliance.conf.j2 with the role's defaults, an inventory file of RESOURCES and the given extra vars. */
    private static Path renderConfig(Path dir, String inventory, String... extraVars) {
        List<String> vars = new java.util.ArrayList<>(List.of("@" + RESOURCES.resolve(inventory)));
        vars.addAll(List.of(extraVars));
        return renderTemplate(dir, "appliance.conf.j2", vars);
    }

    /** Renders one of the role's templates with its defaults, a device id and the given extra vars. */
    private static Path render(Path dir, String template, String... extraVars) {
        List<String> vars = new java.util.ArrayList<>(List.of("motcua_device_id=q1-test-01"));
        vars.addAll(List.of(extraVars));
        return renderTemplate(dir, template, vars);
    }

    private static Path renderTemplate(Path dir, String template, List<String> extraVars) {
        Path role = Paths.repo().resolve("provisioning/ansible/roles/motcua");
        Path out = dir.resolve("out");
        List<String> cmd = new java.util.ArrayList<>(List.of("ansible", "localhost", "-i", "localhost,", "-c", "local",
                "-m", "ansible.builtin.template", "-a", "src=" + role.resolve("templates").resolve(template) + " dest=" + out,
                "-e", "@" + role.resolve("defaults/main.yml")));
        for (String v : extraVars) {
            cmd.add("-e");
            cmd.add(v);
        }
        Proc p = Proc.run(dir, Proc.Duration.ofSeconds(120), Map.of("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible").toString(),
                "ANSIBLE_NOCOLOR", "1"), cmd);
        assertEquals(0, p.exitCode(), p.output());
        return out;
    }

    /** The lines that are not comments. */
    private static List<String> settings(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
