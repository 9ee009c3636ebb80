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

    private static Proc provision(Path tmp, String zone) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free once closed: an SSH attempt there is refused at once
        }
        Path inventory = tmp.resolve("inventory-" + zone.replace('/', '-') + ".yml");
        Files.writeString(inventory, """
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
                """.formatted(zone, closedPort));
        String javaHome = System.getProperty("java.home");
        return Proc.run(tmp, Proc.Duration.ofSeconds(300), Map.of("JAVA_HOME", javaHome, "ANSIBLE_NOCOLOR", "1",
                        "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible").toString(), "ANSIBLE_HOST_KEY_CHECKING", "False"),
                List.of(Paths.repo().resolve("provisioning/motcua-provision").toString(), "-i", inventory.toString(),
                        "--debs", tmp.resolve("debs").toString(), "--secrets", tmp.resolve("secrets").toString()));
    }
}
