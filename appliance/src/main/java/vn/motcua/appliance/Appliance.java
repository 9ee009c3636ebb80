package vn.motcua.appliance;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.WebServer;

/** The running appliance: builds every part from the config, starts them in order, stops them in reverse. */
public final class Appliance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Appliance.class);
    /** Room for a few thousand commands between checkpoints; preallocated once. */
    private static final long JOURNAL_BYTES = 4L * 1024 * 1024;

    private final ApplianceConfig config;
    private final Clock clock;
    private final Health health = new Health();
    private ScheduledExecutorService scheduler;
    private QueueStore store;
    private QueueService queue;
    private WebServer web;

    public Appliance(ApplianceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public void start() throws Exception {
        ApplianceConfig.Identity id = config.identity();
        Database.Opened db = Database.open(id.dataDir(), clock);
        Watermarks watermarks = Watermarks.load(id.dataDir());
        EventStamper stamper = new EventStamper(id.deviceId(), clock, Host.bootId(), Host::clockSynchronised);
        CommitJournal journal = config.store().durableCommits()
                ? CommitJournal.open(id.dataDir(), JOURNAL_BYTES) : null;
        store = new QueueStore(db.connection(), stamper, watermarks, journal);
        if (db.movedAside().isPresent()) {
            String where = db.movedAside().get().getFileName().toString();
            store.append("store.recovered", Map.of("moved_aside_to", where, "reason", "database failed to open"));
            health.register("store", () -> Health.Status.fault("recovered",
                    "database failed to open; moved to " + where + " and a fresh one started"));
        } else {
            health.register("store", () -> Health.Status.ok("open"));
        }
        health.register("outbox", () -> Health.Status.ok("pending " + store.pendingCount()));
        health.register("clock", () -> Host.clockSynchronised() ? Health.Status.ok("synchronised")
                : Health.Status.ok("not synchronised (wall time untrusted)"));
        queue = new QueueService(config.office(), clock, store);

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(this::checkpoint, 5, 5, TimeUnit.MINUTES);

        var screens = new vn.motcua.appliance.web.pages.Screens(config, queue, health, clock,
                new vn.motcua.appliance.web.status.FixtureDossierSource(java.time.LocalDate.now(clock)), store::pendingCount);
        web = new WebServer(config.web(), screens.handler(
                new ApiHandler(queue, health, config.web().maxBodyBytes(), screens.gate())));
        web.start();
        screens.start(scheduler);
        log.info("motcua appliance {} serving on http://{}:{}/ (data in {})", id.deviceId(),
                config.web().bind().getHostAddress(), web.port(), id.dataDir().toAbsolutePath());
    }

    private void tick() {
        try {
            queue.tick();
        } catch (RuntimeException e) {
            log.warn("Scheduled queue tick failed", e);
        }
    }

    private void prune() {
        try {
            Duration keep = config.store().outboxRetention();
            int n = store.pruneDeliveredBefore(clock.instant().minus(keep));
            if (n > 0) {
                log.info("Pruned {} delivered events older than {}", n, keep);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox pruning failed", e);
        }
    }

    private void checkpoint() {
        try {
            store.checkpoint();
        } catch (java.sql.SQLException | RuntimeException e) {
            log.warn("Store checkpoint failed", e);
        }
    }

    public QueueService queue() {
        return queue;
    }

    public QueueStore store() {
        return store;
    }

    public Health health() {
        return health;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public int webPort() {
        return web.port();
    }

    public ApplianceConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        if (web != null) {
            web.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        }
        if (store != null) {
            synchronized (queue == null ? this : queue) {
                store.close();
            }
        }
        log.info("motcua appliance stopped cleanly");
    }
}
