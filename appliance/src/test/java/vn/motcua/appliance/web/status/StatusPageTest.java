package vn.motcua.appliance.web.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The status page against a district that never answers (link down, request lost), whose every question is recorded:
 * the resident gets "cannot look it up now" when {@link StatusPage#TIMEOUT_SECONDS} have passed, not a page that
 * spins forever; and an ID card number typed into the box is never asked about.
 */
class StatusPageTest {
    private final List<String> askedCodes = new ArrayList<>();
    private final List<CompletableFuture<DossierAnswer>> asked = new ArrayList<>();
    private Server server;
    private ServerConnector connector;

    private void start() throws Exception {
        DossierStatusSource silent = code -> {
            CompletableFuture<DossierAnswer> never = new CompletableFuture<>();
            askedCodes.add(code);
            asked.add(never);
            return never;
        };
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new StatusPage(silent, Clock.systemUTC(), ZoneId.of("Asia/Ho_Chi_Minh")));
        server.start();
    }

    @Test
    void anIdCardNumberIsRefusedAndNeverSentToTheDistrict() throws Exception {
        start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String typed : List.of("079203001234", "079%20203%20001%20234", "079.203.001.234", "079-203-001-234",
                    "025123456", "025.123.456")) {
                URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/status?code=" + typed);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode(), typed);
                assertTrue(r.body().contains("không phải mã hồ sơ") && r.body().contains("not sent anywhere"), r.body());
                assertFalse(r.body().contains("203001234") || r.body().contains("123456"), "not echoed: " + typed);
            }
            assertEquals(List.of(), askedCodes, "the district was never asked");
        } finally {
            server.stop();
        }
    }

    @Test
    void aLookupWithoutAnswerEndsInServerUnreachableAfterTheTimeout() throws Exception {
        start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/status?code=000.00.15.H29-261110-0102");
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("Chưa tra cứu được") && r.body().contains("server unreachable"), r.body());
            assertTrue(waitedMs >= StatusPage.TIMEOUT_SECONDS * 1000 - 100, "answered only after the timeout: " + waitedMs + " ms");
            assertEquals(List.of("000.00.15.H29-261110-0102"), askedCodes, "the district was asked once");
            assertFalse(asked.get(0).isDone(), "the source's own future is left to the source");
        } finally {
            server.stop();
        }
    }
}
