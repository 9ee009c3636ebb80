package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.web.WebServer;

/**
 * Issue 21, finding 6: the local listener (kiosk API, /sim, live feed, plain HTTP) goes off loopback only when the
 * config says so with a reason; otherwise the start is refused with one line naming the key.
 */
class LocalExposureTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/appliance.conf");

    private static String withBind(String bind) throws Exception {
        return Files.readString(EXAMPLE).replace("bind           = \"127.0.0.1\"", "bind           = \"" + bind + "\"");
    }

    @Test
    void aLocalListenerOffLoopbackIsRefusedWithoutAReason() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(withBind("0.0.0.0"), "t.conf"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().getFirst().startsWith("web.bind = '0.0.0.0'"), e.problems().getFirst());
        assertTrue(e.problems().getFirst().contains("web.expose_local_on_lan"), e.problems().getFirst());
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(withBind("192.168.1.10"), "t.conf"));
    }

    @Test
    void anEmptyReasonIsNoReason() throws Exception {
        String conf = withBind("0.0.0.0").replace("max_body_bytes = 16384", "max_body_bytes = 16384\nexpose_local_on_lan = \"  \"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(conf, "t.conf"));
        assertTrue(e.problems().getFirst().startsWith("web.expose_local_on_lan"), e.getMessage());
    }

    @Test
    void aLocalListenerOffLoopbackWithAReasonIsTakenAndTheReasonKept() throws Exception {
        String conf = withBind("0.0.0.0").replace("max_body_bytes = 16384",
                "max_body_bytes = 16384\nexpose_local_on_lan = \"hall TV is a separate PC at 192.168.1.20\"");
        ApplianceConfig c = ConfigLoader.parse(conf, "t.conf");
        assertTrue(c.web().bind().isAnyLocalAddress());
        assertEquals("hall TV is a separate PC at 192.168.1.20", c.web().exposedBecause().orElseThrow());
        assertTrue(ConfigLoader.parse(withBind("127.0.0.1"), "t.conf").web().exposedBecause().isEmpty());
    }

    @Test
    void anExposedLocalListenerSaysSoOnTheHealthPage() throws Exception {
        String conf = withBind("0.0.0.0").replace("max_body_bytes = 16384",
                "max_body_bytes = 16384\nexpose_local_on_lan = \"hall TV is a separate PC at 192.168.1.20\"");
        ApplianceConfig c = ConfigLoader.parse(conf, "t.conf");
        // never started: no socket is opened on the LAN by this test
        WebServer web = new WebServer(c.web(), new org.eclipse.jetty.server.handler.DefaultHandler());
        Health health = new Health();
        web.registerHealth(health);
        Health.Status s = health.snapshot().get("web_local");
        assertTrue(s != null && s.ok(), "a part of its own, not a fault: " + health.snapshot());
        assertTrue(s.state().contains("EXPOSED") && s.state().contains("0.0.0.0") && s.state().contains("kiosk")
                && s.state().contains("hall TV is a separate PC"), s.state());
        Health quiet = new Health();
        new WebServer(ConfigLoader.parse(withBind("127.0.0.1"), "t.conf").web(),
                new org.eclipse.jetty.server.handler.DefaultHandler()).registerHealth(quiet);
        assertTrue(quiet.snapshot().get("web_local") == null, "nothing to say on loopback");
    }
}
