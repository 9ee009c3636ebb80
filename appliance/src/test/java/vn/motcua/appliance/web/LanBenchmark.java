package vn.motcua.appliance.web;

import vn.motcua.bus.bench.Percentiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;

/**
 * What HTTPS on the LAN listener costs against the local listener's plain HTTP, side by side in one run on one
 * appliance: a clerk's {@code GET /counter/me} over a kept-alive connection on each, and a new TLS handshake (a
 * counter PC's browser opening a connection). Off unless {@code -Dmotcua.bench=true}; asserts no time.
 *
 * <p>Run: {@code . tools/java-home.sh && ./mvnw -B -q -pl appliance -am test -Dtest=LanBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmotcua.bench=true}
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class LanBenchmark {
    private static final int WARMUP = 300;
    private static final int REQUESTS = 3000;
    private static final int HANDSHAKES = 300;

    @TempDir
    Path dir;

    @Test
    void httpsOnTheLanAgainstPlainHttpLocally() throws Exception {
        // The LAN listener on a loopback address and its client in this JVM, on purpose: this measures what TLS costs
        // the appliance against plain HTTP on one path, without a veth hop in one of the two; it proves no protection,
        // so no other host is needed (the LAN tests' clients are: lan.NetNamespace).
        try (Appliance a = LanKeystore.applianceWithLan(dir, "127.0.0.2", e -> e, java.time.Clock.systemUTC())) {
            SSLContext tls = LanKeystore.trusting(dir);
            HttpClient local = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpClient lan = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
            String localBase = "http://127.0.0.1:" + a.webPort();
            String lanBase = "https://127.0.0.2:" + a.lanPort().orElseThrow();
            String cookie = login(lan, lanBase);
            long[] l = new long[REQUESTS];
            long[] s = new long[REQUESTS];
            for (int i = -WARMUP; i < REQUESTS; i++) { // alternated, so both see the same machine load
                long t0 = System.nanoTime();
                assertEquals(200, get(local, localBase + "/counter/me", cookie));
                long t1 = System.nanoTime();
                assertEquals(200, get(lan, lanBase + "/counter/me", cookie));
                long t2 = System.nanoTime();
                if (i >= 0) {
                    l[i] = t1 - t0;
                    s[i] = t2 - t1;
                }
            }
            long[] h = new long[HANDSHAKES];
            for (int i = 0; i < HANDSHAKES; i++) {
                long t0 = System.nanoTime();
                try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                    socket.connect(new InetSocketAddress("127.0.0.2", a.lanPort().orElseThrow()), 2000);
                    socket.startHandshake();
                }
                h[i] = System.nanoTime() - t0;
            }
            System.out.printf("GET /counter/me kept-alive, local HTTP : p50 %s p99 %s%n", ms(l, 50), ms(l, 99));
            System.out.printf("GET /counter/me kept-alive, LAN HTTPS  : p50 %s p99 %s  (p50 ratio %.2f)%n",
                    ms(s, 50), ms(s, 99), (double) pct(s, 50) / pct(l, 50));
            System.out.printf("new TLS connection + handshake (EC P-256): p50 %s p99 %s%n", ms(h, 50), ms(h, 99));
        }
    }

    private static String login(HttpClient c, String base) throws Exception {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/counter/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"lan\",\"password\":\"mat-khau-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private static int get(HttpClient c, String url, String cookie) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double pct(long[] ns, int p) {
        return Percentiles.of(ns).at(p);
    }

    private static String ms(long[] ns, int p) {
        return String.format("%.3f ms", pct(ns, p) / 1e6);
    }
}
