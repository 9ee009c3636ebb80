package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/** The uplink against a real Mosquitto over TLS with password auth and a client certificate. */
class UplinkDeliveryTest {
    @TempDir static Path dir;
    static MosquittoBroker broker;
    static DistrictServer district;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.startTls(dir, TestPki.create(dir), UplinkRig.USER, UplinkRig.PASSWORD);
        district = StandIns.district(broker);
    }

    /** Each test starts a fresh appliance under the same device id: without this, the seqs of an earlier test's
     *  appliance (run first in alphabetical order) clash with this one's. */
    @BeforeEach
    void freshDistrictRecord() {
        district.forget(UplinkRig.DEVICE);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        district.close();
        broker.close();
    }

    @Test
    void ticketsIssuedBeforeAndAfterTheLinkComesUpReachTheDistrictOnceInOrder(@TempDir Path appDir) throws Exception {
        ReceivedEvents got = district.events(UplinkRig.DEVICE);
        try (UplinkRig rig = new UplinkRig(broker, appDir, 5, true)) {
            rig.issueTickets(50); // buffered while the appliance was starting
            rig.uplink.start();
            Await.until(Duration.ofSeconds(60), () -> got.distinct() == 50, () -> got.distinct() + " of 50 arrived");
            rig.issueTickets(50);
            Await.until(Duration.ofSeconds(60), () -> rig.outbox.pendingCount() == 0, () -> rig.uplink.status().toString());
            Await.until(Duration.ofSeconds(60), () -> got.distinct() == 100, () -> got.distinct() + " of 100");

            assertEquals(List.of(), got.gaps());
            assertEquals(List.of(), got.violations());
            assertEquals(50, got.replayedCount(), "the 50 buffered before connecting are flagged replayed, the live ones not");
            String birth = district.latest("motcua/v1/" + UplinkRig.DEVICE + "/status");
            assertTrue(birth.contains("\"state\":\"online\"") && birth.contains("\"version\":\"0.1.0-test\"")
                    && birth.contains("\"bootId\":\"boot-"), birth);
            assertEquals("connected", rig.uplink.status().link());
        }
        Await.until(Duration.ofSeconds(60), () -> district.latest("motcua/v1/" + UplinkRig.DEVICE + "/status").contains("offline"),
                () -> "offline after a clean stop");
    }

    @Test
    void storageNearlyFullIsPublishedAndShedsTelemetryButKeepsQueueEvents(@TempDir Path appDir) throws Exception {
        var cfg = UplinkRig.config(broker, appDir, 5, false).withStorageLimits(java.time.Duration.ofDays(30), Long.MAX_VALUE / 4, 1_000_000);
        try (UplinkRig rig = new UplinkRig(cfg)) {
            rig.issueTickets(5);
            rig.uplink.start();
            String topic = "motcua/v1/" + UplinkRig.DEVICE + "/status/storage";
            Await.until(Duration.ofSeconds(60), () -> String.valueOf(district.latest(topic)).contains("\"level\":\"critical\""),
                    () -> "storage status: " + district.latest(topic));
            Await.until(Duration.ofSeconds(60), () -> rig.outbox.pendingCount() == 0, () -> "queue events still delivered");
            assertEquals(false, rig.uplink.admitTelemetry(), "heartbeat/telemetry events are shed first");
            assertEquals("critical", rig.uplink.status().storage());
            assertTrue(district.latest(topic).contains("queue events kept"), district.latest(topic));
        }
    }

    @Test
    void aWrongPasswordKeepsEventsBufferedAndSaysWhy(@TempDir Path appDir) throws Exception {
        var cfg = UplinkRig.config(broker, appDir, 5, false).withCredentials("intruder", null, null);
        java.nio.file.Files.writeString(appDir.resolve("bad.secrets"), "mqtt.password=wrong\n");
        java.nio.file.Files.setPosixFilePermissions(appDir.resolve("bad.secrets"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (UplinkRig rig = new UplinkRig(cfg.withCredentials("intruder", appDir.resolve("bad.secrets"), null))) {
            rig.issueTickets(3);
            rig.uplink.start();
            Await.until(Duration.ofSeconds(60), () -> rig.uplink.status().lastError() != null, () -> "a connect error");
            var st = rig.uplink.status();
            assertTrue(st.lastError().toLowerCase().contains("not authorized") || st.lastError().contains("135")
                    || st.lastError().contains("134"), st.lastError());
            assertTrue(!st.lastError().contains("wrong"), "the password never appears in a status or log line");
            assertEquals(3, st.outboxDepth());
        }
    }
}
