package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.bus.Await;

/**
 * A satellite kiosk and its master as two real appliances in one JVM, the satellite talking to the master's LAN
 * listener over HTTPS with the master's certificate pinned (issue 17, item 3): it pairs through the manager's code,
 * a button press and a kiosk request each print the master's committed ticket; with the master gone its kiosk says
 * so in Vietnamese and English, its buttons signal refusal and nothing prints; the master back, it recovers by itself;
 * its printer's fault shows on the master's {@code /healthz}. A satellite pinned to another certificate sends nothing.
 */
class SatelliteKioskTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private Appliance master;
    private Appliance satellite;
    private ScreenPairs pairs;
    private int lanPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        if (satellite != null) {
            satellite.close();
        }
        if (master != null) {
            master.close();
        }
    }

    private void startMaster() throws Exception {
        Path m = dir.resolve("master");
        Files.createDirectories(m);
        master = LanKeystore.applianceWithLan(m, toml -> toml.replace(
                "enabled  = true\nbind     = \"127.0.0.2\"\nport     = 0",
                "enabled  = true\nbind     = \"127.0.0.2\"\nport     = " + lanPort)
                // a button of the master's own, to show its printer prints its tickets only
                + "\n[devices.buttons]\nmode = \"simulated\"\n[[devices.buttons.map]]\nservice = \"ho-tich\"\nbcm = 17\n", true);
        pairs = new ScreenPairs(HttpClient.newBuilder().sslContext(LanKeystore.trusting(m))
                .connectTimeout(Duration.ofSeconds(10)).build(), "https://127.0.0.2:" + lanPort);
    }

    private void startSatellite(String fingerprint) throws Exception {
        Path s = dir.resolve("satellite");
        Files.createDirectories(s);
        String toml = vn.motcua.appliance.TestStores.demoToml(s)
                .replace("[devices.counter_bus]\nmode = \"simulated\"", "[devices.counter_bus]\nmode = \"off\"")
                + "\n[satellite]\nmaster_url = \"https://127.0.0.2:" + lanPort + "\"\nmaster_fingerprint = \""
                + fingerprint + "\"\ntoken_file = \"" + s.resolve("satellite.token") + "\"\n";
        satellite = new Appliance(ConfigLoader.parse(toml, "satellite", ConfigLoader.Options.DEMO), Clock.systemUTC());
        satellite.start();
    }

    private String fingerprint() throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("master/web-tls.crt"))) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            return s.getLocalPort();
        }
    }

    private JsonNode satelliteGet(String path) throws Exception {
        return EventJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + satellite.satellite().port() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> satellitePost(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + satellite.satellite().port() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Pairs the running satellite: the code it shows, confirmed by the manager as a satellite kiosk. */
    private void pair() throws Exception {
        Await.until(LIMIT, () -> code() != null, "the satellite shows a pairing code");
        JsonNode state = satelliteGet("/satellite/state");
        assertTrue(state.get("message_vi").asText().contains("chưa được ghép nối"), state.toString());
        assertTrue(state.get("message_en").asText().contains("not paired"), state.toString());
        String[] manager = pairs.manager();
        HttpResponse<String> ok = pairs.confirm(manager, "{\"code\":\"" + code() + "\",\"name\":\"Cửa bên\",\"role\":\"satellite\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        Await.until(LIMIT, () -> satellite.satellite().paired(), "the satellite collected its token");
    }

    private String code() {
        try {
            JsonNode c = satelliteGet("/satellite/state").get("code");
            return c == null || c.isNull() ? null : c.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private long masterTickets() {
        return master.store().countsByType().getOrDefault("ticket.issued", 0L);
    }

    @Test
    void aSatellitePrintsOnlyTheMastersTicketsSaysWhenTheMasterIsGoneAndRecoversByItself() throws Exception {
        lanPort = freePort();
        startMaster();
        startSatellite(fingerprint());
        pair();
        assertTrue(Files.readString(dir.resolve("satellite/satellite.token")).strip().matches("[A-Za-z0-9_-]{43}"));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + satellite.satellite().port() + "/kiosk")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-service=\"ho-tich\"") && page.body().contains("Take a number")
                && page.body().contains("Lấy số thứ tự"), "the touch page: each service, Vietnamese first, English beside");
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + satellite.satellite().port()
                + "/satellite/kiosk.js")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        // a button at the satellite: the master's ticket, printed here
        satellite.satellite().simulatedButtons().orElseThrow().press("ho-tich");
        Await.until(LIMIT, () -> satellite.satellite().printed().size() == 1, "the button's ticket printed");
        String first = satellite.satellite().printed().getFirst();
        assertTrue(master.queue().read(e -> e.ticket(first)).isPresent(), "the printed ticket is the master's: " + first);
        assertEquals(1, masterTickets());

        // the satellite's kiosk: the same, answered with the ticket
        HttpResponse<String> kiosk = satellitePost("/api/tickets", "{\"service\":\"dat-dai\"}");
        assertEquals(201, kiosk.statusCode(), kiosk.body());
        String second = EventJson.mapper().readTree(kiosk.body()).at("/ticket/number").asText();
        Await.until(LIMIT, () -> satellite.satellite().printed().contains(second), "the kiosk's ticket printed");
        assertEquals(2, masterTickets());
        HttpResponse<String> refused = satellitePost("/api/tickets", "{\"service\":\"khong-co\"}");
        assertEquals(409, refused.statusCode(), "the master's own refusal, passed on: " + refused.body());
        assertEquals("UNKNOWN_SERVICE", EventJson.mapper().readTree(refused.body()).get("error").asText());

        // its printer's fault reaches the master
        long id = master.screens().pairing().screens().all().get(0).id();
        satellite.satellite().simulatedPrinter().orElseThrow().setPaperEnd(true);
        Await.until(LIMIT, () -> "paper_end".equals(masterPart("satellite-" + id + "/printer")),
                "the satellite's paper end on the master's /healthz");
        assertTrue(master.store().countsByType().getOrDefault("device.fault", 0L) >= 1);
        satellite.satellite().simulatedPrinter().orElseThrow().setPaperEnd(false);
        Await.until(LIMIT, () -> masterPart("satellite-" + id + "/printer").startsWith("ok"), "paper back");

        // the master gone: the kiosk says so, the buttons refuse, nothing prints
        master.close();
        master = null;
        HttpResponse<String> gone = satellitePost("/api/tickets", "{\"service\":\"ho-tich\"}");
        assertEquals(503, gone.statusCode(), gone.body());
        JsonNode g = EventJson.mapper().readTree(gone.body());
        assertEquals("MASTER_UNREACHABLE", g.get("error").asText());
        assertTrue(g.get("message_vi").asText().startsWith("Mất kết nối với máy chủ quầy"), g.toString());
        assertTrue(g.get("message_en").asText().startsWith("Lost contact with the office queue"), g.toString());
        JsonNode offline = satelliteGet("/satellite/state");
        assertFalse(offline.get("online").asBoolean());
        assertTrue(offline.get("message_vi").asText().startsWith("Mất kết nối"), offline.toString());
        int refusals = satellite.satellite().simulatedButtons().orElseThrow().refusals();
        satellite.satellite().simulatedButtons().orElseThrow().press("ho-tich");
        Await.until(LIMIT, () -> satellite.satellite().simulatedButtons().orElseThrow().refusals() == refusals + 1,
                "the button signals refusal");
        assertEquals(2, satellite.satellite().printed().size(), "nothing printed without the master");

        // the master back (same certificate, same data): the satellite finds it by itself
        startMaster();
        Await.until(LIMIT, () -> satellite.satellite().online(), "the satellite is back online by itself");
        assertFalse(satelliteGet("/satellite/state").has("message_vi"), "no warning once back");
        satellite.satellite().simulatedButtons().orElseThrow().press("ho-tich");
        Await.until(LIMIT, () -> satellite.satellite().printed().size() == 3, "a press prints again");
        for (String n : satellite.satellite().printed()) {
            assertTrue(master.queue().read(e -> e.ticket(n)).isPresent(), "every printed ticket is the master's: " + n);
        }
        assertEquals(3, masterTickets(), "and none twice");

        // the master's own printer prints its own tickets only: a press at its button after the satellite's third
        // ticket (issued by this master) comes out alone, not behind a copy of the satellite's (jobs print in order)
        var masterPaper = master.devices().printer().orElseThrow().simulator().orElseThrow();
        List<String> atSatellite = satellite.satellite().printed();
        ((vn.motcua.appliance.devices.buttons.SimulatedButtonPanel) master.devices().buttons().orElseThrow()).press("ho-tich");
        Await.until(LIMIT, () -> paperAt(masterPaper).stream().anyMatch(qr -> atSatellite.stream().noneMatch(qr::contains)),
                "the master's button's ticket printed at the master");
        assertEquals(1, masterPaper.tickets().size(), "the satellite's tickets were not printed at the master as well: "
                + paperAt(masterPaper) + " " + atSatellite);
    }

    /** The QR text of each ticket on {@code printer}'s paper ("" where none is read). */
    private static List<String> paperAt(vn.motcua.appliance.devices.printer.sim.SimulatedPrinter printer) {
        return printer.tickets().stream().map(img -> {
            try {
                return vn.motcua.appliance.devices.printer.Tickets.decodeQr(img);
            } catch (com.google.zxing.NotFoundException e) {
                return "";
            }
        }).toList();
    }

    @Test
    void aSatellitePinnedToAnotherCertificateSendsNothingToTheMaster() throws Exception {
        lanPort = freePort();
        startMaster();
        startSatellite("00".repeat(32));
        Thread.sleep(3000); // a few pairing steps
        assertEquals(null, code(), "no code from a master it cannot trust");
        assertEquals(0, master.screens().pairing().screens().all().size());
        HttpResponse<String> r = satellitePost("/api/tickets", "{\"service\":\"ho-tich\"}");
        assertEquals(503, r.statusCode());
        assertEquals(0, masterTickets());
        assertFalse(satellite.satellite().paired());
        assertEquals(List.of(), satellite.satellite().printed());
    }

    private String masterPart(String part) {
        return master.health().snapshot().containsKey(part) ? master.health().snapshot().get(part).state() : "";
    }
}
