package vn.motcua.appliance.satellite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;

/**
 * The satellite's one HTTPS client to its master (certificate pinned, {@link PinnedTrust}), sending the device token
 * as the screen cookie every paired screen sends. Each call either answers, or says the master could not be reached
 * ({@link Unreachable}: no connection, a timeout, a 5xx) — the difference that decides whether a press is retried.
 * Every outcome is told to {@link LinkState}.
 */
final class MasterLink {
    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration ANSWER = Duration.ofSeconds(8);
    /** The master's 503s that are its answer (its store is full or failing: tickets paused), not a lost contact. */
    private static final java.util.Set<String> STORE_REFUSALS = java.util.Set.of("STORE_FULL", "STORE_FAILING",
            "STORE_UNAVAILABLE");

    private final HttpClient http;
    private final String master;
    private final Supplier<String> token;
    private final LinkState state;

    MasterLink(String masterUrl, String fingerprint, Supplier<String> token, LinkState state) {
        this.http = HttpClient.newBuilder().sslContext(PinnedTrust.context(fingerprint))
                .sslParameters(PinnedTrust.parameters()).connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.master = masterUrl;
        this.token = token;
        this.state = state;
    }

    /** The master could not be reached or could not answer now (no connection, a timeout, a 5xx): worth a retry. */
    static final class Unreachable extends Exception {
        Unreachable(String why) {
            super(why);
        }
    }

    /** The master answered; {@code body} is its JSON (an error's {@code error}, {@code message_vi}, {@code message_en}). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** One press's ticket (see the master's {@code web.satellite.SatelliteDesk}). */
    Answer ticket(String key, String service, String priority) throws Unreachable {
        return post("/satellite/tickets", Map.of("key", key, "service", service, "priority", priority));
    }

    /** The satellite's devices as they are now. */
    Answer devices(List<Map<String, Object>> devices) throws Unreachable {
        return post("/satellite/devices", Map.of("devices", devices));
    }

    /**
     * What the master's own kiosk shows of the queue (see the master's {@code web.satellite.SatelliteDesk}): each
     * service's waiting count, estimated wait, open or why not, the priorities offered, a closed day.
     */
    Answer kioskState() throws Unreachable {
        return send(HttpRequest.newBuilder(URI.create(master + "/satellite/kiosk-state")).timeout(ANSWER).GET());
    }

    /** Pairing: a POST to {@code /pair/code} (no token yet) or a GET of {@code /pair/state} with the claim cookie. */
    HttpResponse<String> pairing(String path, String method, String cookie) throws Unreachable {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(master + path)).timeout(ANSWER)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            state.reached(r.statusCode() < 500);
            return r;
        } catch (IOException e) {
            state.reached(false);
            throw new Unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    private Answer post(String path, Object body) throws Unreachable {
        return send(HttpRequest.newBuilder(URI.create(master + path)).timeout(ANSWER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body))));
    }

    /** One call with the device token: the master's answer, or {@link Unreachable}; the outcome told to the state. */
    private Answer send(HttpRequest.Builder b) throws Unreachable {
        String t = token.get();
        if (t == null) {
            throw new Unreachable("not paired yet");
        }
        b.header("Cookie", "motcua_screen=" + t);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            state.reached(false);
            throw new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        JsonNode answer = json(r.body());
        if (r.statusCode() >= 500 && !STORE_REFUSALS.contains(answer.path("error").asText())) {
            state.reached(false);
            throw new Unreachable("the master answered " + r.statusCode());
        }
        state.reached(true); // a store refusal is the master's answer: no retry makes it take a ticket now
        if (r.statusCode() == 404 || r.statusCode() == 401) { // the gate's 404: the token is revoked or unknown
            state.tokenRefused();
        }
        return new Answer(r.statusCode(), answer);
    }

    private static JsonNode json(String body) {
        try {
            JsonNode n = EventJson.mapper().readTree(body);
            return n == null ? EventJson.mapper().createObjectNode() : n;
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
