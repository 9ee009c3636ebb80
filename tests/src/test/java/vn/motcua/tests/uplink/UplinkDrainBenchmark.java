package vn.motcua.tests.uplink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.uplink.EventMessages;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.TlsContexts;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * Benchmark, not a test (no timed assertion): drains 50,000 buffered events to a loopback Mosquitto
 * (TLS) while a live event is committed every 20 ms, in one run on one broker: the live lane alone first (the
 * no-backlog baseline), then the H2 outbox through {@link MqttUplink} paced at a fixed 500/s (the old default,
 * {@code backlog_rate = 500}), then paced by its PUBACKs ({@code BacklogWindow}, no fixed rate, the default), then
 * the same to a district taking 1,000 events/s on a broker of its own (paced by its receipts too), and
 * with {@code -Dmotcua.bench.paho=true} Paho's own {@link MqttDefaultFilePersistence} disconnected buffer
 * (minutes: it reads every persisted message back before reconnecting). The short form is {@link UplinkDrainTest}.
 * Run: {@code ./mvnw -B -q -pl tests -am test -Dtest=UplinkDrainBenchmark -Dmotcua.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class UplinkDrainBenchmark {
    static final int BACKLOG = Integer.getInteger("motcua.bench.backlog", 50_000);
    /** The fixed pace of the baseline run: the appliance's old default. */
    static final int PACE = Integer.getInteger("motcua.bench.pace", 500);
    /**
     * A busy office calls a ticket every few seconds; 20 ms is far busier, to load the live lane and to time enough
     * live events that the p99 is not the slowest one (at 100 ms a 7 s drain timed 62: its p99 was its maximum).
     */
    static final int LIVE_MS = Integer.getInteger("motcua.bench.liveMs", 20);
    /** Live events timed with no backlog (the baseline): 500, so its p99 is the 5th slowest. */
    static final int BASE_LIVE = Integer.getInteger("motcua.bench.baseLive", 500);
    /** Whether to run the fixed-pace baseline (backlog / pace seconds: 100 s for 50,000 at 500/s). */
    static final boolean FIXED = Boolean.parseBoolean(System.getProperty("motcua.bench.fixed", "true"));
    static final boolean PAHO = Boolean.getBoolean("motcua.bench.paho");
    /** The slow district's pace, events/s. */
    static final int SLOW_RATE = Integer.getInteger("motcua.bench.slowRate", 1_000);
    @TempDir Path dir;

    /** Not the tests' 5 minutes: 50,000 to the slow district alone take 50-90 s on a quiet machine, far more on a busy one. */
    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void drainFiftyThousandBufferedEventsWhileLiveEventsFlow() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startTls(dir, TestPki.create(dir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            DrainRun base = new DrainRun(0);
            DrainRun paced = new DrainRun(BACKLOG);
            DrainRun window = new DrainRun(BACKLOG);
            DrainRun paho = new DrainRun(BACKLOG);
            DrainRun noReceipts = new DrainRun(BACKLOG);
            Map<String, DrainRun> byOffice = Map.of("bench/base/kiosk-1", base, "bench/h2paced/kiosk-1", paced,
                    "bench/h2window/kiosk-1", window, "bench/paho/kiosk-1", paho, "bench/h2norcpt/kiosk-1", noReceipts);
            district.onEvent((device, e) -> byOffice.get(device).arrived(e));
            String load0 = load();
            OutboxDrain.run(broker, dir, "base", base, new OutboxDrain.Pace(8, 64, 0, LIVE_MS, BASE_LIVE), Duration.ofMinutes(5));
            System.out.println(base.summary("live lane alone (no backlog)"));
            if (FIXED) {
                OutboxDrain.run(broker, dir, "h2paced", paced, new OutboxDrain.Pace(8, 64, PACE, LIVE_MS, 0), Duration.ofMinutes(15));
                System.out.println(paced.summary("H2 outbox, fixed " + PACE + "/s"));
            }
            OutboxDrain.run(broker, dir, "h2window", window, new OutboxDrain.Pace(8, 64, 0, LIVE_MS, 0), Duration.ofMinutes(15));
            System.out.println(window.summary("H2 outbox, PUBACK window"));
            district.sendsReceipts(false); // a district from before receipts: the window alone, after a 2 s wait
            OutboxDrain.run(broker, dir, "h2norcpt", noReceipts, new OutboxDrain.Pace(8, 64, 0, LIVE_MS, 0),
                    Duration.ofMinutes(15));
            district.sendsReceipts(true);
            StringBuilder report = new StringBuilder()
                    .append(base.summary("live lane alone (no backlog)")).append('\n')
                    .append(FIXED ? paced.summary("H2 outbox, fixed " + PACE + "/s") + "\n" : "")
                    .append(window.summary("H2 outbox, PUBACK window")).append('\n')
                    .append(noReceipts.summary("the same, no receipts")).append('\n');
            if (PAHO) {
                runPahoFileBuffer(broker, paho);
                report.append(paho.summary("Paho MqttDefaultFilePersistence")).append('\n');
            }
            report.append(String.format("ratios (same run): drain time fixed %d/s / window %.2fx; live p99 during the"
                            + " window's drain / no backlog %.2fx (no receipts: %.2fx; fixed pace: %.2fx)%nload average before: %s, after: %s%n",
                    PACE, paced.drainSeconds() / window.drainSeconds(), window.liveMillis(0.99) / base.liveMillis(0.99),
                    noReceipts.liveMillis(0.99) / base.liveMillis(0.99), paced.liveMillis(0.99) / base.liveMillis(0.99), load0, load()));
            report.append(slowDistrict()).append('\n');
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-uplink.txt"), report.toString());
        }
    }

    /**
     * The same backlog to a district that takes at most {@link #SLOW_RATE} events/s (it blocks in Paho's callback), on a
     * broker of its own: the drain follows its pace through its receipts, and the live lane's p99 against the no-backlog
     * one of the same district.
     */
    private String slowDistrict() throws Exception {
        Path slowDir = Files.createDirectories(dir.resolve("slow"));
        try (MosquittoBroker broker = MosquittoBroker.startTls(slowDir, TestPki.create(slowDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            DrainRun base = new DrainRun(0);
            DrainRun window = new DrainRun(BACKLOG);
            Map<String, DrainRun> byOffice = Map.of("bench/base/kiosk-1", base, "bench/h2window/kiosk-1", window);
            OutboxDrain.slowDistrict(district, byOffice, SLOW_RATE);
            OutboxDrain.run(broker, slowDir, "base", base, new OutboxDrain.Pace(8, 64, 0, LIVE_MS, BASE_LIVE), Duration.ofMinutes(5));
            OutboxDrain.run(broker, slowDir, "h2window", window, new OutboxDrain.Pace(8, 64, 0, LIVE_MS, 0),
                    Duration.ofMinutes(15));
            return base.summary("slow district (" + SLOW_RATE + "/s), no backlog") + "\n"
                    + window.summary("slow district (" + SLOW_RATE + "/s), window + receipts") + "\n"
                    + String.format("slow district: drain %.0f events/s against its %d/s; live p99 during the drain / no"
                            + " backlog %.2fx; load %s", window.eventsPerSecond(), SLOW_RATE,
                    window.liveMillis(0.99) / base.liveMillis(0.99), load());
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private void runPahoFileBuffer(MosquittoBroker broker, DrainRun run) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.uri(), "bench-paho-file",
                new MqttDefaultFilePersistence(Files.createDirectories(dir.resolve("paho")).toString()));
        DisconnectedBufferOptions b = new DisconnectedBufferOptions();
        b.setBufferEnabled(true);
        b.setBufferSize(BACKLOG + 10_000);
        b.setPersistBuffer(true);
        b.setDeleteOldestMessages(false);
        c.setBufferOpts(b);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName("office");
        o.setPassword("office-pass".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        o.setSocketFactory(TlsContexts.socketFactory(broker.pki().caCert(), null, null));
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true); // Paho buffers only while it is reconnecting after a lost link
        o.setAutomaticReconnectDelay(1, 1);
        c.connect(o).waitForCompletion(10_000);
        broker.stop(); // the link drops; what is published now goes to Paho's file-persisted buffer
        Await.until(Duration.ofSeconds(10), () -> !c.isConnected(), () -> "Paho notices the drop");
        String topic = "motcua/v1/bench/paho/kiosk-1/event/";
        long t = System.nanoTime();
        for (int i = 1; i <= BACKLOG; i++) {
            c.publish(topic + "ticket.issued", message(i, "ticket.issued", true));
        }
        run.fillNanos = System.nanoTime() - t;
        ScheduledExecutorService residents = Executors.newSingleThreadScheduledExecutor();
        try {
            run.startNanos = System.nanoTime();
            broker.start(); // Paho reconnects by itself and drains its buffer
            // Paho reads every persisted message back before it reconnects: minutes for 50,000 files.
            Await.until(Duration.ofMinutes(15), c::isConnected, () -> "Paho reconnected");
            long[] next = {BACKLOG};
            ScheduledFuture<?> live = residents.scheduleAtFixedRate(() -> {
                long seq = ++next[0];
                run.liveCommittedNanos.put(seq, System.nanoTime());
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    try {
                        c.publish(topic + "ticket.called", message(seq, "ticket.called", false));
                        return;
                    } catch (MqttException full) {
                        sleep(); // Paho's window is full of backlog: the live event waits its turn
                    }
                }
            }, 0, LIVE_MS, TimeUnit.MILLISECONDS);
            Await.until(Duration.ofMinutes(10), () -> run.backlogDoneNanos != 0, () -> run.backlogArrived() + " backlog events (Paho)");
            live.cancel(false);
            Thread.sleep(500);
        } finally {
            residents.shutdownNow();
            try {
                c.disconnect().waitForCompletion(5_000);
            } catch (MqttException alreadyDown) {
                // the run is over either way
            }
            c.close(true);
        }
    }

    private static MqttMessage message(long seq, String type, boolean replayed) {
        OutboxEvent e = new OutboxEvent(seq, java.util.UUID.randomUUID().toString(), "kiosk-1", java.time.Instant.now(), 0,
                "bench-boot", true, type, "{\"ticket\":\"A" + (seq % 1000) + "\",\"service\":\"ho-tich\"}");
        MqttMessage m = new MqttMessage(EventMessages.encode(e, replayed));
        m.setQos(1);
        return m;
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
