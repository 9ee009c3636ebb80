package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;

/**
 * Every route of the running appliance's table, requested at its example path through the LAN listener, meets the
 * exposure the table gives it: a local-only route is refused (the LAN gate's 404), a LAN route is served to anyone
 * (whatever its handler then says: a login form, 403 without a manager login, 405 for the wrong method), a
 * staff-only route is refused without a session and served with one. Driven from the table, so a new line is
 * covered without touching this test.
 */
class RouteExposureTest {
    /** The LAN gate's own refusal, told apart from a handler's 404 by its text. */
    private static final String REFUSED = "Not available on the LAN listener";

    @TempDir
    Path dir;
    private Appliance appliance;
    private HttpClient https;
    private String lan;

    @BeforeEach
    void start() throws Exception {
        appliance = LanKeystore.applianceWithLan(dir);
        https = HttpClient.newBuilder().sslContext(LanKeystore.trusting(dir)).connectTimeout(Duration.ofSeconds(2)).build();
        lan = "https://127.0.0.2:" + appliance.lanPort().orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        appliance.close();
    }

    @Test
    void everyRouteIsServedOnTheLanExactlyAsItsExposureSays() throws Exception {
        String session = login();
        List<Route> table = appliance.screens().routeTable().all();
        List<String> wrong = new ArrayList<>();
        for (Route route : table) {
            String path = route.path().example();
            boolean anyone = !refusedOnTheLan(path, null);
            boolean staff = !refusedOnTheLan(path, session);
            boolean expected = switch (route.exposure()) {
                case LOCAL_ONLY -> !anyone && !staff;
                case LAN -> anyone && staff;
                case LAN_STAFF -> !anyone && staff;
            };
            if (!expected) {
                wrong.add(route.exposure() + " " + path + ": served to anyone " + anyone + ", to staff " + staff);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(table.stream().map(Route::exposure).distinct().count() == Exposure.values().length,
                "the table uses every exposure, so each branch above was exercised");
        assertTrue(refusedOnTheLan("/no-such-screen", session), "a path no route answers is refused on the LAN");
    }

    /** Whether the LAN listener refused {@code path} (its gate's 404), with a session cookie or without. */
    private boolean refusedOnTheLan(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lan + path)).timeout(Duration.ofSeconds(10));
        if (session != null) {
            b.header("Cookie", session);
        }
        HttpResponse<InputStream> r = https.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            // a served live feed never ends: only a 404's short body is read
            return r.statusCode() == 404 && new String(body.readNBytes(4096), StandardCharsets.UTF_8).contains(REFUSED);
        }
    }

    private String login() throws Exception {
        HttpResponse<String> ok = https.send(HttpRequest.newBuilder(URI.create(lan + "/counter/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"lan\",\"password\":\"mat-khau-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        return ok.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }
}
