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

    /** The kiosk's JSON face: the same refusals (an ID number never asked about nor echoed) and the same answer. */
    @Test
    void theKiosksJsonLookupRefusesAndAnswersLikeThePage() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        FixtureDossierSource fixtures = new FixtureDossierSource(today);
        server.setHandler(new StatusPage(code -> {
            askedCodes.add(code);
            return fixtures.lookup(code);
        }, Clock.systemUTC(), ZoneId.of("Asia/Ho_Chi_Minh")));
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> id = get(http, "/status.json?code=079.203.001.234");
            assertEquals(400, id.statusCode());
            assertTrue(id.body().contains("\"error\":\"CITIZEN_ID_NUMBER\"") && id.body().contains("không phải mã hồ sơ"), id.body());
            assertFalse(id.body().contains("203"), "not echoed");
            assertEquals(400, get(http, "/status.json?code=%3Cscript%3E").statusCode());
            assertTrue(get(http, "/status.json").body().contains("NO_CODE"));
            assertEquals(List.of(), askedCodes, "nothing refused was asked about");

            HttpResponse<String> late = get(http, "/status.json?code=000.00.15.H29-261110-0102");
            assertEquals(200, late.statusCode());
            assertTrue(late.body().contains("\"late\":true") && late.body().contains("\"status_vi\":\"Đang giải quyết\"")
                    && late.body().contains("\"promised\":\"" + today.minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                    late.body());
            HttpResponse<String> none = get(http, "/status.json?code=HS-404");
            assertTrue(none.body().contains("\"found\":false") && none.body().contains("No dossier HS-404 found"), none.body());
        } finally {
            server.stop();
        }
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
