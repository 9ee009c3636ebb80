package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * The link fails while residents keep taking tickets; afterwards the district server holds every
 * event exactly once (after dropping duplicates by id), in seq order, with no gap.
 */
class UplinkFaultTest {
    @TempDir Path dir;
    MosquittoBroker broker;
    DistrictServer district;
    final ScheduledExecutorService residents = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startTls(dir, TestPki.create(dir), UplinkRig.USER, UplinkRig.PASSWORD);
        district = StandIns.district(broker);
    }

    @AfterEach
    void stop() throws Exception {
        residents.shutdownNow();
        district.close();
        broker.close();
    }

    /** A ticket every 20 ms until cancelled. */
    private ScheduledFuture<?> ticketsKeepComing(UplinkRig rig) {
        return residents.scheduleAtFixedRate(() -> rig.issueTickets(1), 0, 20, TimeUnit.MILLISECONDS);
    }

    private void assertDistrictHoldsEverythingOnce(UplinkRig rig) throws InterruptedException {
        ReceivedEvents got = district.events(UplinkRig.DEVICE);
        long n = rig.outbox.lastSeq();
        Await.until(Duration.ofSeconds(60), () -> rig.outbox.pendingCount() == 0 && got.distinct() == n,
                () -> got.distinct() + " of " + n + " at the district, " + rig.uplink.status());
        assertEquals(List.of(), got.gaps());
        assertEquals(List.of(), got.violations());
        assertEquals(n, got.inSeqOrder().getLast().seq());
    }

    @Test
    void theBrokerIsStoppedForAWhileAndRestartedWhileTicketsAreIssued(@TempDir Path appDir) throws Exception {
        try (UplinkRig rig = new UplinkRig(broker, appDir, 5, false)) {
            rig.uplink.start();
            ScheduledFuture<?> tickets = ticketsKeepComing(rig);
            Await.until(Duration.ofSeconds(60), () -> district.events(UplinkRig.DEVICE).distinct() >= 30, () -> "first tickets");
            broker.stop();
            Await.until(Duration.ofSeconds(60), () -> !"connected".equals(rig.uplink.status().link()), () -> "link noticed down");
            long before = rig.outbox.lastSeq();
            Await.until(Duration.ofSeconds(60), () -> rig.outbox.lastSeq() >= before + 100, () -> "tickets while down");
            assertTrue(rig.outbox.pendingCount() >= 100, "the office kept working; its events wait in the outbox");
            broker.start();
            Await.until(Duration.ofSeconds(60), () -> "connected".equals(rig.uplink.status().link()), () -> rig.uplink.status().toString());
            Thread.sleep(300); // a few more live tickets alongside the replay
            tickets.cancel(false);
            assertDistrictHoldsEverythingOnce(rig);
            assertTrue(district.events(UplinkRig.DEVICE).replayedCount() >= 100, "buffered events arrive flagged replayed");
        }
    }

    @Test
    void theNetworkIsCutLongerThanTheKeepAlive(@TempDir Path appDir) throws Exception {
        try (UplinkRig rig = new UplinkRig(broker, appDir, 2, false)) {
            rig.uplink.start();
            ScheduledFuture<?> tickets = ticketsKeepComing(rig);
            Await.until(Duration.ofSeconds(60), () -> district.events(UplinkRig.DEVICE).distinct() >= 30, () -> "first tickets");
            broker.freeze(); // no FIN, no RST: only the keep-alive can tell
            Await.until(Duration.ofSeconds(60), () -> !"connected".equals(rig.uplink.status().link()),
                    () -> "keep-alive noticed the cut: " + rig.uplink.status());
            Thread.sleep(3000); // stay cut a while longer: reconnect attempts time out against the frozen broker
            broker.thaw();
            Await.until(Duration.ofSeconds(60), () -> "connected".equals(rig.uplink.status().link()), () -> rig.uplink.status().toString());
            Thread.sleep(300);
            tickets.cancel(false);
            assertDistrictHoldsEverythingOnce(rig);
            Await.until(Duration.ofSeconds(60), () -> district.latest("motcua/v1/" + UplinkRig.DEVICE + "/status").contains("online"),
                    () -> "birth after the will: " + district.latest("motcua/v1/" + UplinkRig.DEVICE + "/status"));
        }
    }
}
