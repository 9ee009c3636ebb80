package vn.motcua.appliance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEventStream;
import vn.motcua.appliance.devices.counterbus.CounterBusDevice;
import vn.motcua.appliance.devices.resident.QueueTickets;
import vn.motcua.appliance.devices.resident.ResidentDevices;
import vn.motcua.appliance.district.DistrictLink;
import vn.motcua.appliance.parts.PartFailedException;
import vn.motcua.appliance.parts.Parts;
import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.satellite.SatelliteRole;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.DeviceStatuses;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.systemd.SystemdNotifier;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.web.Routes;
import vn.motcua.appliance.web.auth.StaffChanges;
import vn.motcua.appliance.web.pages.Screens;
import vn.motcua.appliance.web.status.DossierStatusSource;
import vn.motcua.appliance.web.sim.SimulatorControls;
import vn.motcua.appliance.web.status.FixtureDossierSource;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * The running appliance: its parts, started in the order {@link #start} lists them and closed in reverse. A part
 * that fails to start is named on {@code /healthz} and in the log, and the parts started before it are closed.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Appliance.class);

    /**
     * How long the warm-ups after READY wait for the first page (the hall display's, on a Pi) before they run anyway:
     * run beside that page they took its CPU (the ticket renderer's alone is about half a second of it).
     */
    static final Duration FIRST_ANSWER_WAIT = Duration.ofSeconds(2);

    private final ApplianceConfig config;
    private final Health health = new Health();
    private final SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
    private final DeviceCounters deviceCounters = new DeviceCounters();
    /** The devices' one event stream: the outbox first, then /metrics, health and the staff pages. */
    private final DeviceEventStream deviceEvents = new DeviceEventStream();
    private final DeviceStatuses deviceStatuses = new DeviceStatuses(health);
    private final HallMessages hallMessages;
    private final Scheduler scheduler = new Scheduler();
    private final Shared shared;
    private final Parts parts = new Parts(health);
    private boolean demo;
    private volatile boolean closing;
    private ApplianceStore store;
    private OfficeQueue queue;
    private CounterBusDevice counterBus;
    private DistrictLink district;
    private ResidentDevices devices;
    private QueueTickets tickets;
    private WebScreens screens;
    private SatelliteRole satellite;

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
        this.hallMessages = new HallMessages(clock);
        this.shared = new Shared(clock, health, scheduler.executor(), this::deviceEvent, deviceCounters,
                hallMessages, Host.bootId());
        deviceEvents.subscribe(this::recordDeviceEvent);
        deviceEvents.subscribe(deviceCounters::recorded);
        deviceEvents.subscribe(deviceStatuses);
    }

    /**
     * Starts the parts in this order, each after what it needs:
     * <ol>
     * <li>store: before anything reads or writes an event;</li>
     * <li>queue: a lost store is refilled from the district before the queue is built from it and before any
     *     command;</li>
     * <li>scheduler: the one thread of periodic jobs; closed after the parts below (the uplink publishes "offline"
     *     on it) and before the store;</li>
     * <li>counter bus, district link, housekeeping (its store healing tells the district link), resident devices;</li>
     * <li>screens: the web server, once every part it shows exists;</li>
     * <li>systemd: READY once the screens are served, then the watchdog pings; closed first (STOPPING).</li>
     * </ol>
     * Then each part's {@link vn.motcua.appliance.parts.Part#afterReady} warm-up, behind READY on a thread of its own,
     * once the first page is answered (at most {@link #FIRST_ANSWER_WAIT} after READY).
     *
     * @throws PartFailedException a part failed to start; every part started before it is closed by then
     */
    public void start() throws PartFailedException {
        if (config.satellite().isPresent()) {
            startSatellite();
            return;
        }
        store = parts.start(new ApplianceStore(config, shared));
        QueueStore events = store.store();
        queue = parts.start(new OfficeQueue(config, events, (status, mayTake) -> {
            notifier.status(status);
            notifier.extendTimeout(mayTake);
        }, shared));
        QueueService service = queue.service();
        parts.start(scheduler);
        shared.scheduler().execute(notifier::prepare); // links the notify calls now, not at READY time
        counterBus = parts.start(new CounterBusDevice(config.devices().counterBus(), service, shared));
        district = parts.start(new DistrictLink(config, events, service, queue.districtConfig(), shared));
        parts.start(new Housekeeping(config, service, events, district::storeReopened, shared));
        tickets = new QueueTickets(config, service, shared);
        devices = parts.start(new ResidentDevices(config, shared, tickets));
        DossierStatusSource dossiers = district.uplink().isEmpty() && demo
                ? new FixtureDossierSource(LocalDate.now(shared.clock())) : district.dossiers();
        screens = parts.start(new WebScreens(config, service, events, tickets,
                SimulatorControls.inFrontOf(counterBus, devices,
                        shared.clock() instanceof DemoClock c ? c::advance : null, Routes.nothing()), dossiers,
                change -> recordInOutbox(StaffChanges.TYPE, change), deviceStatuses, shared));
        WebScreens web = screens;
        deviceEvents.subscribe(e -> {
            if (e instanceof DeviceEvent.StatusChanged) {
                web.screens().deviceStatusChanged();
            }
        });
        parts.start(new SystemdService(notifier, new Liveness(service, events)::check,
                "serving " + config.office().counters().size() + " counters", shared));
        parts.afterReady(web.firstAnswer(), FIRST_ANSWER_WAIT);
    }

    /**
     * A satellite kiosk ({@code [satellite]}): no store, no queue, no district link of its own; the scheduler, then its
     * devices and kiosk asking the master ({@link SatelliteRole}), then systemd (alive while the scheduler runs).
     */
    private void startSatellite() throws PartFailedException {
        parts.start(scheduler);
        satellite = parts.start(new SatelliteRole(config, shared, deviceEvents));
        parts.start(new SystemdService(notifier, bound -> true, "satellite kiosk of "
                + config.satellite().get().masterUrl(), shared));
        parts.afterReady();
    }

    /** The satellite kiosk's part, when this appliance is one; else null. */
    public SatelliteRole satellite() {
        return satellite;
    }

    /** The parts started (or starting), in order: what {@link #close} closes, last first. */
    public List<String> partNames() {
        return parts.names();
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
        if (store == null) { // a satellite kiosk: its faults reach the master's outbox through its device reports
            return;
        }
        if (event instanceof DeviceEvent.Reported r) {
            recordInOutbox(r.type(), r.payload());
        }
    }

    /** An event that changes no queue state; storage trouble is logged, never thrown. */
    private void recordInOutbox(String type, Object payload) {
        try {
            store.store().append(type, payload);
        } catch (RuntimeException e) {
            log.error("Could not record {} event", type, e);
        }
    }

    /** The screens' wiring (live feed, staff login), for tests. */
    public Screens screens() {
        return screens == null ? null : screens.screens();
    }

    public QueueService queue() {
        return queue == null ? null : queue.service();
    }

    public QueueStore store() {
        return store == null ? null : store.store();
    }

    public Health health() {
        return health;
    }

    public ScheduledExecutorService scheduler() {
        return shared.scheduler();
    }

    public int webPort() {
        return satellite != null ? satellite.port() : screens.port();
    }

    /** The HTTPS port of the LAN listener, when {@code [web.lan]} is enabled. */
    public Optional<Integer> lanPort() {
        return screens.lanPort();
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

    /** What the resident devices print and issue from this appliance's queue: the ticket template, QR, print jobs. */
    public QueueTickets tickets() {
        return tickets;
    }

    /** The district link, or null when none is configured. */
    public MqttUplink uplink() {
        return district == null ? null : district.uplink().orElse(null);
    }

    public HallMessages hallMessages() {
        return hallMessages;
    }

    /** Closes the parts started, last first; again (the shutdown hook after a failed start) does nothing. */
    @Override
    public void close() {
        closing = true;
        parts.closeAll();
        log.info("motcua appliance stopped cleanly");
    }
}
