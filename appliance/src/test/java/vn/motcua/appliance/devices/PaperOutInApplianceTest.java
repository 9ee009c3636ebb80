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
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/**
 * The printer inside the running appliance: tickets print after they are committed; out of paper, a resident
 * still gets the ticket (on screen), staff see the fault and the district gets a device-fault event; refilled,
 * it clears.
 */
class PaperOutInApplianceTest {
    @TempDir
    Path dir;

    @Test
    void outOfPaperTheTicketIsStillIssuedTheFaultIsRaisedAndClearedWhenRefilled() throws Exception {
        String toml = TestStores.demoToml(dir)
                .replace("status_poll_s = 2", "status_poll_s = 1");
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            a.start();
            SimulatedPrinter printer = a.devices().printer().orElseThrow().simulator().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + a.webPort();

            assertEquals(201, take(http, base).statusCode());
            await(() -> printer.tickets().size() == 1, "the first ticket printed");
            // the job ends with a status read after the bytes: paper must run out only after that read
            await(() -> metrics(http, base).contains("motcua_print_jobs_total{outcome=\"printed\"} 1.0"), "the first job ended");

            printer.setPaperEnd(true);
            await(() -> !a.health().snapshot().get("printer").ok(), "the printer fault on /healthz");
            HttpResponse<String> second = take(http, base);
            assertEquals(201, second.statusCode(), "the resident still gets a ticket");
            assertTrue(second.body().contains("\"A002\""), second.body());
            await(() -> a.store().countsByType().getOrDefault("device.fault", 0L) >= 1, "a device.fault event");
            assertEquals(1, printer.tickets().size(), "nothing printed without paper");
            assertFalse(a.health().allOk());

            printer.setPaperEnd(false);
            await(() -> a.health().snapshot().get("printer").ok(), "the fault cleared once paper is back");
            await(() -> a.store().countsByType().getOrDefault("device.recovered", 0L) >= 1, "a device.recovered event");

            String metrics = metrics(http, base);
            assertTrue(metrics.contains("motcua_print_jobs_total{outcome=\"printed\"} 1.0"), metrics);
            assertTrue(metrics.contains("motcua_print_jobs_total{outcome=\"fault\"} 1.0"), metrics);
            assertTrue(metrics.contains("motcua_device_faults_total{device=\"printer\"} "), metrics);
            assertFalse(metrics.contains("motcua_device_faults_total{device=\"printer\"} 0.0"), "the paper-end fault counted: " + metrics);
        }
    }

    private static String metrics(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static HttpResponse<String> take(HttpClient http, String base) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, java.time.Duration.ofSeconds(20), what);
    }
}
