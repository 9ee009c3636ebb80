package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.DemoClock;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.web.paired.ScreenPresence;

/**
 * A paired screen going offline is a device event for the district (issue 17, item 5), on a real appliance whose
 * clock the test moves on: a paired display's feed closes; nothing is reported within {@link ScreenPresence#OFFLINE_AFTER};
 * past it, one {@code device.fault} in the outbox (its name and role, no personal data) and a warning on /healthz
 * that leaves it green; its feed back, one {@code device.recovered} and the warning gone. A revoked screen is no fault.
 * The checks run as the scheduler's heartbeat runs them ({@code presence().check()}), called here at once.
 */
class ScreenPresenceTest {
    /** Another host of the LAN: a network namespace the test makes. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private final DemoClock clock = new DemoClock(Clock.systemUTC());
    private Appliance appliance;
    /** Another host of the LAN: curl in a network namespace. */
    private NamespaceCurl https;
    private String lan;
    private ScreenPairs pairs;

    @BeforeEach
    void start() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), s -> s, clock);
        https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl"));
        lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
        pairs = new ScreenPairs(https::send, lan);
    }

    @AfterEach
    void stop() throws Exception {
        appliance.close();
    }

    @Test
    void aDisplayWithoutItsFeedPastTheThresholdIsOneDeviceFaultAndOneRecoveryWhenBack() throws Exception {
        String[] manager = pairs.manager();
        String display = pairs.pair(manager, "Phòng chờ tầng 2", "display", "");
        ScreenPresence presence = appliance.screens().presence();
        long id = appliance.screens().pairing().screens().working().get(0).id();

        try (SseLines feed = openFeed(display)) {
            awaitOnline(id, true);
            presence.check();
            clock.advance(ScreenPresence.OFFLINE_AFTER.multipliedBy(3));
            presence.check();
            assertEquals(List.of(), screenEvents(), "a screen with its feed open is never offline, however long");
        }
        awaitOnline(id, false);
        presence.check(); // the last look that saw it: its quiet starts now
        clock.advance(ScreenPresence.OFFLINE_AFTER.minusSeconds(1)); // the demo clock runs on with the system's too
        presence.check();
        assertEquals(List.of(), screenEvents(), "not before the threshold has passed");
        JsonNode health = healthz();
        assertTrue(health.get("ok").asBoolean());
        assertFalse(health.at("/parts/paired_screens/state").asText().startsWith("warning"), health.toString());

        clock.advance(Duration.ofSeconds(15));
        presence.check();
        presence.check();
        List<OutboxEvent> events = screenEvents();
        assertEquals(1, events.size(), "reported once, however many checks see it gone");
        assertEquals("device.fault", events.get(0).type());
        JsonNode p = EventJson.mapper().readTree(events.get(0).payloadJson());
        assertEquals("paired-screen", p.get("device").asText());
        assertEquals("offline", p.get("fault").asText());
        assertEquals(id, p.get("screen").asLong());
        assertEquals("Phòng chờ tầng 2", p.get("name").asText());
        assertEquals("display", p.get("role").asText());
        assertTrue(p.has("lastConnected"));
        assertEquals(List.of("device", "fault", "health", "screen", "name", "role", "lastConnected"),
                iterate(p.fieldNames()), "nothing else: no address, no token, no person");

        health = healthz();
        assertTrue(health.get("ok").asBoolean(), "a warning: /healthz stays green, nothing restarts");
        JsonNode part = health.at("/parts/paired_screens");
        assertTrue(part.get("ok").asBoolean());
        assertTrue(part.get("state").asText().startsWith("warning: 1 screens offline"), part.toString());
        assertTrue(part.get("detail").asText().contains("Phòng chờ tầng 2"), part.toString());
        assertEquals(1, presence.offline().size());

        try (SseLines feed = openFeed(display)) {
            awaitOnline(id, true);
            presence.check();
            presence.check();
            events = screenEvents();
            assertEquals(List.of("device.fault", "device.recovered"), events.stream().map(OutboxEvent::type).toList());
            JsonNode back = EventJson.mapper().readTree(events.get(1).payloadJson());
            assertEquals("ok", back.get("health").asText());
            assertEquals(id, back.get("screen").asLong());
            assertEquals(List.of(), presence.offline());
            assertFalse(healthz().at("/parts/paired_screens/state").asText().startsWith("warning"));
        }
    }

    /**
     * A satellite kiosk has no live feed: it is there while it reports its devices (every 10 s). Reporting, it is never
     * offline however long; silent past the threshold, one {@code device.fault} with its role; reporting again, one
     * {@code device.recovered}.
     */
    @Test
    void aSatelliteIsThereWhileItReportsItsDevicesAndOfflineOnceSilentPastTheThreshold() throws Exception {
        String satellite = pairs.pair(pairs.manager(), "Cửa bên", "satellite", "");
        ScreenPresence presence = appliance.screens().presence();
        presence.check();
        for (int i = 0; i < 3 * ScreenPresence.OFFLINE_AFTER.toSeconds() / 10; i++) {
            report(satellite);
            clock.advance(Duration.ofSeconds(10));
            presence.check();
        }
        assertEquals(List.of(), screenEvents(), "a satellite reporting its devices is never offline, however long");

        clock.advance(ScreenPresence.OFFLINE_AFTER.plus(Duration.ofMinutes(1)));
        presence.check();
        List<OutboxEvent> events = screenEvents();
        assertEquals(List.of("device.fault"), events.stream().map(OutboxEvent::type).toList());
        JsonNode p = EventJson.mapper().readTree(events.get(0).payloadJson());
        assertEquals("satellite", p.get("role").asText());
        assertEquals("Cửa bên", p.get("name").asText());

        report(satellite);
        presence.check();
        assertEquals(List.of("device.fault", "device.recovered"), screenEvents().stream().map(OutboxEvent::type).toList());
        assertEquals(List.of(), presence.offline());
    }

    /** A revoked satellite's devices leave /healthz with it: its printer's last fault is not left red until a restart. */
    @Test
    void aRevokedSatelliteLeavesNoDevicePartBehindOnHealthz() throws Exception {
        String[] manager = pairs.manager();
        String satellite = pairs.pair(manager, "Cửa bên", "satellite", "");
        long id = appliance.screens().pairing().screens().working().get(0).id();
        HttpResponse<String> r = pairs.send("/satellite/devices", "POST", "{\"devices\":[{\"device\":\"printer\","
                + "\"state\":\"fault\",\"reason\":\"paper_end\",\"detail\":\"paper end sensor\"}]}", "Cookie", satellite);
        assertEquals(200, r.statusCode(), r.body());
        String part = "/parts/satellite-" + id + "~1printer";
        assertEquals("paper_end", healthz().at(part + "/state").asText());
        assertFalse(healthz().get("ok").asBoolean(), "its fault is red while it is paired");

        r = pairs.send("/manager/screens/" + id + "/revoke", "POST", "{}", "Cookie", manager[0], "X-CSRF-Token", manager[1]);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode health = healthz();
        assertTrue(health.at(part).isMissingNode(), "revoked: its printer is no part of this office: " + health);
        assertTrue(health.get("ok").asBoolean(), health.toString());
    }

    private void report(String satellite) throws Exception {
        HttpResponse<String> r = pairs.send("/satellite/devices", "POST",
                "{\"devices\":[{\"device\":\"printer\",\"state\":\"ok\",\"reason\":\"none\",\"detail\":\"\"}]}",
                "Cookie", satellite);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void aScreenRevokedOrNeverConnectedIsReportedOnlyIfStillWorkingPastTheThreshold() throws Exception {
        String[] manager = pairs.manager();
        pairs.pair(manager, "Quầy 3", "counter-screen", "\"counter\":3");
        pairs.pair(manager, "Sảnh", "display", "");
        ScreenPresence presence = appliance.screens().presence();
        presence.check(); // both just paired: their grace starts
        long revoked = appliance.screens().pairing().screens().all().get(0).id();
        HttpResponse<String> r = pairs.send("/manager/screens/" + revoked + "/revoke", "POST", "{}",
                "Cookie", manager[0], "X-CSRF-Token", manager[1]);
        assertEquals(200, r.statusCode(), r.body());
        clock.advance(ScreenPresence.OFFLINE_AFTER.plusSeconds(1));
        presence.check();
        List<OutboxEvent> events = screenEvents();
        assertEquals(1, events.size(), "the revoked counter screen is no fault; the display never connected is");
        assertEquals("Sảnh", EventJson.mapper().readTree(events.get(0).payloadJson()).get("name").asText());
    }

    private SseLines openFeed(String cookie) throws Exception {
        HttpResponse<java.io.InputStream> stream = https.stream(HttpRequest.newBuilder(URI.create(lan + "/events"))
                .header("Cookie", cookie).build());
        assertEquals(200, stream.statusCode());
        return new SseLines(stream.body());
    }

    /** Waits for the master to see the screen's stream open or gone: a closed stream is noticed at the next write. */
    private void awaitOnline(long id, boolean online) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (appliance.screens().live().screensOnline().contains(id) != online) {
            assertTrue(System.nanoTime() < until, "screen " + id + " online " + online + " within 10 s");
            appliance.screens().live().heartbeat(); // a write to a closed stream is what ends it
            Thread.sleep(50);
        }
    }

    private List<OutboxEvent> screenEvents() {
        return appliance.store().pendingAfter(0, 10_000).stream()
                .filter(e -> e.payloadJson().contains("\"paired-screen\"")).toList();
    }

    private JsonNode healthz() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + appliance.webPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        return EventJson.mapper().readTree(r.body());
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
