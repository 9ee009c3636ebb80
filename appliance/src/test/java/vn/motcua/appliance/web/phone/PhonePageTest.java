package vn.motcua.appliance.web.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.TicketKeys;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.LanKeystore;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.lan.AnotherHost;

/**
 * The phone page of a real appliance, through its LAN listener (HTTPS; the phones curl in a network namespace, two
 * other hosts), opened from the link the
 * simulated printer drew into the ticket's QR: the ticket's state while it waits, is called and is served; the short
 * code form; guessed, malformed and other-day links refused and counted; a source that guesses on is throttled;
 * no personal data in the state; the secret file readable by the appliance alone.
 */
class PhonePageTest {
    /** The public address printed in the QR (config only: nothing connects to it; the phones use {@link #lan}). */
    private static final String BASE = "https://127.0.0.2:8443";
    /** Two phones on the guest Wi-Fi: two addresses of a network namespace, so the appliance sees other hosts. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(2);
    @TempDir
    Path dir;
    private Appliance appliance;
    private NamespaceCurl https;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String lan;
    private String local;

    @BeforeEach
    void start() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), toml -> toml
                .replace("[web.phone]\nenabled         = false", "[web.phone]\nenabled         = true")
                .replace("\"https://192.168.1.10:8443\"", "\"" + BASE + "\""), java.time.Clock.systemUTC());
        https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl")).from(HOST.ns().inside().get(0));
        lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
        local = "http://127.0.0.1:" + appliance.webPort();
    }

    @AfterEach
    void stop() {
        appliance.close();
    }

    /** {@code c}: {@link #http} for the local listener, or a phone on the LAN ({@link NamespaceCurl}). */
    private HttpResponse<String> send(Object c, String url, String method, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return c instanceof NamespaceCurl phone ? phone.send(b.build())
                : ((HttpClient) c).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> lanGet(String path) throws Exception {
        return send(https, lan + path, "GET", null);
    }

    private String issue() throws Exception {
        HttpResponse<String> r = send(http, local + "/api/tickets", "POST", "{\"service\":\"ho-tich\"}");
        assertEquals(201, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body()).at("/ticket/number").asText();
    }

    private void counter(String action) throws Exception {
        HttpResponse<String> r = send(http, local + "/api/counters/1/" + action, "POST",
                action.equals("open") ? "{\"staff\":\"lan\"}" : "{}");
        assertEquals(200, r.statusCode(), action + ": " + r.body());
    }

    /** The QR of the last ticket the simulated printer drew, decoded from its image. */
    private String printedQr(String number) throws Exception {
        String[] text = new String[1];
        TestStores.await(() -> {
            try {
                HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(local + "/sim/printer/last.png")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (png.statusCode() != 200) {
                    return false;
                }
                text[0] = decode(ImageIO.read(new ByteArrayInputStream(png.body())));
                return text[0].contains("/" + number + "/");
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(30), "ticket " + number + " printed");
        return text[0];
    }

    static String decode(BufferedImage img) throws Exception {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)))).getText();
    }

    private JsonNode state(String path) throws Exception {
        HttpResponse<String> r = lanGet(path + "/state");
        assertEquals(200, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body());
    }

    @Test
    void theTicketsQrOpensItsPageWhichFollowsTheTicketUntilItIsServed() throws Exception {
        String first = issue();
        String mine = issue();
        String qr = printedQr(mine);
        var m = PhoneLink.CODE.matcher(qr);
        assertTrue(m.matches() && qr.startsWith(BASE + "/t/"), qr);
        String path = qr.substring(BASE.length());
        // the key is HMAC-SHA-256 under the phone.key made at first start, readable by the appliance alone
        Path secret = dir.resolve("phone.key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
        TicketKeys keys = new TicketKeys(Files.readAllBytes(secret), "benthanh");
        LocalDate day = LocalDate.parse(m.group("date"));
        assertEquals(keys.key(day, mine), m.group("key"));

        HttpResponse<String> page = lanGet(path);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(">" + mine + "<") && page.body().contains("Số người chờ trước bạn"), page.body());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""), "the key never leaves in a referrer");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));

        JsonNode waiting = state(path);
        assertEquals("waiting", waiting.get("status").asText());
        assertEquals(1, waiting.get("people_ahead").asInt(), first + " is ahead");
        assertTrue(waiting.get("estimated_wait_seconds").asLong() > 0);
        // nothing about the resident or anyone else: exactly these fields
        Set<String> fields = new TreeSet<>();
        waiting.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(List.of("number", "service_vi", "service_en", "status", "people_ahead",
                "estimated_wait_seconds", "wait_vi", "wait_en", "counter", "call_id", "state_vi", "state_en",
                "refresh_seconds")), fields);

        counter("open");
        counter("call-next"); // the first
        assertEquals(0, state(path).get("people_ahead").asInt(), "the position falls as others are called");
        counter("finish");
        counter("call-next"); // mine
        JsonNode called = state(path);
        assertEquals("called", called.get("status").asText());
        assertEquals("Số của bạn đang được gọi tới Quầy 1", called.get("state_vi").asText());
        assertEquals("Your number is being called at counter 1", called.get("state_en").asText());
        long callId = called.get("call_id").asLong();
        counter("recall");
        assertTrue(state(path).get("call_id").asLong() != callId, "a recall is a new call: the page alerts again");
        counter("finish");

        HttpResponse<String> over = lanGet(path + "/state");
        assertEquals(410, over.statusCode(), "the link ends with the ticket");
        assertEquals("TICKET_FINISHED", EventJson.mapper().readTree(over.body()).get("error").asText());
        HttpResponse<String> overPage = lanGet(path);
        assertEquals(410, overPage.statusCode());
        assertTrue(overPage.body().contains("Phiếu này đã kết thúc") && overPage.body().contains("This ticket is finished"),
                overPage.body());
        String metrics = lanGet("/metrics").body();
        assertTrue(metrics.contains("motcua_phone_requests_total{outcome=\"finished\"} 2.0"), metrics);
    }

    @Test
    void theShortCodeOnThePaperOpensTheSamePage() throws Exception {
        String number = issue();
        String path = printedQr(number).substring(BASE.length());
        TicketKeys keys = new TicketKeys(Files.readAllBytes(dir.resolve("phone.key")), "benthanh");
        LocalDate day = LocalDate.parse(path.split("/")[2]);
        String printed = TicketKeys.printed(keys.shortCode(day, number));
        JsonNode onScreen = EventJson.mapper().readTree(send(http, local + "/kiosk/phone/" + number, "GET", null).body());
        assertEquals(printed, onScreen.get("code").asText(), "the kiosk's screen shows the paper's code: " + onScreen);
        assertEquals(BASE + "/t", onScreen.get("entry").asText(), onScreen.toString());

        assertEquals(200, lanGet("/t").statusCode(), "the form");
        HttpResponse<String> go = lanGet("/t?so=" + number.toLowerCase() + "&ma=" + printed.toLowerCase());
        assertEquals(303, go.statusCode(), go.body());
        assertEquals(path, go.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> wrong = lanGet("/t?so=" + number + "&ma=" + (printed.startsWith("2") ? "3" : "2")
                + printed.substring(1));
        assertEquals(404, wrong.statusCode());
        assertTrue(wrong.body().contains("Không tìm thấy phiếu này") && wrong.body().contains("<form"), wrong.body());
    }

    @Test
    void guessedLinksGetNothingAndASourceThatGuessesOnIsThrottled() throws Exception {
        String number = issue();
        String path = printedQr(number).substring(BASE.length());
        String key = path.substring(path.lastIndexOf('/') + 1);
        String day = path.split("/")[2];
        String otherKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        String tomorrow = LocalDate.parse(day).plusDays(1).toString();
        List<String> guesses = List.of(
                "/t/" + day + "/" + number + "/" + otherKey,             // one character off
                "/t/" + day + "/A002/" + key,                            // another number with this key
                "/t/" + tomorrow + "/" + number + "/" + key,             // another day
                "/t/" + day + "/" + number + "/short",                   // malformed
                "/t/" + day + "/" + number + "/" + otherKey + "/state"); // the state of a guess
        for (String g : guesses) {
            HttpResponse<String> r = lanGet(g);
            assertEquals(404, r.statusCode(), g);
            assertTrue(r.body().contains("UNKNOWN_TICKET_LINK") || r.body().contains("Không tìm thấy phiếu này"), r.body());
            assertFalse(r.body().contains(">" + number + "<"), "a guess shows no ticket");
        }
        HttpResponse<String> delete = send(https, lan + path, "DELETE", null);
        assertEquals(404, delete.statusCode(), "not a read: refused by the LAN gate");
        assertTrue(delete.body().contains("Not available on the LAN listener"), delete.body());
        for (int i = guesses.size(); i < PhoneHandler.GUESSES_PER_MINUTE; i++) {
            assertEquals(404, lanGet("/t/" + day + "/" + number + "/" + otherKey).statusCode());
        }
        HttpResponse<String> throttled = lanGet(path + "/state");
        assertEquals(429, throttled.statusCode(), "even the right link, from a source over its wrong tries this minute");
        assertEquals("TOO_MANY_GUESSES", EventJson.mapper().readTree(throttled.body()).get("error").asText());
        NamespaceCurl otherPhone = https.from(HOST.ns().inside().get(1));
        assertEquals(200, send(otherPhone, lan + path + "/state", "GET", null).statusCode(), "another phone is not held back");
        String metrics = send(http, local + "/metrics", "GET", null).body();
        assertTrue(metrics.contains("motcua_phone_requests_total{outcome=\"unknown\"} " + PhoneHandler.GUESSES_PER_MINUTE + ".0"), metrics);
        assertTrue(metrics.contains("motcua_phone_requests_total{outcome=\"throttled\"} 1.0"), metrics);
    }
}
