package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;

/**
 * Pairs a screen over the LAN listener as a screen and a manager do: the screen asks for a code (its claim comes back
 * as a cookie), the manager confirms the code with a name and scope, the screen's next poll collects its token cookie.
 */
final class ScreenPairs {
    /** Sends a request on the LAN: an {@link HttpClient}, or a client in a network namespace (another host). */
    @FunctionalInterface
    interface Sender {
        HttpResponse<String> send(HttpRequest request) throws java.io.IOException, InterruptedException;
    }

    private final Sender https;
    private final String lan;

    ScreenPairs(HttpClient https, String lan) {
        this(r -> https.send(r, HttpResponse.BodyHandlers.ofString()), lan);
    }

    ScreenPairs(Sender https, String lan) {
        this.https = https;
        this.lan = lan;
    }

    /** A logged-in manager: {cookie, csrf}. */
    String[] manager() throws Exception {
        HttpResponse<String> ok = send("/counter/login", "POST", "{\"user\":\"chi\",\"password\":\"quan-ly-9\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        String session = cookie(ok, "motcua_staff");
        JsonNode me = EventJson.mapper().readTree(send("/counter/me", "GET", null, "Cookie", session).body());
        return new String[] {session, me.get("csrf").asText()};
    }

    /** A screen asking for a code: {claim cookie, code as shown}. */
    String[] askCode() throws Exception {
        HttpResponse<String> r = send("/pair/code", "POST", null);
        assertEquals(200, r.statusCode(), r.body());
        return new String[] {cookie(r, "motcua_pairing"), EventJson.mapper().readTree(r.body()).get("code").asText()};
    }

    HttpResponse<String> confirm(String[] manager, String json) throws Exception {
        return send("/manager/screens", "POST", json, "Cookie", manager[0], "X-CSRF-Token", manager[1]);
    }

    HttpResponse<String> poll(String claim) throws Exception {
        return send("/pair/state", "GET", null, "Cookie", claim);
    }

    /** A screen paired end to end; its token cookie ({@code motcua_screen=...}). {@code scope} is JSON fields. */
    String pair(String[] manager, String name, String role, String scope) throws Exception {
        String[] code = askCode();
        HttpResponse<String> ok = confirm(manager, "{\"code\":\"" + code[1] + "\",\"name\":\"" + name + "\",\"role\":\""
                + role + "\"" + (scope.isEmpty() ? "" : "," + scope) + "}");
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> paired = poll(code[0]);
        assertEquals(200, paired.statusCode(), paired.body());
        return cookie(paired, "motcua_screen");
    }

    HttpResponse<String> send(String path, String method, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lan + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return https.send(b.build());
    }

    /** The {@code name=value} of cookie {@code name} an answer set. */
    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + r.headers().allValues("set-cookie")));
    }
}
