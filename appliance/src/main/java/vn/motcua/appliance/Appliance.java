package vn.motcua.appliance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.eclipse.jetty.server.Handler;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.district.DistrictCommands;
import vn.motcua.appliance.district.H2DossierCache;
import vn.motcua.appliance.district.DistrictConfigApplier;
import vn.motcua.appliance.district.UplinkDossierSource;
import vn.motcua.appliance.web.live.Notice;
import vn.motcua.appliance.web.pages.Screens;
import vn.motcua.appliance.web.status.DossierStatusSource;
import vn.motcua.appliance.web.status.FixtureDossierSource;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkHealth;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.appliance.uplink.UplinkQueueListener;
import vn.motcua.appliance.uplink.UplinkSettings;
import vn.motcua.appliance.devices.ResidentDevices;
import vn.motcua.appliance.systemd.SystemdNotifier;
import vn.motcua.appliance.devices.counterbus.CounterBoards;
import vn.motcua.appliance.devices.counterbus.CounterBusSettings;
import vn.motcua.appliance.devices.counterbus.SimulatedKeypadHandler;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.WebServer;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.sim.SimulatedBus;

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
    private MqttUplink uplink;
    private boolean demo;
    private volatile boolean closing;
    private final SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
    private final ResidentDevices devices = new ResidentDevices();
    private DistrictConfigApplier districtConfig;
    private final HallMessages hallMessages;
    private final String bootId = Host.bootId();
    private CounterBusSettings counterBusSettings;
    private CounterBoards counterBoards;
    private SimulatedBus simulatedBus;

    /** The demo shows sample dossiers on the status page when no district link is configured. */
    public Appliance demo() {
        this.demo = true;
        return this;
    }

    public Appliance(ApplianceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hallMessages = new HallMessages(clock);
    }

    public void start() throws Exception {
        ApplianceConfig.Identity id = config.identity();
        Database.Opened db = Database.open(id.dataDir(), clock);
        Watermarks watermarks = Watermarks.load(id.dataDir());
        EventStamper stamper = new EventStamper(id.deviceId(), clock, bootId, Host::clockSynchronised);
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
        districtConfig = new DistrictConfigApplier(id.dataDir(), queue, hallMessages);
        districtConfig.restore();

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(notifier::prepare); // links the notify calls now, not at READY time
        scheduler.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(this::checkpoint, 5, 5, TimeUnit.MINUTES);

        startCounterBus();
        startUplink();
        devices.start(config, demo, queue, health, this::recordDeviceEvent, scheduler, clock);

        DossierStatusSource dossiers = uplink != null ? new UplinkDossierSource(uplink)
                : demo ? new FixtureDossierSource(java.time.LocalDate.now(clock)) : UplinkDossierSource.unavailable();
        Screens screens = new Screens(config, queue, health, clock, dossiers, store::pendingCount);
        ApiHandler api = new ApiHandler(queue, health, config.web().maxBodyBytes(), store::countsByType, screens.gate());
        Handler front = screens.handler(api);
        web = new WebServer(config.web(), simulatedBus == null ? front
                : new Handler.Sequence(new SimulatedKeypadHandler(simulatedBus, counterBusSettings), front),
                screens.staffSession());
        web.start();
        web.registerHealth(health);
        health.register("day_summary", () -> queue.summaryFailureCount() == 0 ? Health.Status.ok("ok")
                : Health.Status.fault("failed", queue.summaryFailureCount() + " day summaries could not be computed"));
        screens.start(scheduler);
        devices.showScansOn(screens.live()::scanned);
        hallMessages.addListener(m -> screens.live().setNotice(
                m.map(x -> Notice.lenient(x.textVi(), x.textEn())).orElse(Notice.of("", ""))));
        notifier.ready();
        notifier.status("serving " + config.office().counters().size() + " counters");
        notifier.watchdogInterval().ifPresent(every -> scheduler.scheduleAtFixedRate(this::watchdog, 0,
                every.dividedBy(2).toMillis(), TimeUnit.MILLISECONDS));
        log.info("motcua appliance {} serving on http://{}:{}/ (data in {})", id.deviceId(),
                config.web().bind().getHostAddress(), web.port(), id.dataDir().toAbsolutePath());
        web.lanPort().ifPresent(p -> log.info("Staff and manager pages on the LAN at https://{}:{}/counter",
                config.web().lan().bind().getHostAddress(), p));
    }

    private void startCounterBus() throws ConfigException {
        counterBusSettings = CounterBusSettings.from(config.devices(), config.office(), false);
        CounterBus bus = switch (counterBusSettings.mode()) {
            case OFF -> null;
            case RS485 -> CounterBuses.jSerialComm(counterBusSettings.bus(), clock);
            case SIMULATED -> {
                simulatedBus = CounterBuses.simulated(counterBusSettings.bus(), clock);
                yield simulatedBus.bus();
            }
        };
        if (bus != null) {
            counterBoards = new CounterBoards(bus, counterBusSettings.counterByAddress(), queue, scheduler,
                    this::recordDeviceEvent, health);
            counterBoards.start();
        }
    }

    /** The district link, if configured ([uplink] section); without it events simply wait in the outbox. */
    private void startUplink() throws Exception {
        ApplianceConfig.Identity id = config.identity();
        Optional<UplinkConfig> uc;
        try {
            uc = UplinkSettings.parse(config.uplink(), id.district(), id.office(), id.deviceId(), id.dataDir(),
                    config.store().outboxRetention());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[uplink]", List.of(e.getMessage().split("\n")));
        }
        if (uc.isEmpty()) {
            health.register("uplink", () -> Health.Status.ok("not configured: events wait in the outbox"));
            return;
        }
        String version = Optional.ofNullable(Appliance.class.getPackage().getImplementationVersion()).orElse("dev");
        uplink = new MqttUplink(uc.get(), version, bootId, store, new UplinkPorts(districtConfig,
                new DistrictCommands(queue, hallMessages), new H2DossierCache(store)), scheduler, clock);
        queue.addListener(new UplinkQueueListener(uplink, queue, clock));
        health.register("uplink", new UplinkHealth(uplink));
        uplink.start();
    }

    /** Device faults and scans go to the outbox like queue events; storage trouble is logged, never thrown. */
    private void recordDeviceEvent(String type, Object payload) {
        if (closing) {
            return; // devices report their own links going down as we close them: not a fault
        }
        try {
            store.append(type, payload);
        } catch (RuntimeException e) {
            log.error("Could not record {} event", type, e);
        }
    }

    /**
     * Tells systemd the main loops are alive: this runs on the one scheduler thread, and reads the queue under
     * the lock every command takes. A stuck command or scheduler stops the pings and systemd restarts us.
     */
    private void watchdog() {
        queue.read(e -> e.day());
        notifier.watchdog();
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

    /** The HTTPS port of the LAN listener, when {@code [web.lan]} is enabled. */
    public Optional<Integer> lanPort() {
        return web.lanPort();
    }

    public ApplianceConfig config() {
        return config;
    }

    /** The in-memory boards when the bus is simulated (demo, tests), else null. */
    public SimulatedBus simulatedBus() {
        return simulatedBus;
    }

    /** The printer, reader and buttons. */
    public ResidentDevices devices() {
        return devices;
    }

    /** The district link, or null when none is configured. */
    public MqttUplink uplink() {
        return uplink;
    }

    public HallMessages hallMessages() {
        return hallMessages;
    }

    @Override
    public void close() throws Exception {
        closing = true;
        notifier.stopping();
        if (web != null) {
            web.close();
        }
        if (uplink != null) {
            uplink.close(); // publishes "offline" while the scheduler still runs
        }
        if (counterBoards != null) {
            counterBoards.close();
        }
        devices.close();
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
