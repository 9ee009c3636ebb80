package vn.motcua.tests.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;
import vn.motcua.tests.uplink.StandIns;

/**
 * The corrupt-at-boot matrix on a device whose district link is up: real Mosquitto with TLS and a password, the
 * district stand-in holding every event the device sent. Whatever file is damaged, the device gives back the whole
 * day (from its journal, its database, or the district's copy of its events): no cell loses anything.
 */
class CorruptAtBootWithDistrictTest extends CorruptAtBootMatrix {
    private static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private MosquittoBroker broker;
    private DistrictServer district;
    private final Map<String, List<ReceivedEvents.Event>> heldAt = new HashMap<>();

    @Override
    String configAddition() throws Exception {
        if (broker == null) {
            Path brokerDir = Files.createDirectories(dir.resolve("broker"));
            broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
            district = StandIns.district(broker);
        }
        return StandIns.uplinkToml(broker, dir, 1000);
    }

    @Override
    void delivered(ApplianceProcess app, String when) throws Exception {
        ReceivedEvents got = district.events(DEVICE);
        Await.until(LIMIT, () -> got.gaps().isEmpty() && got.distinct() == eventsIn(app),
                () -> got.distinct() + " events at the district, " + eventsIn(app) + " in the outbox, gaps " + got.gaps());
        heldAt.put(when, got.inSeqOrder());
    }

    @Override
    void districtAsAt(String when) throws InterruptedException {
        // the last cell's appliance is stopped, but its last events may still be on their way: let them land first
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline && seen != district.events(DEVICE).received()) {
            seen = district.events(DEVICE).received();
            Thread.sleep(300);
        }
        district.replace(DEVICE, heldAt.get(when));
    }

    @Override
    boolean districtHoldsTheDay() {
        return true;
    }

    @AfterAll
    void stopTheDistrict() throws Exception {
        if (district != null) {
            district.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static long eventsIn(ApplianceProcess app) {
        try {
            long n = 0;
            for (JsonNode v : EventJson.mapper().readTree(app.get("/api/outbox/counts").body())) {
                n += v.asLong();
            }
            return n;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }
}
