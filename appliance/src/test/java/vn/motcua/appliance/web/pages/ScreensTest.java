package vn.motcua.appliance.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;

/** The screens' endpoints over real HTTP against the real appliance: the live feed, staff login, status page. */
class ScreensTest {
    @TempDir
    Path dir;
    private Appliance appliance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String base;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("staff.accounts"),
                StaffAccounts.line("lan", "1,2", PasswordHash.hash("mat-khau-1".toCharArray())) + "\n"
                + StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        String toml = vn.motcua.appliance.TestStores.demoToml(dir);
        appliance = new Appliance(ConfigLoader.parse(toml, "test", ConfigLoader.Options.DEMO), Clock.systemUTC()).demo(); // sample dossiers
        appliance.start();
        base = "http://127.0.0.1:" + appliance.webPort();
    }

    @AfterEach
    void stop() throws Exception {
        appliance.close();
    }

    private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads SSE frames until one of the given event type arrives (bounded by count). */
    private static JsonNode next(BufferedReader in, String type) throws Exception {
        String event = null;
        for (int i = 0; i < 200; i++) {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("stream ended before a '" + type + "' event");
            }
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && type.equals(event)) {
                return EventJson.mapper().readTree(line.substring(6));
            }
        }
        throw new AssertionError("no '" + type + "' event in 200 lines");
    }

    @Test
    void aScreenGetsASnapshotThenTheCallWithItsSpokenClipsAndTheNewWaitingCounts() throws Exception {
        post("/api/tickets", "{\"service\":\"ho-tich\"}");
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("content-type").orElse(""));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            JsonNode snap = next(in, "snapshot");
            assertEquals(1, snap.at("/services/0/waiting").asInt());
            assertEquals("UBND Phường Bến Thành — Bộ phận Một cửa", snap.at("/office/name_vi").asText());
            post("/api/counters/5/open", "{\"staff\":\"lan\"}");
            post("/api/tickets", "{\"service\":\"xay-dung\"}");
            post("/api/counters/5/call-next", "{}");
            JsonNode call = next(in, "call");
            assertEquals("C001", call.get("number").asText());
            assertEquals(5, call.get("counter").asInt());
            assertEquals("Mời số C001 đến quầy số 5", call.get("text_vi").asText());
            assertEquals("chime", call.at("/clips/0").asText());
            JsonNode q = next(in, "queue");
            assertEquals("C001", q.at("/counters/4/ticket").asText());
            assertEquals(0, q.at("/services/2/waiting").asInt());

            assertEquals(200, post("/api/notice", "{\"vi\":\"Nghỉ trưa từ 11:30\",\"en\":\"Lunch break from 11:30\"}").statusCode());
            assertEquals("Nghỉ trưa từ 11:30", next(in, "notice").get("vi").asText());
            assertEquals(400, post("/api/notice", "{\"vi\":\"a\\u0007\",\"en\":\"b\"}").statusCode());
            assertEquals(400, post("/api/notice", "{\"vi\":\"" + "x".repeat(301) + "\",\"en\":\"b\"}").statusCode());
            assertEquals("Lunch break from 11:30", EventJson.mapper().readTree(get("/api/notice").body()).get("en").asText());
        }
        HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(URI.create(base + "/voice/call?number=C001&counter=5")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(wav.statusCode() == 200 || wav.statusCode() == 503, "ready, or clips still generating");
        assertEquals(400, get("/voice/call?number=%3Cscript%3E&counter=5").statusCode());
    }

    @Test
    void aClerkLogsInWithTheRightPasswordAndIsLockedOutAfterFiveWrongOnes() throws Exception {
        HttpResponse<String> ok = post("/counter/login", "{\"user\":\"lan\",\"password\":\"mat-khau-1\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        JsonNode me = EventJson.mapper().readTree(get("/counter/me", "Cookie", session).body());
        assertEquals("lan", me.get("staff").asText());
        assertEquals(43, me.get("csrf").asText().length());
        assertEquals(0, me.at("/figures/served").asInt());
        assertTrue(me.at("/figures/average_service_seconds").isNull(), "no average before the first resident: " + me);
        assertEquals(401, get("/counter/me").statusCode(), "no cookie, no session");

        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("/counter/login", "{\"user\":\"lan\",\"password\":\"wrong\"}").statusCode());
        }
        HttpResponse<String> locked = post("/counter/login", "{\"user\":\"lan\",\"password\":\"mat-khau-1\"}");
        assertEquals(429, locked.statusCode(), "even the right password is refused while locked");
        assertEquals("LOCKED", EventJson.mapper().readTree(locked.body()).get("error").asText());
        assertEquals(401, post("/counter/login", "{\"user\":\"<x>\",\"password\":\"a\"}").statusCode());
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> ok = post("/counter/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void theManagerSeesTodaysFiguresPerServiceStaffAndHourAndAClerkDoesNot() throws Exception {
        post("/api/tickets", "{\"service\":\"ho-tich\"}");
        post("/api/tickets", "{\"service\":\"ho-tich\"}");
        post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        post("/api/counters/1/call-next", "{}");
        post("/api/counters/1/start", "{}");
        post("/api/counters/1/finish", "{}");
        post("/api/counters/1/rate", "{\"score\":2}");
        assertEquals(403, get("/manager/summary", "Cookie", login("lan", "mat-khau-1")).statusCode());
        HttpResponse<String> r = get("/manager/summary", "Cookie", login("chi", "quan-ly-9"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = EventJson.mapper().readTree(r.body());
        assertEquals(2, s.at("/services/0/tickets").asInt());
        assertEquals(1, s.at("/services/0/served").asInt());
        assertEquals(1, s.at("/services/0/waiting").asInt());
        assertTrue(s.at("/services/0/average_service_seconds").isNumber(), s.toString());
        JsonNode idle = s.at("/services/1");
        assertEquals(0, idle.get("tickets").asInt(), "a service nobody took a ticket for: " + idle);
        assertTrue(idle.get("average_wait_seconds").isNull() && idle.get("longest_wait_seconds").isNull()
                && idle.get("average_service_seconds").isNull(), "nothing to measure is shown as \"—\", not 0.0 min: " + idle);
        assertEquals(1, s.at("/staff/lan/served").asInt());
        assertEquals(2.0, s.at("/staff/lan/average_rating").asDouble());
        assertEquals(1, s.get("hours").size());
        assertEquals(0, s.get("alerts").size());
    }

    @Test
    void theStatusPageShowsALateDossierInRedAndRefusesABadCode() throws Exception {
        String late = get("/status?code=000.00.15.H29-261110-0102").body();
        assertTrue(late.contains("class=\"ticket dossier late\"") && late.contains("Trễ hẹn"), late);
        String onTime = get("/status?code=000.00.15.H29-261115-0101").body();
        assertTrue(onTime.contains("Đang giải quyết") && !onTime.contains("Trễ hẹn"));
        assertTrue(get("/status?code=000.00.15.H29-261120-0104").body().contains("42 phút"), "cached answer age shown");
        HttpResponse<String> bad = get("/status?code=%3Cscript%3E");
        assertEquals(400, bad.statusCode());
        assertTrue(!bad.body().contains("<script>"));
        assertTrue(get("/status?code=HS-9999-999999").body().contains("Không tìm thấy"));
        for (String idNumber : new String[] {"079203001234", "%20079203001234%20", "023456789"}) {
            HttpResponse<String> id = get("/status?code=" + idNumber);
            assertEquals(400, id.statusCode(), "a bare ID card number is not looked up");
            assertTrue(id.body().contains("không phải mã hồ sơ") && id.body().contains("not sent anywhere"), id.body());
            assertTrue(!id.body().contains(idNumber.strip().replace("%20", "")), "the number is not echoed back");
        }
        assertTrue(get("/status?code=0792030012345").body().contains("Không tìm thấy"), "13 digits is just an unknown code");
    }

    @Test
    void pagesAndTheTicketQrAreServedLocallyWithTheirTypes() throws Exception {
        HttpResponse<String> display = get("/display");
        assertEquals(200, display.statusCode());
        assertTrue(display.headers().firstValue("content-security-policy").orElse("").contains("default-src 'self'"));
        String etag = display.headers().firstValue("etag").orElseThrow();
        assertEquals(304, get("/display", "If-None-Match", etag).statusCode());
        assertEquals("font/ttf", get("/fonts/NotoSans-Regular.ttf").headers().firstValue("content-type").orElse(""));
        post("/api/tickets", "{\"service\":\"ho-tich\"}");
        HttpResponse<String> qr = get("/kiosk/qr/A001.svg");
        assertEquals("image/svg+xml", qr.headers().firstValue("content-type").orElse(""));
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("h1v1h-1z"));
        assertEquals(404, get("/kiosk/qr/A999.svg").statusCode());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("motcua_queue_waiting{service=\"ho-tich\"} 1"), metrics);
        assertTrue(metrics.contains("motcua_outbox_pending 1"), metrics);
        assertTrue(metrics.contains("motcua_part_fault{part=\"store\"} 0"), metrics);
        JsonNode info = EventJson.mapper().readTree(get("/kiosk/info").body());
        assertEquals(3, info.get("priorities").size());
        assertTrue(info.at("/printer/ok").asBoolean());
    }
}
