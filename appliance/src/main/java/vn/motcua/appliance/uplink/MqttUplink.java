package vn.motcua.appliance.uplink;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.store.Outbox;
import vn.motcua.retry.Backoff;

/**
 * The uplink to the district server: wiring of the link, the outbox pump, the inbound handlers,
 * the lookups and the periodic heartbeat. Construct once in Main, {@link #start()}, and call
 * {@link #eventsCommitted()} after each store transaction that wrote outbox rows.
 * All work runs on the appliance's scheduler; Paho's socket threads only hand messages over.
 */
public final class MqttUplink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttUplink.class);
    private static final long PUMP_TICK_MS = 250;
    private static final long SNAPSHOT_EXPIRY_S = 15 * 60;
    private static final EventSender.Completion IGNORE = new EventSender.Completion() {
        @Override public void acked() {}

        @Override public void failed(String reason) {}
    };

    private final UplinkConfig cfg;
    private final Topics topics;
    private final Outbox outbox;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String version;
    private final String bootId;
    private final Instant startedAt;
    private final PahoLink link;
    private final LinkSupervisor supervisor;
    private final OutboxPump pump;
    private final ConfigInbox configInbox;
    private final CommandInbox commandInbox;
    private final DossierLookup lookup;
    /** Null when the appliance takes no bookings. */
    private final BookingInbox bookingInbox;
    private final ReceiptInbox receiptInbox = new ReceiptInbox();
    private final StorageGuard storage;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicReference<LiveQueueMessage> snapshot = new AtomicReference<>();
    private final AtomicBoolean snapshotDirty = new AtomicBoolean();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    /** When guarded() last logged each failure: a repeated one is logged once a minute. */
    private final java.util.Map<String, java.time.Instant> failuresLogged = new java.util.concurrent.ConcurrentHashMap<>();

    public MqttUplink(UplinkConfig cfg, String version, String bootId, Outbox outbox, UplinkPorts ports,
                      ScheduledExecutorService scheduler, Clock clock)
            throws IOException, GeneralSecurityException, MqttException {
        this.cfg = cfg;
        this.topics = cfg.topics();
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.version = version;
        this.bootId = bootId;
        this.startedAt = clock.instant();
        UplinkSecrets secrets = UplinkSecrets.load(cfg.secretsFile());
        this.link = new PahoLink(cfg.brokerUri().toString(), "motcua-" + cfg.district() + "-" + cfg.office() + "-" + cfg.device(),
                topics, (t, m) -> Handoff.toScheduler(scheduler, "message", () -> route(t, m)), reason -> supervisorLost(reason));
        this.supervisor = new LinkSupervisor(link, options(secrets), scheduler,
                new Backoff(cfg.backoffInitial(), cfg.backoffMax(), Math::random), new LinkSupervisor.Listener() {
                    @Override public void up() { linkUp(); }

                    @Override public void down(String reason) { pump.disconnected(); }
                });
        this.pump = new OutboxPump(outbox, clock, cfg.liveWindow(), cfg.backlogWindow(), cfg.backlogRatePerSecond(),
                () -> supervisor.forceReconnect("a publish failed"), this::requestPump);
        this.configInbox = new ConfigInbox(ports.config(), clock);
        this.commandInbox = new CommandInbox(ports.commands(), pump::resyncFrom, clock);
        this.bookingInbox = ports.bookings() == null ? null : new BookingInbox(ports.bookings(), cfg.office());
        this.lookup = new DossierLookup((body, props, expiry) -> link.publish(topics.dossierRequest(), body, 1, false,
                expiry, props, IGNORE), topics.dossierResponse(), ports.dossiers(), scheduler, clock, cfg.lookupTimeout());
        this.storage = new StorageGuard(outbox, () -> {
            Long free = HostProbe.diskFree(cfg.storagePath());
            return free == null ? -1 : free;
        }, cfg.minFreeBytes(), cfg.maxPendingEvents(), cfg.retention(), clock);
    }

    public void start() {
        supervisor.start();
        timers.add(scheduler.scheduleWithFixedDelay(this::requestPump, PUMP_TICK_MS, PUMP_TICK_MS, TimeUnit.MILLISECONDS));
        long hb = cfg.heartbeatInterval().toMillis();
        timers.add(scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), hb / 4, hb, TimeUnit.MILLISECONDS));
        timers.add(scheduler.scheduleWithFixedDelay(() -> guarded("snapshot", this::flushSnapshot), 1, 1, TimeUnit.SECONDS));
    }

    /** Call after a store transaction wrote outbox rows: sends them now instead of at the next tick. */
    public void eventsCommitted() {
        requestPump();
    }

    /**
     * The store was reopened after failing to write: delivery marks made since its last write are lost, so those
     * events show as pending again while the live lane has passed them. A new session sends everything pending as
     * backlog (the district drops what it has by id), and the outbox drains to zero.
     */
    public void storeReopened() {
        supervisor.forceReconnect("store reopened");
    }

    /** Asks the district server where a dossier stands; completes within the lookup timeout, never exceptionally. */
    public CompletableFuture<DossierLookupResult> lookup(String slipCode) {
        return lookup.lookup(slipCode);
    }

    /** The live queue changed; the latest snapshot is published (retained) at most once a second. */
    public void queueChanged(LiveQueueMessage s) {
        snapshot.set(s);
        snapshotDirty.set(true);
    }

    /** Whether a heartbeat/telemetry event may be committed to the outbox now (false under storage pressure). */
    public boolean admitTelemetry() {
        return storage.admitTelemetry();
    }

    public UplinkStatus status() {
        var s = pump.stats();
        Long age = outbox.oldestPendingWallTime().map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(null);
        return new UplinkStatus(supervisor.state().name().toLowerCase(java.util.Locale.ROOT), supervisor.lastError(),
                outbox.pendingCount(), age, storage.level().name().toLowerCase(java.util.Locale.ROOT), storage.shedCount(),
                s.sent(), s.delivered(), s.replayed(), refusedInbound());
    }

    /** The pump's counters and backlog window, without asking the store (status() counts the outbox). */
    public OutboxPump.PumpStats pumpStats() {
        return pump.stats();
    }

    /** Publishes {@code offline} (the broker would otherwise wait for the keep-alive), then disconnects. */
    @Override
    public void close() {
        timers.forEach(t -> t.cancel(false));
        supervisor.stop();
        try {
            if (link.isConnected()) {
                link.client().publish(topics.availability(), Json.bytes(StatusMessages.Availability.offline(version, bootId,
                        clock.instant())), 1, true).waitForCompletion(1000);
                link.client().disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            log.debug("closing the uplink: {}", e.toString());
        }
        try {
            link.client().close(true);
        } catch (MqttException e) {
            log.debug("closing the MQTT client: {}", e.toString());
        }
    }

    private void supervisorLost(String reason) {
        supervisor.lost(reason);
    }

    private void linkUp() {
        guarded("link up", () -> pump.connected(link));
        requestPump();
        try {
            // receipts are QoS 0: each replaces the last, and one lost is made good by the next
            if (bookingInbox == null) {
                link.client().subscribe(new String[] {topics.config(), topics.commandFilter(), topics.dossierResponse(),
                        topics.receipt()}, new int[] {1, 1, 1, 0});
            } else {
                link.client().subscribe(new String[] {topics.config(), topics.commandFilter(), topics.dossierResponse(),
                        topics.receipt(), topics.bookingsFilter()}, new int[] {1, 1, 1, 0, 1});
            }
            link.publish(topics.availability(), Json.bytes(StatusMessages.Availability.online(version, bootId, startedAt)),
                    1, true, null, null, IGNORE);
            snapshotDirty.set(snapshot.get() != null);
        } catch (MqttException | RuntimeException e) {
            // Without its subscriptions the office would not hear config or commands: start the session over.
            supervisor.forceReconnect("subscribing failed: " + e);
        }
    }

    private void route(String topic, MqttMessage m) {
        guarded("inbound", () -> {
            if (topic.equals(topics.config())) {
                var ack = configInbox.receive(m.getPayload());
                if (ack != null) {
                    link.publish(topics.configAck(), Json.bytes(ack), 1, true, null, null, IGNORE);
                }
            } else if (topic.startsWith(topics.commandPrefix())) {
                var ack = commandInbox.receive(topic.substring(topics.commandPrefix().length()), m.getPayload());
                if (ack != null) {
                    link.publish(topics.commandAck(), Json.bytes(ack), 1, false, 3600L, null, IGNORE);
                }
            } else if (topic.equals(topics.receipt())) {
                var seq = receiptInbox.receive(m.getPayload());
                if (seq.isPresent()) {
                    pump.districtReceipt(seq.getAsLong());
                    requestPump();
                }
            } else if (topic.equals(topics.dossierResponse())) {
                lookup.answerArrived(m);
            } else if (bookingInbox != null && topic.startsWith(topics.bookingsPrefix())) {
                bookingInbox.receive(topic.substring(topics.bookingsPrefix().length()), m.getPayload());
            } else {
                log.warn("message on unexpected topic {}", Sanitize.forLog(topic, 120));
            }
        });
    }

    private void requestPump() {
        if (pumpQueued.compareAndSet(false, true)) {
            Handoff.toScheduler(scheduler, "pump", () -> {
                pumpQueued.set(false);
                guarded("pump", () -> {
                    long wait = pump.pump();
                    if (wait > 0) {
                        scheduler.schedule(this::requestPump, wait, TimeUnit.MILLISECONDS);
                    }
                });
            });
        }
    }

    private void heartbeat() {
        var st = storage.check();
        if (!link.isConnected()) {
            return; // heartbeats are live-only: never buffered, they would be stale when sent
        }
        var ps = pump.stats();
        var t = new StatusMessages.Telemetry(1, clock.instant(), Duration.between(startedAt, clock.instant()).toSeconds(),
                st.outboxDepth(), status().oldestUndeliveredAgeSeconds(), st.diskFreeBytes(), HostProbe.cpuTemperature(),
                st.level(), ps.sent(), ps.delivered(), ps.replayed(), refusedInbound());
        long expiry = Math.max(1, cfg.heartbeatInterval().toSeconds() * 2);
        link.publish(topics.telemetry(), Json.bytes(t), 0, false, expiry, null, IGNORE);
        link.publish(topics.storage(), Json.bytes(st), 1, true, null, null, IGNORE);
    }

    private void flushSnapshot() {
        LiveQueueMessage s = snapshot.get();
        if (s != null && link.isConnected() && snapshotDirty.getAndSet(false)
                && !link.publish(topics.queueSnapshot(), Json.bytes(s), 1, true, SNAPSHOT_EXPIRY_S, null, IGNORE)) {
            snapshotDirty.set(true);
        }
    }

    private long refusedInbound() {
        return configInbox.refusedCount() + commandInbox.refusedCount() + lookup.refusedCount() + receiptInbox.refusedCount()
                + (bookingInbox == null ? 0 : bookingInbox.refusedCount());
    }

    private MqttConnectionOptions options(UplinkSecrets secrets) throws IOException, GeneralSecurityException {
        MqttMessage will = new MqttMessage(Json.bytes(StatusMessages.Availability.offline(version, bootId, startedAt)));
        will.setQos(1);
        will.setRetained(true);
        return ConnectOptions.of(cfg, secrets, topics.availability(), will);
    }

    private void guarded(String what, ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            // A failing store or a dropped link must not kill the scheduler's periodic tasks. The same failure
            // repeated (the pump runs 4 times a second, a full disk may last hours) is logged once a minute.
            String line = "uplink " + what + " failed: " + e;
            java.time.Instant now = clock.instant();
            java.time.Instant last = failuresLogged.get(line);
            if (last == null || now.isAfter(last.plusSeconds(60))) {
                log.warn(line);
                if (failuresLogged.size() > 100) {
                    failuresLogged.clear(); // many different failures: bounded, and each is logged again
                }
                failuresLogged.put(line, now);
            }
        }
    }


    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
