package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;

/**
 * The one LAN test whose client is on this machine, on purpose: a request that reaches the LAN listener from a 127.x
 * address (a proxy on the Pi, a misbound listener) is not trusted like the Pi's own screens, which are trusted on the
 * local listener only (issue 17 item 6, {@code Exchange.fromLoopback}). Every other LAN test's client is another host
 * in a network namespace ({@code lan.NetNamespace}), where this case cannot arise.
 */
class LoopbackSourceOnTheLanTest {
    @TempDir
    Path dir;

    @Test
    void aLoopbackSourceOnTheLanListenerNeedsALoginLikeAnyOtherHost() throws Exception {
        // 127.0.0.2: the LAN listener on a loopback address, so that this machine's client reaches it from 127.x
        try (Appliance appliance = LanKeystore.applianceWithLan(dir, "127.0.0.2", e -> e, Clock.systemUTC())) {
            HttpClient https = HttpClient.newBuilder().sslContext(LanKeystore.trusting(dir))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String lan = "https://127.0.0.2:" + appliance.lanPort().orElseThrow();
            String local = "http://127.0.0.1:" + appliance.webPort();
            // the source really is loopback: the kernel picks 127.x to reach 127.0.0.2
            try (java.net.Socket s = LanKeystore.trusting(dir).getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress("127.0.0.2", appliance.lanPort().orElseThrow()), 10_000);
                assertTrue(s.getLocalAddress().isLoopbackAddress(), "from " + s.getLocalAddress());
            }
            HttpResponse<String> open = post(https, lan + "/api/counters/1/open", "{\"staff\":\"lan\"}");
            assertEquals(403, open.statusCode(), open.body());
            assertTrue(open.body().contains("LOOPBACK_ONLY"), open.body());
            HttpResponse<String> notice = post(https, lan + "/api/notice", "{\"text_vi\":\"x\",\"text_en\":\"x\"}");
            assertTrue(notice.statusCode() >= 400, "a hall notice needs a manager on the LAN: " + notice.statusCode());
            assertEquals(200, post(HttpClient.newHttpClient(), local + "/api/counters/1/open", "{\"staff\":\"lan\"}")
                    .statusCode(), "the Pi's own screens, on the local listener, are trusted");
        }
    }

    private static HttpResponse<String> post(HttpClient c, String url, String json) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
