package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.lan.NamespaceSockets;

/**
 * Issue 21, finding 4: a counter action from a logged-in clerk records the session's staff id; a body naming
 * someone else is refused with a bilingual error; a manager acting for a counter is recorded as the manager. The
 * clerk's and the manager's PC is another host of the LAN (a network namespace the test makes), so no action passes
 * on this machine's trust: each needs its session (needs root and iproute2; skipped without, failed under
 * {@code CI=true}).
 */
class SessionIdentityTest {
    /** The counter PC. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance appliance;
    private NamespaceSockets pc;
    private InetSocketAddress lan;
    private final String source = HOST.ns().inside().get(0);

    @BeforeEach
    void start() throws Exception {
        pc = NamespaceSockets.start(HOST.ns(), dir.resolve("web-tls.crt")); // made ready while the appliance starts
        appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC());
        lan = new InetSocketAddress(HOST.ns().host(), appliance.lanPort().orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        if (pc != null) {
            pc.close();
        }
        appliance.close();
    }

    private String[] login(String user, String password) throws Exception {
        LanLogin.Answer a = LanLogin.post(pc, lan, source, user, password);
        assertEquals(200, a.status(), a.body());
        return new String[] {a.cookie(), EventJson.mapper().readTree(a.body()).get("csrf").asText()};
    }

    private String staffAt(int counter) throws Exception {
        String q = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + appliance.webPort() + "/api/queue")).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode c : EventJson.mapper().readTree(q).path("counters")) {
            if (c.path("number").asInt() == counter) {
                return c.path("staff").asText(null);
            }
        }
        throw new AssertionError("no counter " + counter);
    }

    @Test
    void aClerkActsOnlyUnderTheirOwnNameAndAManagerIsRecordedAsThemselves() throws Exception {
        String[] clerk = login("lan", "mat-khau-1");
        LanLogin.Answer asBoss = LanLogin.action(pc, lan, source, "/api/counters/1/open", "{\"staff\":\"boss\"}",
                clerk[0], clerk[1]);
        assertEquals(403, asBoss.status(), asBoss.body());
        JsonNode e = EventJson.mapper().readTree(asBoss.body());
        assertEquals("NOT_YOUR_NAME", e.path("error").asText());
        assertFalse(e.path("message_vi").asText().equals(e.path("message_en").asText()), "Vietnamese and English");
        assertTrue(staffAt(1) == null || !staffAt(1).equals("boss"), "counter 1 not opened as boss");

        assertEquals(200, LanLogin.action(pc, lan, source, "/api/counters/1/open", "{}", clerk[0], clerk[1]).status());
        assertEquals("lan", staffAt(1), "the session's name is recorded");
        assertEquals(200, LanLogin.action(pc, lan, source, "/api/counters/1/open", "{\"staff\":\"lan\"}",
                clerk[0], clerk[1]).status(), "naming oneself is fine (the counter page does)");
        LanLogin.Answer second = LanLogin.action(pc, lan, source, "/api/counters/2/open", "{}", clerk[0], clerk[1]);
        assertEquals(409, second.status(), "one clerk, one counter: " + second.body());
        assertEquals("STAFF_AT_ANOTHER_COUNTER", EventJson.mapper().readTree(second.body()).path("error").asText());
        assertTrue(staffAt(2) == null, "counter 2 stays closed");

        String[] manager = login("chi", "quan-ly-9");
        assertEquals(403, LanLogin.action(pc, lan, source, "/api/counters/3/open", "{\"staff\":\"lan\"}",
                manager[0], manager[1]).status(), "a manager cannot record a clerk's name either");
        assertEquals(200, LanLogin.action(pc, lan, source, "/api/counters/3/open", "{}", manager[0], manager[1])
                .status());
        assertEquals("chi", staffAt(3), "a manager acting for a counter is recorded as the manager");
    }
}
