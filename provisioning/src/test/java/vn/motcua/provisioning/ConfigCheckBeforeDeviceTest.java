package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * motcua-provision renders each device's config and has the appliance from the package about to be installed check
 * it (--check-config), on this machine, before any device is contacted. An inventory value the inventory checks let
 * through but the appliance refuses (a time zone that is not a tz database name) stops the device there, with the
 * appliance's own line naming the key: the device is never reached (no SSH attempt: unreachable=0). The same
 * inventory with a good time zone passes the check and goes on to contact the device, which here is an address
 * where nothing listens (unreachable=1), so the difference is the check and nothing else.
 */
class ConfigCheckBeforeDeviceTest {

    @Test
    void aBadInventoryValueIsStoppedByTheAppliancesOwnCheckBeforeTheDeviceIsTouched(@TempDir Path tmp) throws Exception {
        Path debs = Files.createDirectories(tmp.resolve("debs"));
        Files.copy(Paths.deb(), debs.resolve("motcua-appliance_1.2.3-1_all.deb"));
        Path secrets = Files.createDirectories(tmp.resolve("secrets/q1-bennghe-01"));
        Files.writeString(secrets.resolve("mqtt-password"), "test-broker-password\n");

        Proc bad = provision(tmp, "Asia/Hanoi");
        assertNotEquals(0, bad.exitCode(), bad.output());
        // Ansible prints the message as YAML: folded over lines, a quote doubled inside a quoted string.
        String said = bad.output().replaceAll("\\s+", " ").replace("''", "'");
        assertTrue(said.contains("The appliance refuses the config rendered for q1-bennghe-01"), bad.output());
        assertTrue(said.contains("queue.zone = 'Asia/Hanoi': expected a time zone id"), bad.output());
        assertTrue(bad.output().matches("(?s).*q1-bennghe-01\\s+: ok=\\d+\\s+changed=0\\s+unreachable=0\\s+failed=1.*"),
                "failed on this machine, the device never contacted: " + bad.output());
        assertFalse(bad.output().contains("test-broker-password"), "no secret printed");

        Proc good = provision(tmp, "Asia/Ho_Chi_Minh");
        assertFalse(good.output().contains("The appliance refuses the config"), good.output());
        assertTrue(good.output().matches("(?s).*q1-bennghe-01\\s+: ok=\\d+\\s+changed=0\\s+unreachable=1\\s+failed=0.*"),
                "the check passed, so the device was contacted (and is not there): " + good.output());
    }

    /**
     * A satellite kiosk (group motcua_satellites, issue 17 item 3) takes its office from its master and renders a
     * config with [satellite] instead of [uplink] and no counter bus: the appliance from the package accepts it on this
     * machine, for the master and the satellite alike, before either device is contacted. The master is unreachable
     * here, so the run ends before the satellites' play, and the report says the satellite was not provisioned. A
     * satellite whose master is not in the inventory is refused there, naming the field, nothing contacted; and it
     * needs no broker password (it sends nothing to the district itself).
     */
    @Test
    void aSatelliteKioskIsCheckedWithItsMastersOfficeBeforeEitherDeviceIsContacted(@TempDir Path tmp) throws Exception {
        Path debs = Files.createDirectories(tmp.resolve("debs"));
        Files.copy(Paths.deb(), debs.resolve("motcua-appliance_1.2.3-1_all.deb"));
        Files.writeString(Files.createDirectories(tmp.resolve("secrets/q1-bennghe-01")).resolve("mqtt-password"), "pw\n");
        int closedPort = closedPort();
        String satellites = """
                  children:
                    motcua_satellites:
                      hosts:
                        q1-bennghe-sat1:
                          ansible_host: 127.0.0.1
                          ansible_port: %d
                          ansible_ssh_common_args: "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=5"
                          motcua_device_id: q1-bennghe-sat1
                          motcua_satellite_of: %s
                          motcua_satellite_name: "Cửa bên — Side entrance"
                """;
        Proc good = provisionWith(tmp, inventory("Asia/Ho_Chi_Minh", closedPort) + satellites.formatted(closedPort, "q1-bennghe-01"));
        assertFalse(good.output().contains("The appliance refuses the config"), good.output());
        assertFalse(good.output().contains("mqtt-password"), "a satellite needs no broker password: " + good.output());
        assertTrue(good.output().matches("(?s).*q1-bennghe-01\\s+: ok=\\d+\\s+changed=0\\s+unreachable=1\\s+failed=0.*"),
                "the master's config passed the check, so it was contacted (and is not there): " + good.output());
        assertTrue(good.output().matches("(?s).*q1-bennghe-sat1\\s+: ok=\\d+\\s+changed=0\\s+unreachable=0\\s+failed=0.*"),
                "the satellite's config passed the check: " + good.output());
        // its master unreachable, Ansible ends the run before the satellites' play: the report says so, not "ok"
        assertTrue(good.output().matches("(?s).*q1-bennghe-sat1\\s+NOT PROVISIONED \\(the run stopped before this device.*"),
                good.output());
        assertTrue(good.output().contains("Needs attention: q1-bennghe-01, q1-bennghe-sat1"), good.output());

        Proc bad = provisionWith(tmp, inventory("Asia/Ho_Chi_Minh", closedPort) + satellites.formatted(closedPort, "q1-nowhere-01"));
        assertNotEquals(0, bad.exitCode(), bad.output());
        String said = bad.output().replaceAll("\\s+", " ");
        assertTrue(said.contains("Satellite kiosk q1-bennghe-sat1: motcua_satellite_of must name its master"), bad.output());
        assertTrue(bad.output().matches("(?s).*q1-bennghe-sat1\\s+: ok=\\d+\\s+changed=0\\s+unreachable=0\\s+failed=1.*"),
                "refused on this machine, never contacted: " + bad.output());
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free once closed: an SSH attempt there is refused at once
        }
    }

    private static Proc provision(Path tmp, String zone) throws Exception {
        return provisionWith(tmp, inventory(zone, closedPort()));
    }

    private static String inventory(String zone, int closedPort) {
        return """
                all:
                  vars:
                    motcua_version: "1.2.3-1"
                    motcua_timezone: "%s"
                    motcua_broker_url: "ssl://mqtt.quan1.example.vn:8883"
                  hosts:
                    q1-bennghe-01:
                      ansible_host: 127.0.0.1
                      ansible_port: %d
                      ansible_ssh_common_args: "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=5"
                      motcua_district: quan-1
                      motcua_device_id: q1-bennghe-01
                      motcua_office: phuong-ben-nghe
                      motcua_office_name_vi: "UBND Phường Bến Nghé — Bộ phận Một cửa"
                      motcua_office_name_en: "Ben Nghe Ward — One-Stop Office"
                      motcua_mqtt_username: q1-bennghe-01
                      motcua_services:
                        - {code: ho-tich, name_vi: "Hộ tịch", name_en: "Civil status", prefix: A}
                      motcua_counters:
                        - {number: 1, bus_address: 1, services: [ho-tich]}
                """.formatted(zone, closedPort);
    }

    private static Proc provisionWith(Path tmp, String inventoryText) throws Exception {
        Path inventory = tmp.resolve("inventory-" + Integer.toHexString(inventoryText.hashCode()) + ".yml");
        Files.writeString(inventory, inventoryText);
        String javaHome = System.getProperty("java.home");
        return Proc.run(tmp, Proc.Duration.ofSeconds(300), Map.of("JAVA_HOME", javaHome, "ANSIBLE_NOCOLOR", "1",
                        "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible").toString(), "ANSIBLE_HOST_KEY_CHECKING", "False"),
                List.of(Paths.repo().resolve("provisioning/motcua-provision").toString(), "-i", inventory.toString(),
                        "--debs", tmp.resolve("debs").toString(), "--secrets", tmp.resolve("secrets").toString()));
    }
}
