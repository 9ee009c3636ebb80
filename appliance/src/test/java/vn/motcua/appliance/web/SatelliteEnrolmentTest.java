package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.paired.EnrolledScreensFile;
import vn.motcua.appliance.web.paired.PairedScreen;
import vn.motcua.appliance.web.paired.ScreenRole;
import vn.motcua.bus.Await;

/**
 * A satellite kiosk enrolled by provisioning (issue 17 item 7) instead of paired by a manager's code: the master's
 * {@code enrolled-screens} holds the satellite's token's SHA-256 in the role satellite, the satellite's token file holds
 * the token itself (as provisioning's templates write them: RenderedConfigTest). The satellite then never shows a
 * pairing code: it is paired and online from its first start, a button press prints the master's ticket, the master's
 * device map lists it by name; and a token the master does not know leaves the satellite unpaired, showing a code. The
 * master's LAN listener is on a network namespace's host address, never 127.x.
 */
class SatelliteEnrolmentTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String TOKEN = "Sat3llite-enrolled-by-provisioning_01234567";
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private Appliance master;
    private Appliance satellite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        if (satellite != null) {
            satellite.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void anEnrolledSatelliteIsPairedFromItsFirstStartAndPrintsTheMastersTickets() throws Exception {
        assertEquals(43, TOKEN.length());
        startMaster("satellite|||" + sha256(TOKEN) + "|Cửa bên — Side entrance");
        PairedScreen enrolled = master.screens().pairing().screens().working().getFirst();
        assertEquals(ScreenRole.SATELLITE, enrolled.role());
        assertEquals("Cửa bên — Side entrance", enrolled.name());

        startSatellite(TOKEN);
        Await.until(LIMIT, () -> satellite.satellite().paired() && satellite.satellite().online(),
                "the enrolled satellite is paired and online by itself");
        com.fasterxml.jackson.databind.JsonNode state = state();
        assertTrue(state.path("code").isMissingNode() || state.path("code").isNull(), "no pairing code shown: " + state);

        satellite.satellite().simulatedButtons().orElseThrow().press("ho-tich");
        Await.until(LIMIT, () -> satellite.satellite().printed().size() == 1, "the button's ticket printed");
        String number = satellite.satellite().printed().getFirst();
        assertTrue(master.queue().read(e -> e.ticket(number)).isPresent(), "the master's ticket " + number);
        assertEquals(1L, master.store().countsByType().getOrDefault("satellite.ticket", 0L));
        Await.until(LIMIT, () -> master.screens().pairing().screens().working().getFirst().lastSeen() != null,
                "the master's device map has seen it");
    }

    @Test
    void aTokenTheMasterDoesNotKnowLeavesTheSatelliteUnpairedShowingACode() throws Exception {
        startMaster("satellite|||" + sha256(TOKEN) + "|Cửa bên — Side entrance");
        String unknown = "Not-the-enrolled-token-at-all-0123456789abc";
        assertEquals(43, unknown.length(), "a token of the right shape: the master, not the token file, refuses it");
        startSatellite(unknown);
        Await.until(LIMIT, () -> state().path("code").isTextual(),
                () -> "a refused token: the satellite asks to be paired: " + state());
        assertFalse(satellite.satellite().paired());
        assertEquals(0L, master.store().countsByType().getOrDefault("ticket.issued", 0L));
    }

    private void startMaster(String enrolledLine) throws Exception {
        Path m = dir.resolve("master");
        Files.createDirectories(m);
        Files.writeString(m.resolve(EnrolledScreensFile.NAME), "# written by motcua provisioning\n" + enrolledLine + "\n",
                StandardCharsets.UTF_8);
        master = LanKeystore.applianceWithLan(m, HOST.ns().host(), e -> e, Clock.systemUTC());
    }

    private void startSatellite(String token) throws Exception {
        Path s = dir.resolve("satellite");
        Files.createDirectories(s);
        Path tokenFile = s.resolve("satellite.token");
        Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tokenFile, token + "\n", StandardCharsets.US_ASCII);
        String toml = SatelliteToml.of(vn.motcua.appliance.TestStores.demoToml(s),
                "https://" + HOST.ns().host() + ":" + master.lanPort().orElseThrow(),
                LanKeystore.fingerprint(dir.resolve("master")), tokenFile);
        satellite = new Appliance(ConfigLoader.parse(toml, "satellite", ConfigLoader.Options.DEMO), Clock.systemUTC());
        satellite.start();
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + satellite.satellite().port() + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private com.fasterxml.jackson.databind.JsonNode state() {
        try {
            return vn.motcua.appliance.store.EventJson.mapper().readTree(get("/satellite/state"));
        } catch (java.io.IOException e) {
            return vn.motcua.appliance.store.EventJson.mapper().createObjectNode();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
