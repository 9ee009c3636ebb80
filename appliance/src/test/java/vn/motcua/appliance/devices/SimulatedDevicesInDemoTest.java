package vn.motcua.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;

/**
 * The demo's resident devices with no hardware: a slip scanned over HTTP goes through the reader's real pipeline
 * (recognised, counted, a raw ID never kept), a simulated service button prints a ticket through the same path as a
 * GPIO one, and the paper can be taken out and put back.
 */
class SimulatedDevicesInDemoTest {
    @TempDir
    Path dir;

    /** Real-shaped codes (as in the reader's own tests): a national dossier code and a 7-field CCCD QR. */
    private static final String ID = "079203001234";
    private static final String DOSSIER = "000.00.15.H29-241122-0001";
    private static final String CCCD7 = ID + "|025123456|Nguyễn Thị Hồng Nhung|15081950|Nữ|123 Đường Lê Lợi, Quận 1|01072021";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDemoScansPressesAButtonAndRunsOutOfPaperWithoutHardware() throws Exception {
        String toml = TestStores.demoToml(dir).replace("status_poll_s = 2", "status_poll_s = 1");
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test", ConfigLoader.Options.DEMO), Clock.systemUTC()).demo()) {
            a.start();
            String base = "http://127.0.0.1:" + a.webPort();

            assertEquals(202, post(base + "/sim/reader/scan", DOSSIER).statusCode());
            assertEquals(202, post(base + "/sim/reader/scan", CCCD7).statusCode());
            assertEquals(413, post(base + "/sim/reader/scan", "x".repeat(5000)).statusCode(), "longer than any reader sends");
            await(() -> metrics(base).contains("motcua_scans_total{kind=\"dossier\"} 1.0")
                    && metrics(base).contains("motcua_scans_total{kind=\"citizen_id\"} 1.0"), "both scans counted");
            assertFalse(a.store().countsByType().toString().contains(ID));

            assertEquals(404, post(base + "/sim/buttons/no-such-service/press", "").statusCode());
            assertEquals(202, post(base + "/sim/buttons/ho-tich/press", "").statusCode());
            await(() -> get(base + "/sim/printer/last.png").statusCode() == 200, "the button's ticket printed");
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/printer/last.png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(576, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth(), "an 80 mm ticket");
            assertTrue(get(base + "/api/queue").body().contains("\"waiting\":1"), get(base + "/api/queue").body());

            assertEquals(400, post(base + "/sim/printer/paper?out=maybe", "").statusCode());
            assertEquals(200, post(base + "/sim/printer/paper?out=true", "").statusCode());
            await(() -> !a.health().snapshot().get("printer").ok(), "paper out on /healthz");
            assertEquals(200, post(base + "/sim/printer/paper?out=false", "").statusCode());
            await(() -> a.health().snapshot().get("printer").ok(), "paper back");
        }
    }

    @Test
    void withoutTheDemoNoDeviceIsSimulatedAndTheSimPathsAreNotThere() throws Exception {
        String toml = TestStores.demoToml(dir).replaceAll("(?m)^mode = \"simulated\".*$", "mode = \"off\"");
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            a.start();
            String base = "http://127.0.0.1:" + a.webPort();
            assertEquals(404, post(base + "/sim/reader/scan", DOSSIER).statusCode());
            assertEquals(404, post(base + "/sim/buttons/ho-tich/press", "").statusCode());
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String metrics(String base) {
        return get(base + "/metrics").body();
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, Duration.ofSeconds(20), what);
    }
}
