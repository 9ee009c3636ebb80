package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.bus.Await;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.harness.Ports;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * The appliance as a real process, with its real H2 outbox: killed with SIGKILL in the middle of draining a
 * backlog to the broker and started again; and, in another run, the broker stopped and restarted, then frozen
 * longer than the keep-alive, while residents take tickets. The district still ends with every event exactly
 * once after dropping duplicates by id, in seq order, without a gap.
 */
class ApplianceKillTest {
    static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    static final String[] SERVICES = {"ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc"};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApplianceKillTest.class);

    @TempDir Path dir;
    Process appliance;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAppliance() throws InterruptedException {
        if (appliance != null && appliance.isAlive()) {
            appliance.destroy();
            appliance.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidDrainAndRestartedTheDistrictStillGetsEveryEventOnce() throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (MosquittoBroker broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            int port = Ports.forAListener();
            // Paced at 10/s, the 200-event backlog takes ~20 s to drain, so the kill after 40 lands mid-drain
            // even on a loaded machine (at 100/s a slow CI run once saw all 200 arrive before the kill).
            Path conf = writeConfig(broker, port, 10);
            broker.stop(); // the district link is down while the morning's tickets are issued
            log.info("kill test: broker and district up");
            appliance = launch(conf);
            log.info("kill test: appliance up");
            for (int i = 0; i < 200; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
            }
            ReceivedEvents got = district.events(DEVICE);
            log.info("kill test: 200 tickets issued while the link was down");
            broker.start();
            Await.until(Duration.ofSeconds(60), () -> got.distinct() >= 40,
                    () -> got.distinct() + " events at the district; the appliance's log ends:\n" + logTail());
            appliance.destroyForcibly(); // SIGKILL, mid-drain
            appliance.waitFor(10, TimeUnit.SECONDS);
            assertTrue(got.distinct() < 200, "killed before the backlog was drained (" + got.distinct() + ")");

            log.info("kill test: killed with {} of 200 at the district", got.distinct());
            appliance = launch(conf);
            log.info("kill test: restarted");
            for (int i = 0; i < 20; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
            }
            Await.until(Duration.ofSeconds(90), () -> got.distinct() >= 220 && got.gaps().isEmpty() && health(port),
                    () -> got.distinct() + " events at the district, gaps " + got.gaps() + "; the appliance's log ends:\n"
                            + logTail());
            log.info("kill test: drained, {} duplicates dropped by the district", got.duplicates());
            Thread.sleep(1000); // anything still in flight lands, so duplicates are counted too
            assertEquals(List.of(), got.gaps());
            assertEquals(List.of(), got.violations());
            long last = got.inSeqOrder().getLast().seq();
            assertEquals(last, got.distinct(), "seqs 1..n, each once");
            String base = "motcua/v1/" + DEVICE;
            Await.until(Duration.ofSeconds(15), () -> String.valueOf(district.latest(base + "/telemetry")).contains("\"outboxDepth\":0")
                    && district.latest(base + "/queue") != null, () -> "heartbeat with an empty outbox, and a queue snapshot");
            assertTrue(district.latest(base + "/queue").contains("\"code\":\"ho-tich\",\"prefix\":\"A\",\"waiting\":"),
                    district.latest(base + "/queue"));
            assertTrue(district.latest(base + "/status").contains("online"), district.latest(base + "/status"));
        }
    }

    @Test
    void theLinkFailsWhileResidentsTakeTicketsAndTheDistrictStillGetsEveryEventOnce() throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (MosquittoBroker broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            int port = Ports.forAListener();
            appliance = launch(writeConfig(broker, port, 100));
            ReceivedEvents got = district.events(DEVICE);
            for (int i = 0; i < 20; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
            }
            broker.stop(); // the district's broker goes down for a while
            for (int i = 0; i < 20; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
                Thread.sleep(50);
            }
            broker.start();
            for (int i = 0; i < 20; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
            }
            broker.freeze(); // the network cut without a FIN: only the keep-alive (5 s here) can notice
            for (int i = 0; i < 20; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
                Thread.sleep(400);
            }
            broker.thaw();
            for (int i = 0; i < 10; i++) {
                takeTicket(port, SERVICES[i % SERVICES.length]);
            }
            Await.until(Duration.ofSeconds(120), () -> health(port) && got.gaps().isEmpty() && got.distinct() >= 90,
                    () -> got.distinct() + " events at the district, gaps " + got.gaps() + "; the appliance's log ends:\n"
                            + logTail());
            Thread.sleep(1000);
            assertEquals(List.of(), got.gaps());
            assertEquals(List.of(), got.violations());
            assertEquals(got.inSeqOrder().getLast().seq(), got.distinct(), "seqs 1..n, each once");
        }
    }

    private boolean health(int port) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.contains("pending 0") && body.contains("connected, 0 events waiting");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void takeTicket(int port, String service) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"" + service + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private Process launch(Path conf) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                vn.motcua.appliance.Main.class.getName(), "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("appliance.log").toFile()))
                .start();
        Await.until(Duration.ofSeconds(60), () -> !p.isAlive() || log().contains("serving on"), () -> "appliance start: " + log());
        assertTrue(p.isAlive(), log());
        Files.writeString(dir.resolve("appliance.log"), "\n--- started ---\n", StandardOpenOption.APPEND);
        return p;
    }

    private String log() {
        try {
            String s = Files.readString(dir.resolve("appliance.log"));
            int cut = s.lastIndexOf("--- started ---");
            return cut < 0 ? s : s.substring(cut);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the appliance's log since its last start: what a failed wait is diagnosed from. */
    private String logTail() {
        return ApplianceProcess.lastLines(log(), 40);
    }

    private Path writeConfig(MosquittoBroker broker, int port, int backlogRate) throws IOException {
        String demo = Files.readString(Path.of(System.getProperty("user.dir"), "..", "appliance", "src", "main", "dist", "demo.conf"));
        String conf = demo.replaceFirst("data_dir\\s*=\\s*\"[^\"]*\"", "data_dir = \"" + dir.resolve("data") + "\"")
                .replaceFirst("port\\s*=\\s*8080", "port = " + port)
                + StandIns.uplinkToml(broker, dir, backlogRate);
        Path f = dir.resolve("appliance.conf");
        Files.writeString(f, conf);
        return f;
    }

}
