package vn.motcua.appliance.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.bus.MutableClock;

/**
 * The manager view's alerts fire and clear at the {@code [manager]} limits, seen in {@code /manager/summary} over real
 * HTTP: a queue that reaches {@code alert_waiting} raises one for its service alone and a call that takes it below
 * clears it; a long service (the test's clock moved 40 minutes between start and done) makes the estimated wait
 * pass {@code alert_wait} with a short queue, and the next call clears that too. The clock starts at the real now,
 * so the demo office's hours and its daily roll (moved 12 h away) hold.
 */
class ManagerAlertsTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MutableClock clock = new MutableClock(Instant.now());
    private String base;

    @Test
    void aQueuePastTheLimitRaisesAnAlertAndACallBelowItClearsIt() throws Exception {
        Files.writeString(dir.resolve("staff.accounts"),
                StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        // 3 waiting for one service, or an estimated hour; the demo's default service time is 6 min
        String toml = TestStores.demoToml(dir)
                .replace("alert_waiting = 20", "alert_waiting = 3")
                .replace("alert_wait    = \"30m\"", "alert_wait    = \"60m\"")
                // one service is enough to move the estimate (by default the first five keep the 6 min default)
                .replace("estimate_sample        = 20", "estimate_sample        = 1");
        try (Appliance appliance = new Appliance(ConfigLoader.parse(toml, "test"), clock)) {
            appliance.start();
            base = "http://127.0.0.1:" + appliance.webPort();
            String manager = login("chi", "quan-ly-9");
            post("/api/counters/1/open", "{\"staff\":\"lan\"}"); // the one open counter for ho-tich: 1 server
            post("/api/tickets", "{\"service\":\"ho-tich\"}");
            post("/api/tickets", "{\"service\":\"ho-tich\"}");
            post("/api/tickets", "{\"service\":\"dat-dai\"}");
            JsonNode s = summary(manager);
            assertEquals(3, s.at("/alert_limits/waiting").asInt());
            assertEquals(3600, s.at("/alert_limits/estimated_wait_seconds").asInt());
            assertEquals(0, s.get("alerts").size(), "2 waiting, 12 min estimated: under both limits: " + s);

            post("/api/tickets", "{\"service\":\"ho-tich\"}");
            s = summary(manager);
            assertEquals(1, s.get("alerts").size(), "the third resident waiting for ho-tich: " + s);
            JsonNode a = s.at("/alerts/0");
            assertEquals("ho-tich", a.get("service").asText());
            assertEquals("Hộ tịch", a.get("name_vi").asText());
            assertEquals("Civil status", a.get("name_en").asText());
            assertEquals(3, a.get("waiting").asInt());
            assertEquals(3 * 360, a.get("estimated_wait_seconds").asInt());

            post("/api/counters/1/call-next", "{}"); // A001 to counter 1: 2 left waiting
            s = summary(manager);
            assertEquals(2, s.at("/services/0/waiting").asInt());
            assertEquals(0, s.get("alerts").size(), "below the limit again: " + s);

            post("/api/counters/1/start", "{}");
            clock.advance(Duration.ofMinutes(40));
            post("/api/counters/1/finish", "{}"); // today's ho-tich service time is now 40 min
            s = summary(manager);
            assertEquals(1, s.get("alerts").size(), "2 waiting x 40 min is past the hour: " + s);
            assertEquals(2, s.at("/alerts/0/waiting").asInt(), "the wait limit alone, the queue is short");
            assertEquals(2 * 2400, s.at("/alerts/0/estimated_wait_seconds").asInt());

            post("/api/counters/1/call-next", "{}"); // A002: 1 left, 40 min estimated
            s = summary(manager);
            assertEquals(0, s.get("alerts").size(), "under the hour again: " + s);
        }
    }

    private JsonNode summary(String cookie) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/manager/summary")).header("Cookie", cookie));
        assertEquals(200, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body());
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> ok = post("/counter/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(2, r.statusCode() / 100, path + ": " + r.body()); // 201 for a ticket, 200 for the rest
        return r;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
