package vn.motcua.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.service.Health;

/**
 * An office configured for GPIO buttons, started on a machine that is no Raspberry Pi (this amd64 build host),
 * with the real Pi4J libgpiod plugin: the appliance starts and serves, the buttons entry of /healthz is a fault
 * that says why, and residents still take tickets at the kiosk.
 */
class GpioButtonsOffAPiTest {
    @TempDir
    Path dir;

    @Test
    void theApplianceRunsOnAndHealthSaysWhyTheButtonsAreDead() throws Exception {
        String toml = TestStores.demoToml(dir)
                + "\n[devices.buttons]\nmode = \"gpio\"\nbusy_led = 24\n"
                + "[[devices.buttons.map]]\nservice = \"ho-tich\"\nbcm = 17\n"
                + "[[devices.buttons.map]]\nservice = \"dat-dai\"\nbcm = 27\n";
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            a.start();
            Health.Status buttons = a.health().snapshot().get("buttons");
            assertFalse(buttons.ok(), buttons.toString());
            assertTrue(buttons.detail().startsWith("GPIO: ") || buttons.detail().contains("on BCM 17"), buttons.detail());

            HttpResponse<String> ticket = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.webPort() + "/api/tickets"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, ticket.statusCode(), ticket.body());
        }
    }
}
