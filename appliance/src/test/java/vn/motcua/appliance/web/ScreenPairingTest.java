package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
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
import vn.motcua.appliance.store.EventJson;

/**
 * Hall displays and counter-top screens paired over the LAN listener (issue 17, items 1, 4, 6) on a real appliance,
 * every LAN request from another host (curl in a network namespace the test makes):
 * the pairing handshake, what a paired screen's token opens (its page, its assets, its scoped feed) and what it never
 * does (the ticket API, the kiosk, the other role's page, the manager's screens), a revocation ending an open feed
 * within seconds, and the refusals of bad input, which change nothing.
 */
class ScreenPairingTest {
    /** Another host of the LAN: a network namespace the test makes. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance appliance;
    /** Another host of the LAN: curl in a network namespace. */
    private NamespaceCurl https;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String lan;
    private String local;
    private ScreenPairs pairs;

    @BeforeEach
    void start() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC());
        https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl"));
        lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
        local = "http://127.0.0.1:" + appliance.webPort();
        pairs = new ScreenPairs(https::send, lan);
    }

    @AfterEach
    void stop() throws Exception {
        appliance.close();
    }

    @Test
    void anUnpairedScreenGetsThePairingPageAndNothingOfTheHall() throws Exception {
        assertEquals(303, pairs.send("/display", "GET", null).statusCode());
        assertEquals("/pair", pairs.send("/counter-screen", "GET", null).headers().firstValue("location").orElse(""));
        HttpResponse<String> page = pairs.send("/pair", "GET", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Mã ghép nối") && page.body().contains("Pairing code"), "Vietnamese, English beside");
        for (String p : List.of("/assets/display.js", "/assets/display.css", "/assets/counter-screen.js", "/events",
                "/voice/call?number=A001&counter=1")) {
            assertEquals(404, pairs.send(p, "GET", null).statusCode(), p);
        }
        String[] code = pairs.askCode();
        assertTrue(code[1].matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}"), code[1]);
        JsonNode waiting = EventJson.mapper().readTree(pairs.poll(code[0]).body());
        assertEquals("waiting", waiting.get("state").asText());
        assertEquals(code[1], waiting.get("code").asText());
        assertEquals(410, pairs.poll("motcua_pairing=" + "x".repeat(43)).statusCode(), "a made-up claim collects nothing");
    }

    @Test
    void aPairedDisplaySeesItsServicesOnlyWithoutPersonalDataAndIsCutOffWhenRevoked() throws Exception {
        String[] manager = pairs.manager();
        String display = pairs.pair(manager, "Sảnh đất đai", "display", "\"services\":[\"dat-dai\"]");
        assertEquals(200, pairs.send("/display", "GET", null, "Cookie", display).statusCode());
        assertEquals(200, pairs.send("/assets/display.js", "GET", null, "Cookie", display).statusCode());
        // a display's token does nothing else: no ticket, no kiosk, no counter action, no other role's page, no admin
        assertEquals(404, pairs.send("/api/tickets", "POST", "{\"service\":\"dat-dai\"}", "Cookie", display).statusCode());
        assertEquals(404, pairs.send("/kiosk/info", "GET", null, "Cookie", display).statusCode());
        assertEquals(303, pairs.send("/counter-screen", "GET", null, "Cookie", display).statusCode());
        assertEquals(403, pairs.send("/api/counters/3/open", "POST", "{\"staff\":\"lan\"}", "Cookie", display).statusCode());
        assertEquals(403, pairs.send("/manager/screens", "GET", null, "Cookie", display).statusCode());
        assertEquals(null, appliance.store().countsByType().get("ticket.issued"), "no ticket taken with a display token");

        HttpResponse<java.io.InputStream> stream = https.stream(HttpRequest.newBuilder(URI.create(lan + "/events"))
                .header("Cookie", display).build());
        assertEquals(200, stream.statusCode());
        try (SseLines feed = new SseLines(stream.body())) {
            String snapshot = feed.await(l -> l.startsWith("data: ") && l.contains("\"recent_calls\""), Duration.ofSeconds(10));
            JsonNode s = EventJson.mapper().readTree(snapshot.substring(6));
            assertEquals("Sảnh đất đai", s.at("/screen/name").asText());
            s.get("services").forEach(x -> assertEquals("dat-dai", x.get("code").asText(), "its services only"));
            s.get("counters").forEach(c -> assertFalse(c.has("staff"), "no clerk's name on a LAN screen: " + c));
            assertFalse(s.has("parked") || s.has("no_shows"), "no lists the hall does not show");

            post(local + "/api/tickets", "{\"service\":\"ho-tich\"}");
            post(local + "/api/tickets", "{\"service\":\"dat-dai\"}");
            post(local + "/api/counters/1/open", "{\"staff\":\"lan\"}");
            post(local + "/api/counters/3/open", "{\"staff\":\"chi\"}");
            post(local + "/api/counters/1/call-next", "{}");
            post(local + "/api/counters/3/call-next", "{}");
            String call = feed.await(l -> l.startsWith("data: ") && l.contains("\"text_vi\""), Duration.ofSeconds(10));
            assertEquals(3, EventJson.mapper().readTree(call.substring(6)).get("counter").asInt(),
                    "the ho-tich call at counter 1, made first, never reached a dat-dai display: " + feed.seen());
            assertFalse(String.join("\n", feed.seen()).contains("\"staff\""), "no clerk's name in any frame");

            long id = appliance.screens().pairing().screens().all().get(0).id();
            long t0 = System.nanoTime();
            HttpResponse<String> revoked = pairs.send("/manager/screens/" + id + "/revoke", "POST", "{}",
                    "Cookie", manager[0], "X-CSRF-Token", manager[1]);
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertTrue(feed.endsWithin(Duration.ofSeconds(5)), "the revoked display's open feed ended");
            System.out.printf("Revoked display's feed ended %.0f ms after the revoke was sent%n", (System.nanoTime() - t0) / 1e6);
        }
        assertEquals(303, pairs.send("/display", "GET", null, "Cookie", display).statusCode(), "back to pairing");
        assertEquals(404, pairs.send("/events", "GET", null, "Cookie", display).statusCode(), "no feed any more");
        JsonNode list = EventJson.mapper().readTree(pairs.send("/manager/screens", "GET", null, "Cookie", manager[0]).body());
        assertEquals("chi", list.at("/screens/0/revoked_by").asText());
        assertTrue(list.at("/screens/0/last_seen").asLong() > 0, "when it was last seen, kept past the revoke: " + list);
        assertFalse(list.at("/screens/0/online").asBoolean());
    }

    @Test
    void aCounterScreenGetsItsCounterOnly() throws Exception {
        String[] manager = pairs.manager();
        String screen = pairs.pair(manager, "Trên quầy 3", "counter-screen", "\"counter\":3");
        assertEquals(200, pairs.send("/counter-screen", "GET", null, "Cookie", screen).statusCode());
        assertEquals(303, pairs.send("/display", "GET", null, "Cookie", screen).statusCode(), "not a hall display");
        JsonNode own = EventJson.mapper().readTree(pairs.send("/pair/code", "POST", null, "Cookie", screen).body());
        assertEquals("/counter-screen", own.get("page").asText(), "sent to pairing, a paired screen is told its own page");
        assertEquals(404, pairs.send("/voice/call?number=A001&counter=1", "GET", null, "Cookie", screen).statusCode());
        HttpResponse<java.io.InputStream> stream = https.stream(HttpRequest.newBuilder(URI.create(lan + "/events"))
                .header("Cookie", screen).build());
        try (SseLines feed = new SseLines(stream.body())) {
            JsonNode s = EventJson.mapper().readTree(feed.await(l -> l.contains("\"recent_calls\""), Duration.ofSeconds(10))
                    .substring(6));
            assertEquals(3, s.at("/screen/counters/0").asInt());
            assertEquals(1, s.get("counters").size(), "its counter only: " + s.get("counters"));
            assertEquals(3, s.at("/counters/0/number").asInt());
        }
    }

    @Test
    void aDisplayLimitedToCountersSeesThoseCountersOnly() throws Exception {
        String[] manager = pairs.manager();
        String display = pairs.pair(manager, "Góc đất đai", "display", "\"counters\":[3,4]");
        HttpResponse<java.io.InputStream> stream = https.stream(HttpRequest.newBuilder(URI.create(lan + "/events"))
                .header("Cookie", display).build());
        try (SseLines feed = new SseLines(stream.body())) {
            JsonNode s = EventJson.mapper().readTree(feed.await(l -> l.contains("\"recent_calls\""), Duration.ofSeconds(10))
                    .substring(6));
            List<Integer> shown = new java.util.ArrayList<>();
            s.get("counters").forEach(c -> shown.add(c.get("number").asInt()));
            assertEquals(List.of(3, 4), shown);
            assertEquals(appliance.screens().pairing().screens().all().get(0).counters(), java.util.Set.of(3, 4));
        }
    }

    @Test
    void codesAreSingleUseBadInputChangesNothingAndWrongCodesAreThrottled() throws Exception {
        String[] manager = pairs.manager();
        String[] code = pairs.askCode();
        String right = "\"code\":\"" + code[1].toLowerCase(java.util.Locale.ROOT) + "\"";
        // refused before the code is taken: the code still works afterwards
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"\",\"role\":\"display\"}"), 400, "BAD_SCREEN_NAME");
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"TV\",\"role\":\"kiosk\"}"), 400, "BAD_SCREEN_ROLE");
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"TV\",\"role\":\"display\",\"services\":[\"x\"]}"), 400,
                "BAD_SCREEN_SERVICES");
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"TV\",\"role\":\"counter-screen\",\"counter\":99}"), 400,
                "BAD_SCREEN_COUNTER");
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"TV\",\"role\":\"display\",\"counters\":[99]}"), 400,
                "BAD_SCREEN_COUNTERS");
        assertError(pairs.send("/manager/screens", "POST", "{" + right + ",\"name\":\"TV\",\"role\":\"display\"}",
                "Cookie", manager[0]), 403, "CSRF");
        assertError(pairs.send("/manager/screens", "POST", "not json", "Cookie", manager[0], "X-CSRF-Token", manager[1]),
                400, "BAD_JSON");
        assertEquals(0, appliance.screens().pairing().screens().all().size(), "nothing paired by bad input");
        assertEquals("waiting", EventJson.mapper().readTree(pairs.poll(code[0]).body()).get("state").asText());

        assertEquals(200, pairs.confirm(manager, "{" + right + ",\"name\":\"TV sảnh\",\"role\":\"display\"}").statusCode());
        assertError(pairs.confirm(manager, "{" + right + ",\"name\":\"TV 2\",\"role\":\"display\"}"), 404, "PAIRING_CODE_UNKNOWN");
        HttpResponse<String> paired = pairs.poll(code[0]);
        String token = ScreenPairs.cookie(paired, "motcua_screen").substring("motcua_screen=".length());
        String cookie = paired.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("motcua_screen=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"), cookie);
        assertEquals(410, pairs.poll(code[0]).statusCode(), "the token is handed out once");

        String stored = appliance.store().withConnection(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM paired_screen")) {
                rs.next();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                return row.toString();
            }
        });
        assertFalse(stored.contains(token), "the token itself is never stored");
        assertTrue(stored.contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)))), "its SHA-256 is: " + stored);

        // wrong codes count against the manager's PC: past ten in a minute it is refused before any lookup
        int refusedAt = -1;
        for (int i = 0; i < 12 && refusedAt < 0; i++) {
            HttpResponse<String> r = pairs.confirm(manager, "{\"code\":\"ZZZ-ZZ" + (2 + i % 8) + "\",\"name\":\"TV\",\"role\":\"display\"}");
            if (r.statusCode() == 429) {
                refusedAt = i;
                assertTrue(r.body().contains("PAIRING_TOO_MANY"), r.body());
            } else {
                assertError(r, 404, "PAIRING_CODE_UNKNOWN");
            }
        }
        assertTrue(refusedAt >= 5 && refusedAt <= 10, "throttled after a few wrong codes: at " + refusedAt);
        assertTrue(pairs.send("/healthz", "GET", null).body().contains("failed pairing attempts"));
        String metrics = pairs.send("/metrics", "GET", null).body();
        assertTrue(metrics.contains("motcua_screen_pairing_refused_total{reason=\"throttled\"} 1.0"), metrics);
        assertTrue(metrics.contains("motcua_paired_screens 1.0"), metrics);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"" + code + "\"") && r.body().contains("message_vi"), r.body());
    }

    private void post(String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, url + ": " + r.body());
    }
}
