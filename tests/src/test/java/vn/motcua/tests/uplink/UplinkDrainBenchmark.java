package vn.motcua.tests.uplink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.DayState;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.uplink.EventMessages;
import vn.motcua.appliance.uplink.InMemoryDossierCache;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.appliance.uplink.TlsContexts;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * Benchmark, not a test (no timed assertion): drains 50,000 buffered events to a loopback Mosquitto
 * (TLS) while a live event is committed every 20 ms; once from the H2 outbox through
 * {@link MqttUplink}, once from Paho's own {@link MqttDefaultFilePersistence} disconnected buffer.
 * Run: {@code ./mvnw -B -q -pl tests -am test -Dtest=UplinkDrainBenchmark -Dmotcua.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class UplinkDrainBenchmark {
    static final int BACKLOG = Integer.getInteger("motcua.bench.backlog", 50_000);
    /** A busy office calls a ticket every few seconds; 100 ms is far busier, to load the live lane. */
    /** The paced run's backlog rate (the appliance default is 500/s; 1000/s keeps the run short). */
    static final int PACE = Integer.getInteger("motcua.bench.pace", 1000);
    static final int LIVE_MS = Integer.getInteger("motcua.bench.liveMs", 100);
    @TempDir Path dir;

    @Test
    void drainFiftyThousandBufferedEventsWhileLiveEventsFlow() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startTls(dir, TestPki.create(dir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            DrainRun ours = new DrainRun(BACKLOG);
            DrainRun paced = new DrainRun(BACKLOG);
            DrainRun paho = new DrainRun(BACKLOG);
            Map<String, DrainRun> byOffice = Map.of("bench/h2/kiosk-1", ours, "bench/h2paced/kiosk-1", paced, "bench/paho/kiosk-1", paho);
            district.onEvent((device, e) -> byOffice.get(device).arrived(e));
            runOutbox(broker, ours, "h2", 0);
            System.out.println(ours.summary("H2 outbox + MqttUplink (unpaced)"));
            runOutbox(broker, paced, "h2paced", PACE);
            System.out.println(paced.summary("H2 outbox + MqttUplink (" + PACE + "/s)"));
            runPahoFileBuffer(broker, paho);
            String report = ours.summary("H2 outbox + MqttUplink (unpaced)") + "\n"
                    + paced.summary("H2 outbox + MqttUplink (" + PACE + "/s)") + "\n" + paho.summary("Paho MqttDefaultFilePersistence")
                    + String.format("%nratios (Paho / ours): drain time %.2fx, live p99 %.1fx%n",
                    paho.drainSeconds() / ours.drainSeconds(), paho.liveMillis(0.99) / ours.liveMillis(0.99));
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-uplink.txt"), report);
        }
    }

    private void runOutbox(MosquittoBroker broker, DrainRun run, String office, int rate) throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = Files.createDirectories(dir.resolve(office));
        EventStamper stamper = new EventStamper("kiosk-1", clock, "bench-boot", () -> true);
        long t = System.nanoTime();
        try (QueueStore fill = new QueueStore(Database.open(data, clock).connection(), stamper, Watermarks.load(data), null)) {
            // A week of tickets, written 500 per transaction so the fill takes seconds, not minutes.
            DayState day = new DayState(java.time.LocalDate.now(clock), Map.of(), Map.of(), 0);
            for (int done = 0; done < BACKLOG; done += 500) {
                List<QueueEvent> events = new ArrayList<>();
                for (int i = done; i < Math.min(BACKLOG, done + 500); i++) {
                    events.add(new QueueEvent.TicketIssued(clock.instant(), "t" + i, "A" + (i % 1000), "ho-tich", "NORMAL",
                            i % 20, 300, null));
                }
                fill.commit(new CommandResult(events, List.of(), List.of(), day, null));
            }
        }
        run.fillNanos = System.nanoTime() - t;
        Path secrets = dir.resolve("bench.secrets");
        Files.writeString(secrets, "mqtt.password=office-pass\n");
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        UplinkConfig cfg = UplinkConfig.defaults(URI.create(broker.uri()), "bench", office, "kiosk-1", broker.pki().caCert(), data)
                .withCredentials("office", secrets, null).withDrain(8, 64, rate);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService residents = Executors.newSingleThreadScheduledExecutor();
        try (QueueStore store = new QueueStore(Database.open(data, clock).connection(), stamper, Watermarks.load(data),
                CommitJournal.open(data, 4L << 20))) { // durable live commits, as the appliance makes them
            MqttUplink uplink = new MqttUplink(cfg, "bench", "bench-boot", store,
                    new UplinkPorts(null, null, new InMemoryDossierCache(10)), scheduler, clock);
            run.startNanos = System.nanoTime();
            uplink.start();
            // Live events are those committed once the session is up; earlier ones are backlog by definition.
            Await.until(Duration.ofSeconds(30), () -> "connected".equals(uplink.status().link()), () -> "uplink up");
            ScheduledFuture<?> live = residents.scheduleAtFixedRate(() -> {
                long t0 = System.nanoTime();
                OutboxEvent e = store.append("ticket.called", Map.of("ticket", "B001", "counter", 3));
                run.liveCommittedNanos.put(e.seq(), t0);
                uplink.eventsCommitted();
            }, 0, LIVE_MS, TimeUnit.MILLISECONDS);
            Await.until(Duration.ofMinutes(5), () -> run.backlogDoneNanos != 0, () -> run.backlogArrived() + " backlog events");
            live.cancel(false);
            Thread.sleep(500);
            uplink.close();
        } finally {
            residents.shutdownNow();
            scheduler.shutdownNow();
        }
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
