package vn.motcua.tests.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A manager logged in to {@code /manager} from a counter PC, over the master's LAN listener (HTTPS, the office's own
 * certificate accepted): the session cookie and CSRF token a browser would hold, for confirming the pairing code a
 * new screen or satellite shows ({@code POST /manager/screens}) without driving a browser.
 */
public final class ManagerOnLan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(20);

    private final LanHttps https;
    private final HttpClient lan;
    private final String session;
    private final String csrf;

    private ManagerOnLan(LanHttps https, HttpClient lan, String session, String csrf) {
        this.https = https;
        this.lan = lan;
        this.session = session;
        this.csrf = csrf;
    }

    /** Logs in as {@code account} (a manager) and reads the session's CSRF token; asserts the login succeeded. */
    public static ManagerOnLan logIn(LanHttps https, StaffFile.Account account) throws Exception {
        HttpClient lan = LanHttps.anyCertificateClient();
        HttpResponse<String> ok = lan.send(post(https, "/counter/login", "{\"user\":\"" + account.name()
                + "\",\"password\":\"" + account.password() + "\"}").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        String session = ok.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(lan.send(HttpRequest.newBuilder(URI.create(https.base() + "counter/me"))
                .timeout(REQUEST_LIMIT).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("csrf").asText();
        return new ManagerOnLan(https, lan, session, csrf);
    }

    /**
     * Confirms the code a screen shows, as the manager's form on {@code /manager} does: {@code role} "display",
     * "counter-screen" or "satellite", every service and counter. Asserts the master took it; returns its answer.
     */
    public JsonNode confirm(String code, String name, String role) throws IOException, InterruptedException {
        HttpResponse<String> confirmed = lan.send(post(https, "/manager/screens", "{\"code\":\"" + code + "\",\"name\":\""
                        + name + "\",\"role\":\"" + role + "\"}").header("Cookie", session).header("X-CSRF-Token", csrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        return JSON.readTree(confirmed.body());
    }

    private static HttpRequest.Builder post(LanHttps https, String path, String json) {
        return HttpRequest.newBuilder(URI.create(https.base() + path.substring(1))).timeout(REQUEST_LIMIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
