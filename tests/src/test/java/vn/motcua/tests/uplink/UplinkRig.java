package vn.motcua.tests.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.motcua.appliance.uplink.CommandHandler;
import vn.motcua.appliance.uplink.ConfigApplier;
import vn.motcua.appliance.uplink.InMemoryDossierCache;
import vn.motcua.appliance.uplink.MemoryOutbox;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.Outcome;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.tests.mqtt.MosquittoBroker;

/** One appliance's uplink wired as Main would, with recording ports, against a test broker. */
final class UplinkRig implements AutoCloseable {
    static final String DEVICE = "hoan-kiem/hang-bac/kiosk-1";
    static final String USER = "office-hang-bac";
    static final String PASSWORD = "office-test-pass";

    /** Accepts a config with at least one service, like the real domain check. */
    static final class Applier implements ConfigApplier {
        volatile String version;
        volatile JsonNode config;

        @Override public String currentVersion() { return version; }

        @Override public synchronized Outcome apply(String v, JsonNode c) {
            if (c.get("services").isEmpty()) {
                return Outcome.refused("an office needs at least one service");
            }
            version = v;
            config = c;
            return Outcome.done();
        }
    }

    final Clock clock = Clock.systemUTC();
    final MemoryOutbox outbox = new MemoryOutbox(clock);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final Applier applier = new Applier();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final InMemoryDossierCache dossiers = new InMemoryDossierCache(1000);
    final MqttUplink uplink;

    UplinkRig(MosquittoBroker broker, Path dir, int keepAliveS, boolean clientCert) throws Exception {
        this(config(broker, dir, keepAliveS, clientCert));
    }

    UplinkRig(UplinkConfig cfg) throws Exception {
        CommandHandler handler = new CommandHandler() {
            @Override public Outcome resetQueue(String reason) {
                commands.add("reset-queue:" + reason);
                return Outcome.done();
            }

            @Override public Outcome hallMessage(String vi, String en, Instant until) {
                commands.add("hall-message:" + vi + "|" + en);
                return Outcome.done();
            }
        };
        uplink = new MqttUplink(cfg, "0.1.0-test", "boot-" + System.nanoTime(), outbox,
                new UplinkPorts(applier, handler, dossiers), scheduler, clock);
    }

    static UplinkConfig config(MosquittoBroker broker, Path dir, int keepAliveS, boolean clientCert) throws Exception {
        Path secrets = dir.resolve("uplink.secrets");
        Files.writeString(secrets, "mqtt.password=" + PASSWORD + "\ntls.keystore.password=" + broker.pki().clientP12Password() + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        return UplinkConfig.defaults(URI.create(broker.uri()), "hoan-kiem", "hang-bac", "kiosk-1", broker.pki().caCert(), dir)
                .withCredentials(USER, secrets, clientCert ? broker.pki().clientP12() : null)
                .withTiming(Duration.ofSeconds(keepAliveS), Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofMillis(1500))
                .withDrain(8, 32, 0);
    }

    /** Commits {@code n} ticket events and tells the uplink, as the store would after its transaction. */
    void issueTickets(int n) {
        for (int i = 0; i < n; i++) {
            outbox.commit("ticket.issued", "{\"ticket\":\"A" + (outbox.lastSeq() + 1) + "\",\"service\":\"dat-dai\"}");
        }
        uplink.eventsCommitted();
    }

    @Override
    public void close() throws InterruptedException {
        uplink.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
