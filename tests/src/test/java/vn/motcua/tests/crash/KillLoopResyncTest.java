package vn.motcua.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

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
 * An office day run from outside while the appliance is SIGKILLed over and over, some kills during start-up (in the
 * middle of journal replay and the checkpoint after it), and the district's broker is stopped now and then. At the
 * end the district asks for a full resync from seq 1.
 *
 * <p>What must hold: every acknowledged ticket, call and finish is in the store as acknowledged (or later); no number
 * issued twice; the outbox holds every seq from 1 without a gap; the district received every seq, and a resync
 * sent it every seq again. One failure is a bug: this class runs without reruns (tests/pom.xml).
 *
 * <p>Default 25 kills; {@code -Psoak} runs 500 ({@code -Dmotcua.killLoop.kills=N} for any other count).
 */
class KillLoopResyncTest {
    private static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    private static final String[] SERVICES = {"ho-tich", "dat-dai", "chung-thuc"};
    private static final int[] COUNTERS = {1, 3, 8};

    /** Kept when the test fails: the appliance's log and its data are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** What the appliance acknowledged, by ticket number: the last state it answered with. */
    private final Map<String, String> acknowledged = new HashMap<>();
    private int acknowledgedCommands;

    @Test
    void noKillLosesAnAcknowledgedCommandOrASeqAndAFullResyncResendsEverySeq() throws Exception {
        long seed = Long.getLong("motcua.crashSeed", System.nanoTime());
        int kills = Integer.getInteger("motcua.killLoop.kills", Boolean.getBoolean("motcua.soak") ? 500 : 25);
        Random random = new Random(seed);
        String why = " (seed " + seed + ", rerun with -Dmotcua.crashSeed=" + seed + "; log and data in " + dir + ")";
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (MosquittoBroker broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            String uplink = uplink(broker);
            // Caps raised (4-digit numbers) so the 500-kill soak still has residents to serve to its last kill.
            run(broker, district, new ApplianceProcess(dir, toml -> toml.replaceAll("daily_cap\\s*=\\s*\\d+", "daily_cap = 9999")
                    + uplink), kills, random, why, killer);
        } finally {
            killer.shutdownNow();
        }
    }

    private void run(MosquittoBroker broker, DistrictServer district, ApplianceProcess app, int kills, Random random,
                     String why, ScheduledExecutorService killer) throws Exception {
        long started = System.nanoTime();
        int startupKills = 0;
        int brokerStops = 0;
        try (app) {
            for (int round = 0; round < kills; round++) {
                if (round % 4 == 1) {
                    // during start-up: H2 opening, the journal replayed, the checkpoint after it
                    app.launch();
                    Thread.sleep(100 + random.nextInt(2500));
                    app.kill();
                    startupKills++;
                    continue;
                }
                boolean brokerDown = round % 9 == 4;
                if (brokerDown) {
                    broker.stop();
                    brokerStops++;
                }
                app.start();
                AtomicBoolean killed = new AtomicBoolean();
                killer.schedule(() -> {
                    app.kill(); // returns once the process is gone: only then may the next one start
                    killed.set(true);
                    return null;
                }, 200 + random.nextInt(1500), TimeUnit.MILLISECONDS);
                try {
                    for (int c : COUNTERS) {
                        app.post("/api/counters/" + c + "/open", "{\"staff\":\"clerk" + c + "\"}");
                    }
                    for (int commands = 0; !killed.get() && commands < 5_000; commands++) {
                        step(app, random);
                    }
                } catch (IOException connectionLost) {
                    // killed mid-request: not acknowledged, so nothing is owed
                }
                while (!killed.get()) {
                    Thread.sleep(10);
                }
                if (brokerDown) {
                    broker.start();
                }
                if ((round + 1) % 50 == 0) {
                    System.out.printf("KILL LOOP progress: %d of %d kills, %d acknowledged commands, %d s%n", round + 1,
                            kills, acknowledgedCommands, (System.nanoTime() - started) / 1_000_000_000);
                }
            }
            long killPhaseSeconds = (System.nanoTime() - started) / 1_000_000_000;

            // A clean start: everything in the outbox reaches the district, then the district asks for all of it again.
            app.start();
            long total = outboxTotal(app);
            ReceivedEvents got = district.events(DEVICE);
            Await.until(Duration.ofSeconds(180), () -> got.distinct() >= total && got.gaps().isEmpty(),
                    () -> got.distinct() + " of " + total + " events at the district, gaps " + got.gaps() + why);
            assertEquals(List.of(), got.violations(), why);
            assertEquals(total, got.inSeqOrder().getLast().seq(), "the district's last seq is the outbox's" + why);
            district.forget(DEVICE);
            ReceivedEvents resent = district.events(DEVICE);
            // Resent until acknowledged, as a district does: the office may have restarted with every event already
            // at the district (sent before the last kill, not yet marked), so the wait above can end before the
            // office has subscribed to its commands (a clean session: the broker drops a command sent before that).
            String ack = district.commandUntilAcked(DEVICE, "resync", "c-kill-loop", "{\"id\":\"c-kill-loop\",\"fromSeq\":1}",
                    120, Duration.ofSeconds(2), Duration.ofSeconds(120));
            assertTrue(ack.contains("\"done\""), "the resync was accepted: " + ack + why);
            Await.until(Duration.ofSeconds(300), () -> resent.distinct() >= total && resent.gaps().isEmpty(),
                    () -> resent.distinct() + " of " + total + " events resent, gaps " + resent.gaps() + why);
            List<Long> missingFromResync = new ArrayList<>();
            List<Long> seqs = resent.inSeqOrder().stream().map(ReceivedEvents.Event::seq).toList();
            for (long s = 1; s <= total; s++) {
                if (!seqs.contains(s)) {
                    missingFromResync.add(s);
                }
            }
            assertEquals(List.of(), missingFromResync, "seqs a full resync could not resend" + why);
            assertTrue(app.get("/healthz").body().contains("\"store\":{\"ok\":true"),
                    "no kill left a store problem to report: " + app.get("/healthz").body() + why);
            app.stop();

            StoredQueue stored = StoredQueue.read(app.dataDir());
            checkAcknowledged(stored, why);
            for (int i = 0; i < stored.seqs().size(); i++) {
                assertEquals(i + 1, stored.seqs().get(i), "outbox sequence has no gap or repeat" + why);
            }
            assertEquals(stored.eventIds().size(), new java.util.HashSet<>(stored.eventIds()).size(), "event ids unique" + why);
            assertTrue(acknowledged.size() > 3 * kills / 4, "enough tickets were acknowledged to mean something: "
                    + acknowledged.size() + why);
            System.out.printf("KILL LOOP: %d kills (%d during start-up), broker stopped %d times, %d acknowledged commands,"
                            + " %d tickets, %d seqs, all resent; 0 lost, 0 gaps; %d s%n", kills, startupKills, brokerStops,
                    acknowledgedCommands, acknowledged.size(), total, killPhaseSeconds);
        }
    }

    private void checkAcknowledged(StoredQueue stored, String why) {
        for (Map.Entry<String, String> a : acknowledged.entrySet()) {
            String now = stored.statusByNumber().get(a.getKey());
            assertTrue(now != null, "acknowledged ticket " + a.getKey() + " lost" + why);
            boolean ok = switch (a.getValue()) {
                case "WAITING" -> true; // anything it became later is fine: it exists
                case "CALLED" -> !now.equals("WAITING");
                case "FINISHED" -> now.equals("FINISHED");
                default -> true;
            };
            assertTrue(ok, "acknowledged " + a.getValue() + " of " + a.getKey() + " undone: now " + now + why);
        }
        for (Map.Entry<String, String> t : stored.statusByNumber().entrySet()) {
            Map<String, Integer> ev = stored.eventsByNumber().getOrDefault(t.getKey(), Map.of());
            assertEquals(1, ev.getOrDefault("ticket.issued", 0), t.getKey() + " issued events " + ev + why);
            if (t.getValue().equals("FINISHED")) {
                assertEquals(1, ev.getOrDefault("ticket.finished", 0), t.getKey() + " finished events " + ev + why);
            }
        }
    }

    private void step(ApplianceProcess app, Random random) throws IOException, InterruptedException {
        int k = random.nextInt(SERVICES.length);
        int roll = random.nextInt(6);
        HttpResponse<String> r;
        if (roll < 2) {
            r = app.post("/api/tickets", "{\"service\":\"" + SERVICES[k] + "\"}");
        } else if (roll < 4) {
            r = app.post("/api/counters/" + COUNTERS[k] + "/call-next", null);
        } else {
            r = app.post("/api/counters/" + COUNTERS[k] + "/finish", null);
        }
        if (r.statusCode() / 100 != 2) {
            return; // refused (nobody waiting, nothing to finish): nothing acknowledged
        }
        JsonNode t = EventJson.mapper().readTree(r.body()).path("ticket");
        if (t.isObject()) {
            acknowledged.put(t.path("number").asText(), t.path("status").asText());
            acknowledgedCommands++;
        }
    }

    private static long outboxTotal(ApplianceProcess app) throws IOException, InterruptedException {
        long total = 0;
        for (var e : EventJson.mapper().readTree(app.get("/api/outbox/counts").body()).properties()) {
            total += e.getValue().asLong();
        }
        return total;
    }

    private String uplink(MosquittoBroker broker) throws IOException {
        Path secrets = dir.resolve("uplink.secrets");
        Files.writeString(secrets, "mqtt.password=office-pass\n");
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return "\n[uplink]\nbroker = \"" + broker.uri() + "\"\nca_file = \"" + broker.pki().caCert() + "\"\n"
                + "username = \"office\"\nsecrets_file = \"" + secrets + "\"\nkeep_alive = \"5s\"\nconnect_timeout = \"3s\"\n"
                + "reconnect_initial = \"200ms\"\nreconnect_max = \"1s\"\nbacklog_rate = 1000\nbacklog_window = 32\n"
                + "heartbeat = \"2s\"\n";
    }
}
