package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.web.LanKeystore;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.lan.AnotherHost;

/**
 * Issue 15 item 10: the manager adds, disables, enables a clerk, resets a password and sets counters from the staff
 * screen over the LAN listener (as from a counter PC); each change is in force at once, in the file, and recorded.
 */
class StaffScreenTest {
    /** Another host of the LAN: a network namespace the test makes. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance appliance;
    /** Another host of the LAN (a counter PC): curl in a network namespace. */
    private NamespaceCurl https;
    private String lan;

    private record Login(String cookie, String csrf) {}

    @BeforeEach
    void start() throws Exception {
        // lan: clerk of 1,2; chi: manager ('*' in the older form)
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC());
        https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl"));
        lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        appliance.close();
    }

    private HttpResponse<String> send(String path, String method, String json, String... headers) throws Exception {
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

    private HttpResponse<String> login(String user, String password) throws Exception {
        return send("/counter/login", "POST", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private Login loggedIn(String user, String password) throws Exception {
        HttpResponse<String> r = login(user, password);
        assertEquals(200, r.statusCode(), r.body());
        String set = r.headers().firstValue("set-cookie").orElseThrow();
        return new Login(set.substring(0, set.indexOf(';')), json(r).get("csrf").asText());
    }

    private HttpResponse<String> as(Login who, String path, String json) throws Exception {
        return send(path, "POST", json, "Cookie", who.cookie, "X-CSRF-Token", who.csrf);
    }

    private boolean mayOpen(Login who, int counter) {
        return ((StaffGate) appliance.screens().gate()).allows(who.cookie.substring(who.cookie.indexOf('=') + 1), who.csrf,
                counter);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return EventJson.mapper().readTree(r.body());
    }

    private List<JsonNode> staffEvents() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (OutboxEvent e : appliance.store().rangeFrom(1, 10_000)) {
            if (e.type().equals("staff.changed")) {
                out.add(EventJson.mapper().readTree(e.payloadJson()));
            }
        }
        return out;
    }

    @Test
    void aManagerAddsDisablesEnablesResetsAndAssignsAClerkEachInForceAtOnce() throws Exception {
        Login chi = loggedIn("chi", "quan-ly-9");
        JsonNode list = json(send("/manager/staff", "GET", null, "Cookie", chi.cookie));
        assertEquals("manager", list.at("/accounts/1/role").asText(), "an older '*' line is the manager");
        assertEquals("clerk", list.at("/accounts/0/role").asText());
        assertFalse(list.toString().contains("argon2"), "no hash leaves the appliance");

        HttpResponse<String> added = as(chi, "/manager/staff",
                "{\"name\":\"minh\",\"role\":\"clerk\",\"counters\":[3],\"password\":\"mat-khau-minh\"}");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(Files.readString(dir.resolve("staff.accounts")).contains("\nminh:3:$argon2id$"), "written to the file");

        Login minh = loggedIn("minh", "mat-khau-minh");
        // the decision the counter API takes for a counter PC (this test's client is on loopback, which may act anyway)
        assertTrue(mayOpen(minh, 3), "the new clerk may open the counter given");
        assertFalse(mayOpen(minh, 1), "and no other");

        assertEquals(200, as(chi, "/manager/staff/minh/disable", "{}").statusCode());
        assertEquals(401, send("/counter/me", "GET", null, "Cookie", minh.cookie).statusCode(), "the session ended");
        assertFalse(mayOpen(minh, 3));
        HttpResponse<String> refused = login("minh", "mat-khau-minh");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("ACCOUNT_DISABLED", json(refused).get("error").asText());
        assertEquals(401, login("minh", "wrong-pass-1").statusCode(), "a wrong password says only that");

        assertEquals(200, as(chi, "/manager/staff/minh/enable", "{}").statusCode());
        assertEquals(200, as(chi, "/manager/staff/minh/password", "{\"password\":\"mat-khau-moi\"}").statusCode());
        assertEquals(401, login("minh", "mat-khau-minh").statusCode(), "the old password no longer works");
        assertEquals(200, as(chi, "/manager/staff/minh/counters", "{\"counters\":[1,2]}").statusCode());
        minh = loggedIn("minh", "mat-khau-moi");
        assertEquals(List.of(1, 2), EventJson.mapper().convertValue(json(send("/counter/me", "GET", null,
                "Cookie", minh.cookie)).get("counters"), List.class));
        assertTrue(mayOpen(minh, 1));
        assertFalse(mayOpen(minh, 3));

        // a full name for the reports: kept in the file in Vietnamese, shown in the list, and no one is logged out
        assertEquals(200, as(chi, "/manager/staff/minh/full-name", "{\"full_name\":\"Lê Văn Minh\"}").statusCode());
        assertTrue(Files.readString(dir.resolve("staff.accounts")).contains(":active:Lê Văn Minh\n"),
                Files.readString(dir.resolve("staff.accounts")));
        assertEquals(200, send("/counter/me", "GET", null, "Cookie", minh.cookie).statusCode(), "still logged in");
        JsonNode named = json(send("/manager/staff", "GET", null, "Cookie", chi.cookie));
        assertTrue(named.toString().contains("\"full_name\":\"Lê Văn Minh\""), named.toString());
        HttpResponse<String> withName = as(chi, "/manager/staff", "{\"name\":\"thu\",\"role\":\"clerk\",\"counters\":[4],"
                + "\"password\":\"mat-khau-thu\",\"full_name\":\"Phạm Thị Thu\"}");
        assertEquals(200, withName.statusCode(), withName.body());
        assertTrue(Files.readString(dir.resolve("staff.accounts")).contains(":clerk:active:Phạm Thị Thu\n"));

        List<String> changes = staffEvents().stream().map(e -> e.get("change").asText() + ":" + e.get("account").asText()
                + ":" + e.get("by").asText()).toList();
        assertEquals(List.of("added:minh:chi", "disabled:minh:chi", "enabled:minh:chi", "password_reset:minh:chi",
                "counters_set:minh:chi", "full_name_set:minh:chi", "added:thu:chi"), changes);
        String payloads = staffEvents().toString();
        assertFalse(payloads.contains("mat-khau") || payloads.contains("argon2"), payloads);
    }

    @Test
    void onlyAManagerWithTheTokenChangesAccountsAndBadInputChangesNothing() throws Exception {
        Login clerk = loggedIn("lan", "mat-khau-1");
        assertEquals(403, send("/manager/staff", "GET", null, "Cookie", clerk.cookie).statusCode());
        assertEquals(403, as(clerk, "/manager/staff/lan/counters", "{\"counters\":[1,2,3]}").statusCode());
        assertEquals(403, send("/manager/staff", "GET", null).statusCode(), "not logged in");
        Login chi = loggedIn("chi", "quan-ly-9");
        assertEquals(403, send("/manager/staff/lan/disable", "POST", "{}", "Cookie", chi.cookie).statusCode(),
                "no CSRF token: refused");
        String before = Files.readString(dir.resolve("staff.accounts"));
        String[][] bad = {
                {"/manager/staff", "{\"name\":\"Minh Anh\",\"role\":\"clerk\",\"counters\":[1],\"password\":\"mat-khau-minh\"}", "BAD_NAME"},
                {"/manager/staff", "{\"name\":\"minh\",\"role\":\"boss\",\"counters\":[1],\"password\":\"mat-khau-minh\"}", "BAD_ROLE"},
                {"/manager/staff", "{\"name\":\"minh\",\"role\":\"clerk\",\"counters\":[42],\"password\":\"mat-khau-minh\"}", "BAD_COUNTERS"},
                {"/manager/staff", "{\"name\":\"minh\",\"role\":\"clerk\",\"counters\":[1],\"password\":\"mat\\nkhau-minh\"}", "BAD_PASSWORD"},
                {"/manager/staff", "{\"name\":\"minh\",\"role\":\"clerk\",\"counters\":[1],\"password\":\"ngan\"}", "BAD_PASSWORD"},
                {"/manager/staff", "{\"name\":\"lan\",\"role\":\"clerk\",\"counters\":[1],\"password\":\"mat-khau-minh\"}", "NAME_TAKEN"},
                {"/manager/staff", "{\"name\":\"minh\",\"role\":\"clerk\",\"counters\":[1],\"password\":\"mat-khau-minh\",\"full_name\":\"Lê: Minh\"}", "BAD_FULL_NAME"},
                {"/manager/staff/lan/full-name", "{\"full_name\":\"\"}", "BAD_FULL_NAME"},
                {"/manager/staff/lan/full-name", "{\"full_name\":\"Lê\\u0007Minh\"}", "BAD_FULL_NAME"},
                {"/manager/staff/lan/full-name", "{}", "BAD_FULL_NAME"},
                {"/manager/staff/chi/disable", "{}", "SELF"},
                {"/manager/staff/nobody/enable", "{}", "NO_ACCOUNT"}};
        for (String[] b : bad) {
            HttpResponse<String> r = as(chi, b[0], b[1]);
            assertEquals(b[2], json(r).get("error").asText(), b[1] + " -> " + r.body());
            assertTrue(json(r).has("message_vi"), r.body());
        }
        assertEquals(before, Files.readString(dir.resolve("staff.accounts")), "nothing changed");
        // a technician's half-typed line: the screen writes nothing over it and says who can fix it
        Files.writeString(dir.resolve("staff.accounts"), before + "minh:3\n");
        HttpResponse<String> broken = as(chi, "/manager/staff/lan/disable", "{}");
        assertEquals(503, broken.statusCode(), broken.body());
        assertEquals("ACCOUNTS_FILE_BROKEN", json(broken).get("error").asText());
        assertEquals(before + "minh:3\n", Files.readString(dir.resolve("staff.accounts")));
        assertEquals(List.of(), staffEvents());
    }
}
