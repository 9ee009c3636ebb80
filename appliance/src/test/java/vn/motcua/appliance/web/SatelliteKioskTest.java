package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.parts.PartFailedException;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.bus.Await;

/**
 * A satellite kiosk and its master as two real appliances in one JVM, the satellite talking to the master's LAN
 * listener over HTTPS with the master's certificate pinned (issue 17, item 3): it pairs through the manager's code,
 * a button press and a kiosk request each print the master's committed ticket; with the master gone its kiosk says
 * so in Vietnamese and English, its buttons signal refusal and nothing prints; the master back, it recovers by itself;
 * its printer's fault shows on the master's {@code /healthz}. A satellite pinned to another certificate sends nothing.
 * The master's LAN listener is on the host side of a network namespace the test makes, and the manager who confirms
 * the code is curl inside it (another host). The satellite itself runs in this JVM, since the test reads its printer
 * and presses its buttons: its requests leave from the host side's address, never 127.x; the satellite as a process
 * in a namespace of its own is {@code SatelliteKillTest}'s (the tests module). Needs root and iproute2 (skipped
 * without, failed under {@code CI=true}).
 */
class SatelliteKioskTest {
    /** The manager's PC; its host side is the master's LAN address. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
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
        startMaster(UnaryOperator.identity());
    }

    private void startMaster(UnaryOperator<String> edit) throws Exception {
        Path m = dir.resolve("master");
        Files.createDirectories(m);
        String bind = "enabled  = true\nbind     = \"" + HOST.ns().host() + "\"\nport     = ";
        master = LanKeystore.applianceWithLan(m, HOST.ns().host(),
                toml -> edit.apply(toml.replace(bind + "0", bind + lanPort)
                        // a button of the master's own, to show its printer prints its tickets only
                        + "\n[devices.buttons]\nmode = \"simulated\"\n[[devices.buttons.map]]\nservice = \"ho-tich\"\nbcm = 17\n"),
                true);
        pairs = new ScreenPairs(new NamespaceCurl(HOST.ns(), m.resolve("web-tls.crt"), dir.resolve("curl"))::send,
                "https://" + HOST.ns().host() + ":" + lanPort);
    }

    private void startSatellite(String fingerprint) throws Exception {
        satellite = new Appliance(satelliteConfig(fingerprint, UnaryOperator.identity()), Clock.systemUTC());
        satellite.start();
    }

    private ApplianceConfig satelliteConfig(String fingerprint, UnaryOperator<String> edit) throws Exception {
        Path s = dir.resolve("satellite");
        Files.createDirectories(s);
        String toml = SatelliteToml.of(edit.apply(vn.motcua.appliance.TestStores.demoToml(s)),
                "https://" + HOST.ns().host() + ":" + lanPort, fingerprint, s.resolve("satellite.token"));
        return ConfigLoader.parse(toml, "satellite", ConfigLoader.Options.DEMO);
    }

    private String fingerprint() throws Exception {
        return LanKeystore.fingerprint(dir.resolve("master"));
    }

    /** A free port on the master's LAN address, kept across its restart (the satellite's master_url names it). */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST.ns().host()))) {
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
        // the status is published before the fault event the outbox records: the two land a moment apart
        Await.until(LIMIT, () -> master.store().countsByType().getOrDefault("device.fault", 0L) >= 1,
                "the satellite's paper end in the master's outbox");
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

    /**
     * The satellite's kiosk shows the master's kiosk state (issue 17 item 3): the waiting counts follow tickets taken
     * anywhere, a service at its daily cap shows why and refuses at the satellite (touch page and buttons alike, nothing
     * printed), and a priority chosen at the satellite is the master's ticket's priority.
     */
    @Test
    void theSatellitesKioskShowsTheMastersStateRefusesAClosedServiceAndPassesAPriorityOn() throws Exception {
        lanPort = freePort();
        startMaster(toml -> toml.replaceFirst("daily_cap    = 150", "daily_cap    = 1")); // dat-dai: one a day
        startSatellite(fingerprint());
        pair();
        Await.until(LIMIT, () -> kiosk() != null, "the satellite read the master's kiosk state");
        JsonNode k = kiosk();
        assertEquals(0, waiting(k, "ho-tich"), k.toString());
        assertTrue(service(k, "dat-dai").get("open").asBoolean(), k.toString());
        assertEquals(masterKioskInfo().get("priorities"), k.get("priorities"), "the priorities the master's kiosk offers");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + satellite.satellite().port() + "/kiosk")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("id=\"priorities\"") && page.body().contains("Priority (if any)"),
                "the touch page has the priority choice");

        // a ticket taken at the master's own kiosk: the count at the satellite follows
        HttpResponse<String> atMaster = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.webPort()
                + "/api/tickets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, atMaster.statusCode(), atMaster.body());
        Await.until(LIMIT, () -> waiting(kiosk(), "ho-tich") == 1, "the master's count at the satellite");

        // a priority chosen at the satellite: the master's ticket is a priority ticket, and printed here
        HttpResponse<String> elderly = satellitePost("/api/tickets", "{\"service\":\"ho-tich\",\"priority\":\"ELDERLY\"}");
        assertEquals(201, elderly.statusCode(), elderly.body());
        String number = EventJson.mapper().readTree(elderly.body()).at("/ticket/number").asText();
        assertEquals(Priority.ELDERLY, master.queue().read(e -> e.ticket(number).orElseThrow().priority()));
        Await.until(LIMIT, () -> satellite.satellite().printed().contains(number), "the priority ticket printed");
        Await.until(LIMIT, () -> waiting(kiosk(), "ho-tich") == 2, "counted at the satellite");
        HttpResponse<String> badPriority = satellitePost("/api/tickets", "{\"service\":\"ho-tich\",\"priority\":\"vip\"}");
        assertEquals(400, badPriority.statusCode(), badPriority.body());
        assertEquals("BAD_FIELD", EventJson.mapper().readTree(badPriority.body()).get("error").asText());

        // dat-dai's one ticket of the day taken: the satellite shows it full, and refuses it with the master's words
        assertEquals(201, satellitePost("/api/tickets", "{\"service\":\"dat-dai\"}").statusCode());
        Await.until(LIMIT, () -> kiosk() instanceof JsonNode now && !service(now, "dat-dai").get("open").asBoolean(),
                "dat-dai full at the satellite");
        JsonNode full = service(kiosk(), "dat-dai").get("refused");
        assertEquals("SERVICE_FULL", full.get("error").asText(), full.toString());
        assertFalse(full.get("message_vi").asText().isEmpty() || full.get("message_en").asText().isEmpty(), full.toString());
        assertTrue(service(kiosk(), "ho-tich").get("open").asBoolean(), "the other services still take tickets");
        long tickets = masterTickets();
        int printed = satellite.satellite().printed().size();
        HttpResponse<String> refused = satellitePost("/api/tickets", "{\"service\":\"dat-dai\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        JsonNode r = EventJson.mapper().readTree(refused.body());
        assertEquals("SERVICE_FULL", r.get("error").asText());
        assertEquals(full.get("message_vi"), r.get("message_vi"), "the words the page shows are the refusal's");
        int refusals = satellite.satellite().simulatedButtons().orElseThrow().refusals();
        satellite.satellite().simulatedButtons().orElseThrow().press("dat-dai");
        Await.until(LIMIT, () -> satellite.satellite().simulatedButtons().orElseThrow().refusals() == refusals + 1,
                "the dat-dai button signals refusal");
        assertEquals(tickets, masterTickets(), "no ticket for a full service");
        assertEquals(printed, satellite.satellite().printed().size(), "nothing printed for it");

        // the master gone: no state to show (the page says so and refuses)
        master.close();
        master = null;
        Await.until(LIMIT, () -> !satellite.satellite().online(), "the satellite finds the master gone");
        assertEquals(null, kiosk(), "no stale counts shown while the master cannot be reached");
    }

    private JsonNode kiosk() {
        try {
            JsonNode k = satelliteGet("/satellite/state").get("kiosk");
            return k == null || k.isNull() ? null : k;
        } catch (Exception e) {
            return null;
        }
    }

    private JsonNode masterKioskInfo() throws Exception {
        return EventJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + master.webPort() + "/kiosk/info")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode service(JsonNode kiosk, String code) {
        if (kiosk != null) {
            for (JsonNode s : kiosk.get("services")) {
                if (s.get("code").asText().equals(code)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no service " + code + " in " + kiosk);
    }

    private static int waiting(JsonNode kiosk, String code) {
        return kiosk == null ? -1 : service(kiosk, code).get("waiting").asInt();
    }

    /** A satellite opens its printer, reader and buttons as a master does ({@code ResidentDevices}), drift-free. */
    @Test
    void aSatelliteOpensItsDevicesAsAMasterDoes() throws Exception {
        lanPort = freePort(); // no master: the devices open before any call to it
        String off = "[devices.printer]\nmode = \"off\"";
        satellite = new Appliance(satelliteConfig("00".repeat(32), toml -> toml.replace(
                "[devices.printer]\nmode = \"simulated\"", off)), Clock.systemUTC());
        satellite.start();
        String printer = satellite.health().snapshot().get("printer").state();
        assertTrue(printer.startsWith("off") && printer.contains("no printer configured"),
                "no printer configured is said, as on a master (and so on the master's device map): " + printer);
        assertTrue(satellite.satellite().simulatedButtons().isPresent(), "its buttons opened all the same");
        satellite.close();
        satellite = null;

        // a ticket template broken after the config was read: the start stops naming the key, as on a master
        Path template = Files.writeString(dir.resolve("ticket.properties"), "paper.mm=58\n");
        ApplianceConfig config = satelliteConfig("00".repeat(32), toml -> toml.replace("[devices.printer]\nmode = \"simulated\"",
                "[devices.printer]\nmode = \"simulated\"\ntemplate = \"" + template + "\""));
        Files.writeString(template, "paper.mm=70\n");
        Appliance broken = new Appliance(config, Clock.systemUTC());
        PartFailedException e = assertThrows(PartFailedException.class, broken::start);
        assertEquals("satellite", e.part());
        ConfigException c = assertInstanceOf(ConfigException.class, e.getCause(), e.toString());
        assertEquals("[devices.printer] template", c.source());
        assertTrue(c.problems().getFirst().contains("paper.mm"), c.problems().toString());
        assertEquals(List.of(), broken.partNames(), "every part started is closed");
        broken.close();
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
