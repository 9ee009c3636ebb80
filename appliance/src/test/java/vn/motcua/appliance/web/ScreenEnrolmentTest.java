package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.paired.EnrolledScreensFile;
import vn.motcua.appliance.web.paired.PairedScreen;
import vn.motcua.appliance.web.paired.PairingHandler;

/**
 * Screens enrolled by provisioning (issue 17, item 7) on a real appliance: the file of token hashes beside the staff
 * accounts is merged into the paired screens at start, by hash (a second start adds nothing, a manager's revoke stays);
 * its bad lines are refused with their line numbers, never their hashes, shown as a warning and enrol nothing; a
 * screen presenting its token on {@code POST /pair/enrol} gets its cookie and its page; a wrong token is refused and
 * counted like a wrong pairing code.
 */
class ScreenEnrolmentTest {
    /** Tokens as provisioning makes them: 43 characters of base64url. */
    private static final String HALL = "hall-display-token-0123456789abcdefghijklmn";
    private static final String COUNTER = "counter-3-token-0123456789abcdefghijklmnopq";
    private static final String BAD_HASH = "f".repeat(63);

    /** Another host of the LAN: a network namespace the test makes. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance appliance;
    /** Another host of the LAN: curl in a network namespace. */
    private NamespaceCurl https;
    private String lan;

    @AfterEach
    void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    private void start() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC());
        https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl"));
        lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
    }

    @Test
    void theFileIsMergedByHashItsBadLinesRefusedAndAnEnrolledScreenOpensItsPageWithItsToken() throws Exception {
        assertEquals(43, HALL.length());
        assertEquals(43, COUNTER.length());
        Files.writeString(dir.resolve(EnrolledScreensFile.NAME), String.join("\n",
                "# written by motcua provisioning",
                "display|dat-dai||" + sha256(HALL) + "|Phòng chờ tầng 2",
                "counter-screen||3|" + sha256(COUNTER) + "|Trên quầy 3",
                "television||3|" + sha256("x") + "|Sai loại",
                "counter-screen||99|" + sha256("y") + "|Quầy không có",
                "display|||" + BAD_HASH + "|Mã băm ngắn",
                ""), StandardCharsets.UTF_8);
        start();
        List<PairedScreen> working = appliance.screens().pairing().screens().working();
        assertEquals(List.of("Phòng chờ tầng 2", "Trên quầy 3"), working.stream().map(PairedScreen::name).sorted().toList());
        PairedScreen counter = working.stream().filter(s -> s.name().equals("Trên quầy 3")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(3), counter.counters());

        JsonNode part = healthz().at("/parts/paired_screens");
        assertTrue(part.get("ok").asBoolean(), "a bad line is a warning: " + part);
        assertTrue(part.get("state").asText().startsWith("warning: 3 enrolled screen lines refused"), part.toString());
        String detail = part.get("detail").asText();
        assertTrue(detail.contains("line 4") && detail.contains("line 5") && detail.contains("line 6"), detail);
        assertFalse(detail.contains(BAD_HASH) || detail.contains(sha256("x")), "never a hash: " + detail);

        HttpResponse<String> enrolled = enrol("token=" + HALL);
        assertEquals(200, enrolled.statusCode(), enrolled.body());
        assertTrue(enrolled.body().contains("url=/display") && enrolled.body().contains("Opening the screen"), enrolled.body());
        String cookie = ScreenPairs.cookie(enrolled, "motcua_screen");
        assertEquals("motcua_screen=" + HALL, cookie);
        assertTrue(enrolled.headers().firstValue("set-cookie").orElse("").contains("HttpOnly"));
        assertEquals(200, send("/display", "GET", cookie).statusCode(), "the enrolled display opens its page");
        assertEquals(404, send("/api/tickets", "POST", cookie).statusCode(), "and takes no ticket");
        HttpResponse<String> counterPage = enrol("token=" + COUNTER);
        assertTrue(counterPage.body().contains("url=/counter-screen"), counterPage.body());

        for (String bad : List.of("token=" + "A".repeat(43), "token=" + HALL.substring(1), "", "token=" + HALL + "&x=1")) {
            HttpResponse<String> refused = enrol(bad);
            assertEquals(403, refused.statusCode(), bad);
            assertTrue(refused.body().contains("SCREEN_TOKEN_UNKNOWN") && refused.body().contains("thu hồi"), refused.body());
            assertTrue(refused.headers().firstValue("set-cookie").isEmpty(), "no cookie for a refused token");
        }
        assertTrue(healthz().at("/parts/paired_screens/detail").asText().contains("4 failed pairing attempts"),
                "each refused token is counted against the source");
        assertEquals(405, send(PairingHandler.ENROL, "GET", null).statusCode());

        long revoked = counter.id();
        assertTrue(appliance.screens().pairing().screens().revoke(revoked, "chi"));
        appliance.close();
        appliance = null;
        start(); // the same file read again
        List<PairedScreen> all = appliance.screens().pairing().screens().all();
        assertEquals(2, all.size(), "merged by hash: nothing added twice");
        assertTrue(all.stream().filter(s -> s.id() == revoked).findFirst().orElseThrow().revoked(),
                "a manager's revoke is not undone by the file");
        assertEquals(403, enrol("token=" + COUNTER).statusCode());
        assertEquals(200, enrol("token=" + HALL).statusCode());
    }

    @Test
    void noFileIsNoScreensAndNoWarning() throws Exception {
        start();
        assertEquals(List.of(), appliance.screens().pairing().screens().all());
        assertFalse(healthz().at("/parts/paired_screens/state").asText().startsWith("warning"));
    }

    private HttpResponse<String> enrol(String form) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(lan + PairingHandler.ENROL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(String path, String method, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lan + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return https.send(b.build());
    }

    private JsonNode healthz() throws Exception {
        return EventJson.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + appliance.webPort() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
