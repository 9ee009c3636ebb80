package vn.motcua.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.appliance.devices.reader.ResidentKeyFile;
import vn.motcua.appliance.devices.reader.ResidentKeyer;

/**
 * Inside the running appliance, with the real serial reader on a socat pty: a resident's citizen ID card is read
 * beside the kiosk, the kiosk's live feed gets a card token, the next ticket taken with it carries the resident
 * key, the one after does not. The ID number, old ID number and name appear in no log line, no live-feed frame,
 * no page or API answer, no ticket or outbox row (the event included).
 */
class CardReadAtKioskTest {
    static final String ID = "079203001234";
    static final String CCCD = ID + "|025123456|Nguyễn Thị Hồng Nhung|15081950|Nữ|123 Đường Lê Lợi, Phường Bến Nghé,"
            + " Quận 1, TP. Hồ Chí Minh|01072021";
    static final Pattern CARD = Pattern.compile("\"card\":\"([A-Za-z0-9_-]{22})\"");

    @TempDir
    Path dir;

    @Test
    void aCardLinksTheNextKioskTicketAndTheIdNumberAppearsNowhere() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SocatPty pty = new SocatPty(Files.createDirectories(dir.resolve("pty")))) {
            String toml = TestStores.demoToml(data)
                    + "\n[devices.reader]\nmode = \"serial\"\nport = \"" + pty.host + "\"\nbaud = 9600\n";
            try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
                a.start();
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + a.webPort();
                List<String> feed = new CopyOnWriteArrayList<>();
                var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                // Async: were the answer already in, thenAccept would read the endless feed on this thread
                stream.thenAcceptAsync(r -> r.body().forEach(feed::add));
                await(() -> !feed.isEmpty(), "the kiosk's live feed is open");

                try (OutputStream reader = Files.newOutputStream(pty.device, StandardOpenOption.WRITE)) {
                    reader.write((CCCD + "\r").getBytes(StandardCharsets.UTF_8));
                }
                await(() -> feed.stream().anyMatch(l -> CARD.matcher(l).find()), "the scan on the live feed");
                Matcher m = CARD.matcher(feed.stream().filter(l -> CARD.matcher(l).find()).findFirst().orElseThrow());
                m.find();
                String card = m.group(1);

                HttpResponse<String> first = take(http, base, card);
                assertEquals(201, first.statusCode(), first.body());
                assertTrue(first.body().contains("\"resident_linked\":true"), first.body());
                HttpResponse<String> second = take(http, base, card);
                assertTrue(second.body().contains("\"resident_linked\":false"), "only the next ticket: " + second.body());

                String key = new ResidentKeyer(ResidentKeyFile.loadOrCreate(data.resolve("resident.key"))).keyOf(ID);
                String rows = TestStores.rows(a.store(), List.of("ticket", "outbox"));
                assertTrue(rows.lines().anyMatch(l -> l.contains("ticket.issued") && l.contains("\"residentKey\":\"" + key + "\"")),
                        "the ticket.issued event carries the resident key:\n" + rows);
                assertTrue(rows.lines().anyMatch(l -> l.contains("A001") && l.contains("|" + key + "|")),
                        "the ticket row carries the resident key:\n" + rows);

                String kiosk = get(http, base + "/kiosk");
                assertTrue(kiosk.contains("Đã đọc CCCD") && kiosk.contains("ID card read"), "the kiosk can say the card was read");
                String seen = String.join("\n", feed) + rows + kiosk + first.body() + second.body()
                        + get(http, base + "/api/queue") + get(http, base + "/api/tickets/A001") + get(http, base + "/healthz");
                for (ILoggingEvent e : logs.list) {
                    seen += "\n" + e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
                }
                assertClean(seen);
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }

    static void assertClean(String s) {
        assertFalse(s.contains(ID), "raw ID number seen");
        assertFalse(s.contains("025123456"), "old ID number seen");
        assertFalse(s.contains("Hồng Nhung") || s.contains("Lê Lợi"), "name or address seen");
    }

    private static HttpResponse<String> take(HttpClient http, String base, String card) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\",\"card\":\"" + card + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, java.time.Duration.ofSeconds(20), what);
    }
}
