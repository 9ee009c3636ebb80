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
import java.util.function.BooleanSupplier;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.DayState;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.uplink.InMemoryDossierCache;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.bus.Await;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.mqtt.MosquittoBroker;

/**
 * One office's drain, shared by the short {@link UplinkDrainTest} and the long {@link UplinkDrainBenchmark}:
 * {@code run.backlog} {@code ticket.issued} events committed to a real H2 store while no uplink runs (the outage),
 * then the uplink starts and a {@code ticket.called} is committed every {@code liveMs} through the store's durable
 * journal, as the queue service does, until the whole backlog has reached the district. With a backlog of 0 it is
 * the no-backlog baseline: live events only, until {@code liveCount} of them arrived.
 */
final class OutboxDrain {
    /** @param rate the optional fixed ceiling (uplink.backlog_rate), 0 = the PUBACK window alone */
    record Pace(int liveWindow, int backlogWindow, int rate, int liveMs, int liveCount) {}

    private OutboxDrain() {}

    /**
     * Makes {@code district} take at most {@code rate} events/s, each counted by its office's run: it blocks in Paho's
     * callback, so its PUBACKs to the broker come at that pace and the broker (100 in flight to it at most) keeps the
     * rest queued for it.
     */
    static void slowDistrict(DistrictServer district, Map<String, DrainRun> byOffice, int rate) {
        long[] next = {0};
        district.onEvent((device, e) -> {
            byOffice.get(device).arrived(e);
            long now = System.nanoTime();
            next[0] = Math.max(next[0], now) + 1_000_000_000L / rate;
            java.util.concurrent.locks.LockSupport.parkNanos(next[0] - now);
        });
    }

    static void run(MosquittoBroker broker, Path dir, String office, DrainRun run, Pace pace, Duration limit)
            throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = Files.createDirectories(dir.resolve(office));
        EventStamper stamper = new EventStamper("kiosk-1", clock, "bench-boot", () -> true);
        long t = System.nanoTime();
        try (QueueStore fill = new QueueStore(Database.open(data, clock).connection(), stamper, Watermarks.load(data), null)) {
            // A week of tickets, written 500 per transaction so the fill takes seconds, not minutes.
            DayState day = new DayState(java.time.LocalDate.now(clock), Map.of(), Map.of(), 0);
            for (int done = 0; done < run.backlog; done += 500) {
                List<QueueEvent> events = new ArrayList<>();
                for (int i = done; i < Math.min(run.backlog, done + 500); i++) {
                    events.add(new QueueEvent.TicketIssued(clock.instant(), "t" + i, "A" + (i % 1000), "ho-tich", "NORMAL",
                            i % 20, 300, null));
                }
                fill.commit(new CommandResult(events, List.of(), List.of(), day, null));
            }
        }
        run.fillNanos = System.nanoTime() - t;
        Path secrets = dir.resolve(office + ".secrets");
        Files.writeString(secrets, "mqtt.password=office-pass\n");
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        UplinkConfig cfg = UplinkConfig.defaults(URI.create(broker.uri()), "bench", office, "kiosk-1", broker.pki().caCert(), data)
                .withCredentials("office", secrets, null).withDrain(pace.liveWindow(), pace.backlogWindow(), pace.rate());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService residents = Executors.newSingleThreadScheduledExecutor();
        try (QueueStore store = new QueueStore(Database.open(data, clock).connection(), stamper, Watermarks.load(data),
                CommitJournal.open(data, 4L << 20))) { // durable live commits, as the appliance makes them
            MqttUplink uplink = new MqttUplink(cfg, "bench", "bench-boot", store,
                    new UplinkPorts(null, null, new InMemoryDossierCache(10)), scheduler, clock);
            run.startNanos = System.nanoTime();
            uplink.start();
            // Live events are those committed once the pump's session has begun (it takes the backlog's ceiling then);
            // earlier ones are backlog by definition. Not the link's "connected": that comes a moment before.
            Await.until(Duration.ofSeconds(30), () -> uplink.pumpStats().sessions() >= 1, () -> "uplink session begun");
            ScheduledFuture<?> live = residents.scheduleAtFixedRate(() -> {
                long t0 = System.nanoTime();
                OutboxEvent e = store.append("ticket.called", Map.of("ticket", "B001", "counter", 3));
                run.liveCommittedNanos.put(e.seq(), t0);
                uplink.eventsCommitted();
            }, 0, pace.liveMs(), TimeUnit.MILLISECONDS);
            // What the broker holds for the district: PUBACKed (and marked) by us but not yet at the district.
            ScheduledFuture<?> sampler = residents.scheduleAtFixedRate(() -> {
                var ps = uplink.pumpStats();
                run.sampled(ps.delivered(), ps.backlogWindow(), ps.receiptBound());
            }, 50, 50, TimeUnit.MILLISECONDS);
            BooleanSupplier done = run.backlog > 0 ? () -> run.backlogDoneNanos != 0
                    : () -> run.liveLatencyNanos.size() >= pace.liveCount();
            Await.until(limit, done, () -> run.backlogArrived() + " backlog events, " + run.liveLatencyNanos.size() + " live");
            live.cancel(false);
            sampler.cancel(false);
            // The last live events arrive; then every event committed is at the district.
            Await.until(Duration.ofSeconds(30), () -> uplink.pumpStats().delivered() >= store.lastSeq()
                    && run.arrived.size() >= store.lastSeq(), () -> run.arrived.size() + " of " + store.lastSeq() + " arrived");
            run.cuts = uplink.pumpStats().backlogCuts();
            run.liveCuts = uplink.pumpStats().liveCuts();
            run.lastSeq = store.lastSeq();
            uplink.close();
        } finally {
            residents.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
