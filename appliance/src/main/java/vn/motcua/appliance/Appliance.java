package vn.motcua.appliance;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEventStream;
import vn.motcua.appliance.devices.resident.ResidentDevices;
import vn.motcua.appliance.devices.counterbus.CounterBusDevice;
import vn.motcua.appliance.district.DistrictConfigApplier;
import vn.motcua.appliance.district.DistrictLink;
import vn.motcua.appliance.district.DistrictRestore;
import vn.motcua.appliance.district.UplinkDossierSource;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.DeviceStatuses;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.DiskSpaceWatch;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.systemd.SystemdNotifier;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.Routes;
import vn.motcua.appliance.web.WebServer;
import vn.motcua.appliance.web.auth.StaffChanges;
import vn.motcua.appliance.web.live.Notice;
import vn.motcua.appliance.web.pages.Screens;
import vn.motcua.appliance.web.sim.SimulatorControls;
import vn.motcua.appliance.web.status.DossierStatusSource;
import vn.motcua.appliance.web.status.FixtureDossierSource;
import vn.motcua.bus.sim.SimulatedBus;

/** The running appliance: builds every part from the config, starts them in order, stops them in reverse. */
public final class Appliance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Appliance.class);

    private final ApplianceConfig config;
    private final Clock clock;
    private final Health health = new Health();
    private ScheduledExecutorService scheduler;
    private QueueStore store;
    private QueueService queue;
    private WebServer web;
    private Screens screens;
    private MqttUplink uplink;
    private boolean demo;
    private volatile boolean closing;
    private final SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
    private final DeviceCounters deviceCounters = new DeviceCounters();
    /** The devices' one event stream: the outbox first, then health, /metrics and the staff pages. */
    private final DeviceEventStream deviceEvents = new DeviceEventStream();
    private final DeviceStatuses deviceStatuses = new DeviceStatuses(health);
    private final ResidentDevices devices = new ResidentDevices(deviceCounters);
    private DistrictConfigApplier districtConfig;
    private final HallMessages hallMessages;
    private final String bootId = Host.bootId();
    private CounterBusDevice counterBus;

    /**
     * The demo shows sample dossiers on the status page when no district link is configured. (Its simulated devices
     * come from the config, loaded with {@code ConfigLoader.Options.DEMO}.)
     */
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
        store = ApplianceStore.open(config, clock, bootId, health);
        // Before the queue is built from the store and before any command: a lost store is refilled from the district.
        DistrictRestore.atStartup(config, store, clock, health, (status, mayTake) -> {
            notifier.status(status);
            notifier.extendTimeout(mayTake);
        });
        java.util.function.BooleanSupplier clockTrusted = Host.wallClockTrusted(id.wallClock());
        queue = new QueueService(config.office(), clock, clockTrusted, store);
        ClockHealth.register(health, clockTrusted, queue);
        districtConfig = new DistrictConfigApplier(id.dataDir(), queue, hallMessages);
        districtConfig.restore();

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(notifier::prepare); // links the notify calls now, not at READY time
        Housekeeping housekeeping = new Housekeeping(queue, store, config.store().outboxRetention(), notifier, clock);
        housekeeping.schedule(scheduler);
        new DiskSpaceWatch(id.dataDir(), config.store().lowSpaceBytes(), store.condition()).schedule(scheduler);

        deviceEvents.subscribe(this::recordDeviceEvent);
        deviceEvents.subscribe(deviceCounters::recorded);
        deviceEvents.subscribe(deviceStatuses);
        counterBus = CounterBusDevice.start(config, queue, scheduler, this::deviceEvent, clock);
        String version = Optional.ofNullable(Appliance.class.getPackage().getImplementationVersion()).orElse("dev");
        uplink = DistrictLink.start(config, version, bootId, store, queue, districtConfig, hallMessages, scheduler,
                health, clock).orElse(null);
        devices.start(config, demo, queue, this::deviceEvent, scheduler, clock);
        if (config.store().durableCommits()) {
            MqttUplink link = uplink;
            new StoreHealing(queue, id.dataDir(), () -> {
                if (link != null) {
                    link.storeReopened();
                }
            }).schedule(scheduler);
        }

        DossierStatusSource dossiers = uplink != null ? new UplinkDossierSource(uplink)
                : demo ? new FixtureDossierSource(java.time.LocalDate.now(clock)) : UplinkDossierSource.unavailable();
        screens = new Screens(config, queue, health, clock, dossiers, this::outboxDepth, deviceCounters,
                devices.ticketQr(), devices.ticketTemplate(), devices.printJobs(),
                change -> recordInOutbox(StaffChanges.TYPE, change), deviceStatuses);
        Screens s = screens;
        deviceEvents.subscribe(e -> {
            if (e instanceof DeviceEvent.StatusChanged) {
                s.deviceStatusChanged();
            }
        });
        ApiHandler api = new ApiHandler(queue, health, config.web().maxBodyBytes(), store::countsByType, screens.gate());
        org.eclipse.jetty.server.Handler simulators = SimulatorControls.inFrontOf(counterBus, devices, Routes.nothing());
        web = new WebServer(config.web(), screens.routes(api, simulators), screens.staffSession(),
                screens.webCounters(), screens.shunnedSources());
        web.start();
        web.logExposure();
        web.registerHealth(health);
        health.register("day_summary", () -> queue.summaryFailureCount() == 0 ? Health.Status.ok("ok")
                : Health.Status.fault("failed", queue.summaryFailureCount() + " day summaries could not be computed"));
        screens.start(scheduler);
        devices.showScansOn(screens.live()::scanned);
        hallMessages.addListener(m -> screens.live().setNotice(
                m.map(x -> Notice.lenient(x.textVi(), x.textEn())).orElse(Notice.of("", ""))));
        notifier.ready();
        notifier.status("serving " + config.office().counters().size() + " counters");
        housekeeping.startWatchdog(scheduler);
        log.info("motcua appliance {} serving on http://{}:{}/ (data in {})", id.deviceId(),
                config.web().bind().getHostAddress(), web.port(), id.dataDir().toAbsolutePath());
        web.lanPort().ifPresent(p -> log.info("Staff and manager pages on the LAN at https://{}:{}/counter",
                config.web().lan().bind().getHostAddress(), p));
    }

    /** For /metrics: -1 while the outbox cannot be read (H2 failed and waits to be reopened), so a scrape still answers. */
    private long outboxDepth() {
        try {
            return store.pendingCount();
        } catch (vn.motcua.appliance.store.StoreException e) {
            return -1;
        }
    }

    /** What the devices publish enters the stream, unless the appliance is closing them. */
    private void deviceEvent(DeviceEvent event) {
        if (closing) {
            return; // devices report their own links going down as we close them: not a fault
        }
        deviceEvents.publish(event);
    }

    /** Device faults and scans go to the outbox like queue events (the district contract's types and payloads). */
    private void recordDeviceEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.Reported r) {
            recordInOutbox(r.type(), r.payload());
        }
    }

    /** An event that changes no queue state; storage trouble is logged, never thrown. */
    private void recordInOutbox(String type, Object payload) {
        try {
            store.append(type, payload);
        } catch (RuntimeException e) {
            log.error("Could not record {} event", type, e);
        }
    }

    /** The screens' wiring (live feed, staff login), for tests. */
    public Screens screens() {
        return screens;
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
        return counterBus == null ? null : counterBus.simulated().orElse(null);
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
        if (counterBus != null) {
            counterBus.close();
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
