package vn.motcua.appliance.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.printer.Tickets;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.bus.pty.SocatPty;

/**
 * The kiosk after a ticket, inside the running appliance with the simulated printer and the real serial reader on a
 * socat pty: the QR on screen is the one printed on paper; the kiosk says what really happened to the paper (printed,
 * out of paper, no printer here); a resident who scans their ticket's QR sees where it stands, and yesterday's ticket
 * is not taken for today's.
 */
class KioskTicketTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Test
    void theScreenQrIsThePaperQrAndThePrintAnswerSaysWhatHappenedToThePaper() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SocatPty pty = new SocatPty(Files.createDirectories(dir.resolve("pty")))) {
            String toml = TestStores.demoToml(data).replace("status_poll_s = 2", "status_poll_s = 1")
                    + "\n[devices.reader]\nmode = \"serial\"\nport = \"" + pty.host + "\"\nbaud = 9600\n";
            try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
                a.start();
                base = "http://127.0.0.1:" + a.webPort();
                SimulatedPrinter printer = a.devices().printer().orElseThrow().simulator().orElseThrow();

                take();
                JsonNode printed = json("/kiosk/print/A001"); // answered when the job ends
                assertEquals("printed", printed.get("state").asText(), printed.toString());
                assertEquals("Vui lòng nhận phiếu bên dưới.", printed.get("message_vi").asText());
                String paperQr = Tickets.decodeQr(printer.tickets().getFirst());
                assertTrue(paperQr.contains("don-vi=benthanh&so=A001&ngay="), paperQr);
                assertEquals(QrSvg.svg(paperQr), get("/kiosk/qr/A001.svg").body(), "the kiosk shows the paper's QR");
                assertEquals("{\"enabled\":false}", get("/kiosk/phone/A001").body(), "no phone page: no code on screen");
                assertEquals(404, get("/kiosk/phone/A998").statusCode());

                printer.setPaperEnd(true);
                await(() -> !a.health().snapshot().get("printer").ok(), "the paper end seen");
                take();
                JsonNode fault = json("/kiosk/print/A002");
                assertEquals("fault", fault.get("state").asText(), fault.toString());
                assertFalse(fault.get("printed").asBoolean());
                assertTrue(fault.get("faults").toString().contains("PAPER_END"), fault.toString());
                assertTrue(fault.get("message_vi").asText().startsWith("Máy in hết giấy: phiếu chưa được in."), fault.toString());
                assertTrue(fault.get("message_en").asText().contains("take a photo of the QR code"), fault.toString());
                assertEquals(404, get("/kiosk/print/A999").statusCode());
                assertEquals(404, get("/kiosk/print/A001%3Cscript%3E").statusCode());

                JsonNode second = json("/kiosk/ticket/A002").get("ticket");
                assertEquals(1, second.get("people_ahead").asInt(), second.toString());
                assertEquals("Waiting for your turn", second.get("state_en").asText());
                a.queue().execute(e -> e.openCounter(1, "lan"));
                a.queue().execute(e -> e.callNext(1));
                JsonNode first = json("/kiosk/ticket/A001").get("ticket");
                assertEquals("Mời đến quầy số 1", first.get("state_vi").asText(), first.toString());
                assertEquals(0, json("/kiosk/ticket/A002").get("ticket").get("people_ahead").asInt());

                List<String> feed = new CopyOnWriteArrayList<>();
                http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/events")).build(), HttpResponse.BodyHandlers.ofLines())
                        // Async: were the answer already in, thenAccept would read the endless feed on this thread
                        .thenAcceptAsync(r -> r.body().forEach(feed::add));
                await(() -> !feed.isEmpty(), "the kiosk's live feed is open");
                String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
                String yesterday = paperQr.replace("ngay=" + today, "ngay=" + LocalDate.parse(today).minusDays(1));
                try (OutputStream reader = Files.newOutputStream(pty.device, StandardOpenOption.WRITE)) {
                    reader.write((paperQr + "\r").getBytes(StandardCharsets.UTF_8));
                    reader.flush();
                    await(() -> feed.stream().anyMatch(l -> l.contains("\"kind\":\"ticket\"")), "the ticket scan on the feed");
                    reader.write((yesterday + "\r").getBytes(StandardCharsets.UTF_8));
                }
                await(() -> feed.stream().filter(l -> l.contains("\"kind\":\"ticket\"")).count() == 2, "both scans on the feed");
                List<String> scans = feed.stream().filter(l -> l.contains("\"kind\":\"ticket\"")).toList();
                assertTrue(scans.get(0).contains("\"number\":\"A001\"") && scans.get(0).contains("\"today\":true"), scans.get(0));
                assertTrue(scans.get(1).contains("\"today\":false"), "yesterday's A001 is not today's: " + scans.get(1));
            }
        }
    }

    @Test
    void withNoPrinterTheKioskPromisesNoPaperAndStillShowsTheTicketsQr() throws Exception {
        String toml = TestStores.demoToml(dir).replace("[devices.printer]\nmode = \"simulated\"", "[devices.printer]\nmode = \"off\"");
        assertTrue(toml.contains("mode = \"off\""), "the demo config's printer section moved: fix this test's replace");
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            a.start();
            base = "http://127.0.0.1:" + a.webPort();
            take();
            JsonNode answer = json("/kiosk/print/A001");
            assertEquals("off", answer.get("state").asText(), answer.toString());
            assertTrue(answer.get("message_en").asText().startsWith("No paper ticket here"), answer.toString());
            assertFalse(json("/kiosk/info").at("/printer/present").asBoolean());
            String qr = a.tickets().ticketQr().text("A001", java.time.Instant.now());
            assertTrue(qr.startsWith("https://dichvucong.example.gov.vn/hang-doi?don-vi=benthanh&so=A001"), qr);
            assertEquals(QrSvg.svg(qr), get("/kiosk/qr/A001.svg").body());
        }
    }

    @Test
    void withNoPrinterABadTemplateStillStopsTheStartNamingTheKey() throws Exception {
        // without {date}, yesterday's A001 would scan as today's: the office hears of it when the config is read
        // (before anything starts), printer or not
        Path template = Files.writeString(dir.resolve("no-date.properties"), "qr.url=https://portal.example/q?so={ticket}\n");
        String toml = TestStores.demoToml(dir).replace("[devices.printer]\nmode = \"simulated\"",
                "[devices.printer]\nmode = \"off\"\ntemplate = \"" + template + "\"");
        assertTrue(toml.contains("mode = \"off\""), "the demo config's printer section moved: fix this test's replace");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().getFirst().startsWith("devices.printer.template = '" + template + "': expected a valid ticket layout")
                && e.problems().getFirst().contains("{date}"), e.problems().toString());
    }

    private void take() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return EventJson.mapper().readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, Duration.ofSeconds(20), what);
    }
}
