package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.uplink.DossierLookupResult;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.DossierFixture;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/** The district server talks back through a real broker: config, commands, dossier lookups; bad ones change nothing. */
class UplinkTalkBackTest {
    @TempDir static Path dir;
    static MosquittoBroker broker;
    static DistrictServer district;
    static UplinkRig rig;
    static final String BASE = "motcua/v1/" + UplinkRig.DEVICE;

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.startTls(dir, TestPki.create(dir), UplinkRig.USER, UplinkRig.PASSWORD);
        district = StandIns.district(broker);
        rig = new UplinkRig(broker, java.nio.file.Files.createDirectories(dir.resolve("app")), 5, false);
        rig.uplink.start();
        Await.until(Duration.ofSeconds(60), () -> "connected".equals(rig.uplink.status().link()), () -> rig.uplink.status().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
        district.close();
        broker.close();
    }

    private static String config(String version, String services) {
        return "{\"v\":1,\"version\":\"" + version + "\",\"services\":" + services + ",\"counters\":[],"
                + "\"openingHours\":{\"mon\":\"07:30-17:00\"},\"announcements\":[]}";
    }

    @Test
    void aRetainedConfigIsAppliedAndAcknowledgedAndABadOneIsRefusedWithItsReason() throws Exception {
        district.publishConfig(UplinkRig.DEVICE, config("2026-11-21.1", "[{\"code\":\"ho-tich\"}]"));
        Await.until(Duration.ofSeconds(60), () -> "2026-11-21.1".equals(rig.applier.version), () -> "config applied");
        Await.until(Duration.ofSeconds(60), () -> String.valueOf(district.latest(BASE + "/config/ack")).contains("\"applied\""),
                () -> "ack: " + district.latest(BASE + "/config/ack"));

        district.publishConfig(UplinkRig.DEVICE, config("2026-11-21.2", "[]"));
        Await.until(Duration.ofSeconds(60), () -> String.valueOf(district.latest(BASE + "/config/ack")).contains("refused"),
                () -> "ack: " + district.latest(BASE + "/config/ack"));
        assertTrue(district.latest(BASE + "/config/ack").contains("an office needs at least one service"));
        district.publishConfig(UplinkRig.DEVICE, "{\"v\":1,\"version\":\"2026-11-21.3\",\"services\":\"" + "x".repeat(70_000) + "\"}");
        Await.until(Duration.ofSeconds(60), () -> district.latest(BASE + "/config/ack").contains("exceeds the limit"),
                () -> "ack: " + district.latest(BASE + "/config/ack"));
        assertEquals("2026-11-21.1", rig.applier.version, "the old config stays in force");
    }

    @Test
    void commandsAreRunOnceAndAcknowledgedAndBadOnesRefused() throws Exception {
        district.sendCommand(UplinkRig.DEVICE, "hall-message",
                "{\"id\":\"cmd-1\",\"textVi\":\"Hôm nay làm việc đến 16:00\",\"textEn\":\"Open until 16:00 today\"}", 60);
        district.sendCommand(UplinkRig.DEVICE, "hall-message",
                "{\"id\":\"cmd-1\",\"textVi\":\"Hôm nay làm việc đến 16:00\",\"textEn\":\"Open until 16:00 today\"}", 60);
        district.sendCommand(UplinkRig.DEVICE, "format-disk", "{\"id\":\"cmd-2\"}", 60);
        district.sendCommand(UplinkRig.DEVICE, "reset-queue", "{\"id\":\"cmd-3\",", 60);
        Await.until(Duration.ofSeconds(60), () -> district.commandAcks().size() >= 3, () -> "acks " + district.commandAcks());
        List<String> acks = district.commandAcks();
        assertTrue(acks.stream().anyMatch(a -> a.contains("\"cmd-1\"") && a.contains("\"done\"")), acks.toString());
        assertTrue(acks.stream().anyMatch(a -> a.contains("\"cmd-2\"") && a.contains("unknown command")), acks.toString());
        assertTrue(acks.stream().anyMatch(a -> a.contains("not valid JSON")), acks.toString());
        assertEquals(List.of("hall-message:Hôm nay làm việc đến 16:00|Open until 16:00 today"), rig.commands,
                "run once, and nothing for the bad ones");
    }

    @Test
    void aResidentScansASlipAndSeesWhereTheDossierStands() throws Exception {
        district.lookupMode(DistrictServer.LookupMode.ANSWER);
        for (Dossier expected : DossierFixture.DOSSIERS.values()) {
            DossierLookupResult a = rig.uplink.lookup(expected.code()).get(10, TimeUnit.SECONDS);
            assertEquals(DossierLookupResult.Source.FRESH, a.source(), expected.code());
            assertEquals(expected, a.dossier());
        }
        assertEquals(Dossier.Status.NOT_FOUND, rig.uplink.lookup("HS-2026-999999").get(10, TimeUnit.SECONDS).dossier().status());
        assertTrue(district.lookupExpiries().stream().allMatch(e -> e != null && e >= 0 && e <= 1),
                "every request expires with the 1.5 s lookup timeout: " + district.lookupExpiries());
    }

    @Test
    void aSilentOrMisbehavingServerNeverHangsTheKiosk() throws Exception {
        district.lookupMode(DistrictServer.LookupMode.ANSWER);
        rig.uplink.lookup("HS-2026-000104").get(10, TimeUnit.SECONDS); // now cached

        district.lookupMode(DistrictServer.LookupMode.SILENT); // codes below were never looked up before
        DossierLookupResult cached = rig.uplink.lookup("HS-2026-000104").get(10, TimeUnit.SECONDS);
        assertEquals(DossierLookupResult.Source.CACHED, cached.source());
        assertEquals(Dossier.Status.READY_FOR_PICKUP, cached.dossier().status());
        assertEquals(DossierLookupResult.Source.UNAVAILABLE, rig.uplink.lookup("HS-2026-777771").get(10, TimeUnit.SECONDS).source());

        district.lookupMode(DistrictServer.LookupMode.MALFORMED);
        assertEquals(DossierLookupResult.Source.UNAVAILABLE, rig.uplink.lookup("HS-2026-777772").get(10, TimeUnit.SECONDS).source());
        district.lookupMode(DistrictServer.LookupMode.OVERSIZED);
        assertEquals(DossierLookupResult.Source.UNAVAILABLE, rig.uplink.lookup("HS-2026-777773").get(10, TimeUnit.SECONDS).source());
        assertTrue(rig.uplink.status().refusedInbound() >= 2, rig.uplink.status().toString());
        district.lookupMode(DistrictServer.LookupMode.ANSWER);
    }
}
