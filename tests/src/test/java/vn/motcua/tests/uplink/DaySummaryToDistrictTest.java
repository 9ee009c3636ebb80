package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * The end-of-day summary reaches the district over the real uplink (Mosquitto, TLS, password) once: the appliance
 * in-process with a clock the test moves across the 04:00 roll, then restarted on the same data.
 */
class DaySummaryToDistrictTest {
    private static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The wall clock until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) { now = instant; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void theDaysFiguresReachTheDistrictOnceAcrossARestart(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startTls(dir, TestPki.create(dir),
                UplinkRig.USER, UplinkRig.PASSWORD);
             DistrictServer district = StandIns.district(broker)) {
            ReceivedEvents got = district.events(DEVICE);
            Path secrets = dir.resolve("uplink.secrets");
            Files.writeString(secrets, "mqtt.password=" + UplinkRig.PASSWORD + "\n");
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
            String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                    .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("app") + "\"")
                    .replace("port           = 8080", "port = 0")
                    .replace("[web]\n", "[uplink]\nenabled = true\nbroker = \"" + broker.uri() + "\"\nca_file = \""
                            + broker.pki().caCert() + "\"\nusername = \"" + UplinkRig.USER + "\"\nsecrets_file = \""
                            + secrets + "\"\n\n[web]\n");
            MovableClock clock = new MovableClock();
            try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), clock)) {
                a.start();
                a.queue().execute(e -> e.openCounter(1, "lan"));
                a.queue().execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
                a.queue().execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
                a.queue().execute(e -> e.callNext(1));
                a.queue().execute(e -> e.startService(1));
                a.queue().execute(e -> e.finish(1));
                clock.set(clock.instant().atZone(HANOI).toLocalDate().plusDays(1).atTime(LocalTime.of(4, 0, 1))
                        .atZone(HANOI).toInstant());
                a.queue().tick();
                Await.until(Duration.ofSeconds(60), () -> summaries(got).size() == 1, () -> "the summary at the district");
            }
            try (Appliance again = new Appliance(ConfigLoader.parse(toml, "test"), clock)) {
                again.start();
                again.queue().tick();
                Await.until(Duration.ofSeconds(60), () -> again.store().pendingCount() == 0, () -> "outbox drained");
            }
            List<ReceivedEvents.Event> summaries = summaries(got);
            assertEquals(1, summaries.size(), "once, whatever the restarts");
            String json = summaries.getFirst().json();
            var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("payload");
            assertEquals(2, payload.at("/total/tickets").asInt(), json);
            assertEquals(1, payload.at("/total/called").asInt(), json);
            assertEquals(1, payload.at("/total/served").asInt(), json);
            assertEquals(1, payload.at("/staff/lan/tickets").asInt(), json);
            assertEquals(1, payload.at("/staff/lan/served").asInt(), json);
            assertEquals(List.of(), got.gaps());
        }
    }

    private static List<ReceivedEvents.Event> summaries(ReceivedEvents got) {
        return got.inSeqOrder().stream().filter(e -> e.type().equals("day.summary")).toList();
    }
}
