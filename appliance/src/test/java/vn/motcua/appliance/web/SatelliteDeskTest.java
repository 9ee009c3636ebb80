package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.satellite.SatelliteDesk;

/**
 * The master's side of satellite kiosks (issue 17, item 3) on a real appliance over its LAN listener: a satellite
 * paired as screens are takes tickets with its token, once per press key however often it retries (across a restart
 * of the master too), and reports its devices, which appear on {@code /healthz}, the manager's device map and the
 * outbox. What its token cannot do (log in, counter actions, the kiosk's own API, the manager's screens), and bad
 * input refused from the catalogue, counted, changing nothing. The satellite and the manager's PC are another host of
 * the LAN: curl in a network namespace the test makes (needs root and iproute2; skipped without, failed under
 * {@code CI=true}).
 */
class SatelliteDeskTest {
    /** The satellite's and the manager's side of the LAN. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance appliance;
    private ScreenPairs pairs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String local;

    @BeforeEach
    void start() throws Exception {
        open();
    }

    private void open() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC());
        NamespaceCurl https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl"));
        pairs = new ScreenPairs(https::send, "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow());
        local = "http://127.0.0.1:" + appliance.webPort();
    }

    @AfterEach
    void stop() {
        appliance.close();
    }

    private HttpResponse<String> press(String token, String key, String service) throws Exception {
        return pairs.send("/satellite/tickets", "POST", "{\"key\":\"" + key + "\",\"service\":\"" + service + "\"}",
                "Cookie", token);
    }

    private long count(String type) {
        return appliance.store().countsByType().getOrDefault(type, 0L);
    }

    @Test
    void aRetriedPressGetsTheSameTicketAndNeverASecondOneEvenAfterARestart() throws Exception {
        String satellite = pairs.pair(pairs.manager(), "Cửa bên", "satellite", "");
        HttpResponse<String> first = press(satellite, "press-0001-abcdefgh", "ho-tich");
        assertEquals(201, first.statusCode(), first.body());
        JsonNode t = EventJson.mapper().readTree(first.body()).get("ticket");
        String number = t.get("number").asText();
        assertTrue(number.matches("[A-Z][0-9]{3,4}"), number);
        assertFalse(t.get("qr").asText().isEmpty(), "the QR text the master's printer would print: " + t);
        assertFalse(t.get("office_name_vi").asText().isEmpty());
        assertEquals(0, t.get("people_ahead").asInt());

        HttpResponse<String> again = press(satellite, "press-0001-abcdefgh", "ho-tich");
        assertEquals(200, again.statusCode(), again.body());
        JsonNode a = EventJson.mapper().readTree(again.body());
        assertTrue(a.get("replayed").asBoolean());
        assertEquals(t, a.get("ticket"), "the very answer of the first try");
        assertEquals(1, count("ticket.issued"));
        assertEquals(1, count("satellite.ticket"), "the key is stored with its ticket");
        JsonNode stored = EventJson.mapper().readTree(appliance.store().rangeFrom(1, 1000).stream()
                .filter(e -> e.type().equals("satellite.ticket")).findFirst().orElseThrow().payloadJson());
        assertEquals("press-0001-abcdefgh", stored.get("key").asText());
        assertEquals(number, stored.at("/reply/number").asText());
        assertFalse(stored.get("reply").has("qr"), "the phone page's key stays out of the district's copy: " + stored);

        HttpResponse<String> other = press(satellite, "press-0002-abcdefgh", "ho-tich");
        assertEquals(201, other.statusCode());
        assertNotEquals(number, EventJson.mapper().readTree(other.body()).at("/ticket/number").asText(), "a new press, a new ticket");

        appliance.close(); // the keys are read back from the store at start
        open();
        HttpResponse<String> afterRestart = press(satellite, "press-0001-abcdefgh", "ho-tich");
        assertEquals(200, afterRestart.statusCode(), afterRestart.body());
        assertEquals(number, EventJson.mapper().readTree(afterRestart.body()).at("/ticket/number").asText());
        assertEquals(2, count("ticket.issued"), "still one ticket per press");
    }

    @Test
    void badInputIsRefusedFromTheCatalogueCountedAndChangesNothing() throws Exception {
        String[] manager = pairs.manager();
        String satellite = pairs.pair(manager, "Cửa bên", "satellite", "");
        String display = pairs.pair(manager, "Sảnh", "display", "");
        assertEquals(201, press(satellite, "press-0001-abcdefgh", "ho-tich").statusCode());
        long tickets = count("ticket.issued");
        long refusedBefore = appliance.screens().satellites().refusedCount();

        assertRefused(press(satellite, "short", "ho-tich"), 400, "BAD_PRESS_KEY");
        assertRefused(press(satellite, "press-0001-abcdefgh", "dat-dai"), 409, "PRESS_KEY_REUSED");
        assertRefused(pairs.send("/satellite/tickets", "POST", "{\"key\":\"press-0003-abcdefgh\"}", "Cookie", satellite),
                400, "MISSING_FIELD");
        assertRefused(pairs.send("/satellite/tickets", "POST", "not json", "Cookie", satellite), 400, "BAD_JSON");
        assertRefused(pairs.send("/satellite/devices", "POST", "{\"devices\":[{\"device\":\"printer\",\"state\":\"melted\"}]}",
                "Cookie", satellite), 400, "BAD_DEVICE_REPORT");
        assertRefused(pairs.send("/satellite/devices", "POST", "{\"devices\":\"all fine\"}", "Cookie", satellite),
                400, "BAD_DEVICE_REPORT");
        // a wrong or missing token: on the LAN the gate's 404; on the local listener (no gate) the desk's own check
        assertEquals(404, press("motcua_screen=" + "x".repeat(43), "press-0004-abcdefgh", "ho-tich").statusCode());
        assertEquals(404, press(display, "press-0005-abcdefgh", "ho-tich").statusCode(), "a display token takes no ticket");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(local + "/satellite/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"press-0006-abcdefgh\",\"service\":\"ho-tich\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(noToken, 401, "SATELLITE_ONLY");
        assertEquals(tickets, count("ticket.issued"), "nothing issued by any of these");
        assertTrue(appliance.screens().satellites().refusedCount() >= refusedBefore + 7, "each refusal counted");
    }

    @Test
    void aSatelliteReadsTheMastersKioskStateAndNoOtherTokenDoes() throws Exception {
        String[] manager = pairs.manager();
        String satellite = pairs.pair(manager, "Cửa bên", "satellite", "");
        String display = pairs.pair(manager, "Sảnh", "display", "");
        JsonNode before = kioskState(satellite);
        assertEquals(0, service(before, "ho-tich").get("waiting").asInt(), before.toString());
        assertTrue(service(before, "ho-tich").get("open").asBoolean(), before.toString());
        assertEquals(Set.of("services", "priorities", "ticket_priority", "zone", "closed_today"), fields(before),
                "the kiosk's view only: no counters, clerks, parked tickets or anything personal");
        assertEquals(Set.of("code", "name_vi", "name_en", "prefix", "waiting", "estimated_wait_seconds", "open"),
                fields(service(before, "ho-tich")));

        // a press with a priority: the master's ticket has it, and the count the satellite reads follows
        HttpResponse<String> elderly = pairs.send("/satellite/tickets", "POST", "{\"key\":\"press-0010-abcdefgh\","
                + "\"service\":\"ho-tich\",\"priority\":\"ELDERLY\"}", "Cookie", satellite);
        assertEquals(201, elderly.statusCode(), elderly.body());
        String number = EventJson.mapper().readTree(elderly.body()).at("/ticket/number").asText();
        assertEquals("ELDERLY", EventJson.mapper().readTree(elderly.body()).at("/ticket/priority").asText());
        assertEquals(Priority.ELDERLY, appliance.queue().read(e -> e.ticket(number).orElseThrow().priority()),
                "a priority press is a priority ticket on the master");
        JsonNode after = kioskState(satellite);
        assertEquals(1, service(after, "ho-tich").get("waiting").asInt(), after.toString());
        assertEquals(0, service(after, "dat-dai").get("waiting").asInt());

        // the very state the master's own kiosk reads (/kiosk/info, this machine's)
        JsonNode info = EventJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(local + "/kiosk/info"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        for (String f : fields(after)) {
            assertEquals(info.get(f), after.get(f), f + " as the master's kiosk shows it");
        }
        assertTrue(after.get("priorities").size() > 0 && after.at("/priorities/0/name_vi").asText().length() > 0,
                "the priorities the office grants, named in Vietnamese and English: " + after.get("priorities"));

        // a priority the queue does not know is refused from the catalogue, and issues nothing
        long tickets = count("ticket.issued");
        assertRefused(pairs.send("/satellite/tickets", "POST", "{\"key\":\"press-0011-abcdefgh\",\"service\":\"ho-tich\","
                + "\"priority\":\"vip\"}", "Cookie", satellite), 400, "BAD_FIELD");
        assertEquals(tickets, count("ticket.issued"));

        // nobody else reads it: on the LAN the gate's 404 for a display's token, a staff session, no token
        assertEquals(404, pairs.send(SatelliteDesk.KIOSK_STATE, "GET", null, "Cookie", display).statusCode());
        assertEquals(404, pairs.send(SatelliteDesk.KIOSK_STATE, "GET", null, "Cookie", manager[0]).statusCode());
        assertEquals(404, pairs.send(SatelliteDesk.KIOSK_STATE, "GET", null).statusCode());
        // on the local listener (no gate) the desk's own check
        for (String[] cookie : new String[][] {{}, {"Cookie", display}, {"Cookie", manager[0]}}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local + SatelliteDesk.KIOSK_STATE));
            if (cookie.length > 0) {
                b.header(cookie[0], cookie[1]);
            }
            assertRefused(http.send(b.build(), HttpResponse.BodyHandlers.ofString()), 401, "SATELLITE_ONLY");
        }
        assertRefused(pairs.send(SatelliteDesk.KIOSK_STATE, "POST", "{}", "Cookie", satellite), 405, "METHOD");
    }

    private JsonNode kioskState(String satellite) throws Exception {
        HttpResponse<String> r = pairs.send(SatelliteDesk.KIOSK_STATE, "GET", null, "Cookie", satellite);
        assertEquals(200, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body());
    }

    private static JsonNode service(JsonNode state, String code) {
        for (JsonNode s : state.get("services")) {
            if (s.get("code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no service " + code + " in " + state);
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> names = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSatelliteTokenIsNoStaffLoginAndTakesNoCounterAction() throws Exception {
        String satellite = pairs.pair(pairs.manager(), "Cửa bên", "satellite", "");
        assertEquals(403, pairs.send("/api/counters/1/open", "POST", "{\"staff\":\"lan\"}", "Cookie", satellite).statusCode());
        assertEquals(403, pairs.send("/api/counters/1/call-next", "POST", "{}", "Cookie", satellite).statusCode());
        assertEquals(403, pairs.send("/manager/screens", "GET", null, "Cookie", satellite).statusCode());
        assertEquals(401, pairs.send("/counter/me", "GET", null, "Cookie", satellite).statusCode());
        assertEquals(404, pairs.send("/api/tickets", "POST", "{\"service\":\"ho-tich\"}", "Cookie", satellite).statusCode(),
                "the kiosk's own ticket API stays this machine's");
        assertEquals(404, pairs.send("/kiosk/info", "GET", null, "Cookie", satellite).statusCode());
        assertEquals(303, pairs.send("/display", "GET", null, "Cookie", satellite).statusCode(), "no hall display either");
        assertEquals(0, count("ticket.issued"));
        assertEquals(0, count("counter.changed"));
    }

    @Test
    void aSatellitesDeviceFaultIsOnHealthzTheDeviceMapAndInTheOutbox() throws Exception {
        String[] manager = pairs.manager();
        String satellite = pairs.pair(manager, "Cửa bên", "satellite", "");
        long id = appliance.screens().pairing().screens().all().get(0).id();
        HttpResponse<String> fault = pairs.send("/satellite/devices", "POST", "{\"devices\":["
                + "{\"device\":\"printer\",\"state\":\"fault\",\"reason\":\"paper_end\",\"detail\":\"paper end sensor\"},"
                + "{\"device\":\"reader\",\"state\":\"ok\",\"reason\":\"none\",\"detail\":\"\"}]}", "Cookie", satellite);
        assertEquals(200, fault.statusCode(), fault.body());
        JsonNode health = EventJson.mapper().readTree(pairs.send("/healthz", "GET", null).body());
        String device = "satellite-" + id + "/printer";
        assertEquals("paper_end", health.at("/parts/" + device.replace("/", "~1") + "/state").asText(), health.toString());
        assertFalse(health.get("ok").asBoolean(), "a satellite's fault is red as a local one is");
        assertEquals(1, count("device.fault"));
        JsonNode map = EventJson.mapper().readTree(pairs.send("/manager/screens", "GET", null, "Cookie", manager[0]).body());
        JsonNode row = map.at("/screens/0");
        assertEquals("satellite", row.get("role").asText());
        assertTrue(row.get("online").asBoolean(), "it reported just now: " + row);
        assertEquals("paper_end", row.at("/faults/0/reason").asText(), row.toString());
        assertEquals("printer", row.at("/faults/0/device").asText());

        // the same report again is no new event; the paper back is one device.recovered
        pairs.send("/satellite/devices", "POST", "{\"devices\":[{\"device\":\"printer\",\"state\":\"fault\",\"reason\":\"paper_end\","
                + "\"detail\":\"paper end sensor\"}]}", "Cookie", satellite);
        assertEquals(1, count("device.fault"));
        pairs.send("/satellite/devices", "POST", "{\"devices\":[{\"device\":\"printer\",\"state\":\"ok\"}]}", "Cookie", satellite);
        assertEquals(1, count("device.recovered"));
        health = EventJson.mapper().readTree(pairs.send("/healthz", "GET", null).body());
        assertEquals("ok", health.at("/parts/" + device.replace("/", "~1") + "/state").asText(), health.toString());
        JsonNode payload = EventJson.mapper().readTree(appliance.store().rangeFrom(1, 1000).stream()
                .filter(e -> e.type().equals("device.fault")).findFirst().orElseThrow().payloadJson());
        assertEquals(device, payload.get("device").asText(), payload.toString());
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode b = EventJson.mapper().readTree(r.body());
        assertEquals(code, b.get("error").asText(), r.body());
        assertFalse(b.get("message_vi").asText().isEmpty());
        assertFalse(b.get("message_en").asText().isEmpty());
    }
}
