package vn.motcua.appliance.devices.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.bus.modbus.SimulatedModbusDisplays;
import vn.motcua.bus.pty.ModbusDisplaysOnPty;
import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;

/**
 * {@code [devices.counter_bus] mode = "modbus"} inside the running appliance: the real jSerialComm adapter on a
 * socat pty, Modbus RTU number displays answering the real bytes on the other end. A call from the /counter
 * page's API lights the number on the display over that counter (its unit id and register as configured); a
 * finish writes the configured blank value; a display that lost power gets its number again without a call.
 */
class ModbusDisplaysInApplianceTest {
    /** Only stops a hung test: socat and the appliance share a loaded CI machine. */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int REGISTER = 3;
    private static final int BLANK = 0;
    /** Unit ids unlike the counter numbers, so a display lit by its counter number would fail the test. */
    private static final int COUNTER_1_UNIT = 11;
    private static final int COUNTER_2_UNIT = 12;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCallAtACounterLightsItsModbusDisplayAndAFinishBlanksIt() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SocatPty pty = new SocatPty(Files.createDirectories(dir.resolve("pty")))) {
            SimulatedModbusDisplays displays = new SimulatedModbusDisplays(List.of(COUNTER_1_UNIT, COUNTER_2_UNIT), REGISTER);
            ModbusDisplaysOnPty.serve(pty, displays);
            try (Appliance a = new Appliance(ConfigLoader.parse(config(data, pty), "test"), Clock.systemUTC())) {
                a.start();
                String base = "http://127.0.0.1:" + a.webPort();
                // at start every counter without a ticket is blanked: a display may show what was served before
                awaitShown(displays, COUNTER_1_UNIT, BLANK);
                awaitShown(displays, COUNTER_2_UNIT, BLANK);

                assertEquals(201, post(base, "/api/tickets", "{\"service\":\"ho-tich\"}").statusCode());
                assertEquals(201, post(base, "/api/tickets", "{\"service\":\"ho-tich\"}").statusCode());
                assertEquals(200, post(base, "/api/counters/1/open", "{\"staff\":\"lan\"}").statusCode());
                HttpResponse<String> called = post(base, "/api/counters/1/call-next", null);
                assertEquals(200, called.statusCode(), called.body());
                assertTrue(called.body().contains("A001"), called.body());
                awaitShown(displays, COUNTER_1_UNIT, 1); // A001: the displays show the digits only

                post(base, "/api/counters/1/call-next", null);
                awaitShown(displays, COUNTER_1_UNIT, 2);
                assertEquals(Optional.of(BLANK), displays.shown(COUNTER_2_UNIT), "counter 2 called nobody");

                // the display loses power: it comes back blank and cannot say so; the periodic rewrite restores it
                displays.power(COUNTER_1_UNIT, false);
                displays.power(COUNTER_1_UNIT, true);
                awaitShown(displays, COUNTER_1_UNIT, 2);

                assertEquals(200, post(base, "/api/counters/1/finish", null).statusCode());
                awaitShown(displays, COUNTER_1_UNIT, BLANK);
                TestStores.await(() -> a.health().snapshot().get("counter-bus").ok(), LIMIT, "both displays online");
            }
        }
    }

    /** The demo office with its counter bus on Modbus displays over the pty. */
    private static String config(Path data, SocatPty pty) throws Exception {
        String demo = TestStores.demoToml(data);
        String simulated = "mode = \"simulated\"      # in memory, same protocol bytes; the demo prints curl lines that press keys\n"
                + "port = \"/dev/motcua-bus\"  # the udev name of the USB–RS-485 adapter\n"
                + "baud = 115200\n";
        assertTrue(demo.contains(simulated), "the demo config's [devices.counter_bus] changed: update this test");
        return demo.replace(simulated, """
                mode = "modbus"
                port = "%s"
                baud = 9600
                parity = "none"
                number_register = %d
                blank_value = %d
                refresh_s = 1
                [[devices.counter_bus.boards]]
                address = %d
                counter = 1
                [[devices.counter_bus.boards]]
                address = %d
                counter = 2
                """.formatted(pty.host, REGISTER, BLANK, COUNTER_1_UNIT, COUNTER_2_UNIT));
    }

    private static void awaitShown(SimulatedModbusDisplays displays, int unit, int value) throws InterruptedException {
        TestStores.await(() -> displays.shown(unit).equals(Optional.of(value)), LIMIT,
                "display " + unit + " to show " + value + " (shows " + displays.shown(unit) + ")");
    }

    private HttpResponse<String> post(String base, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
