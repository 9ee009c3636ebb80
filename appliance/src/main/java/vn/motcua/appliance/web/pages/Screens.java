package vn.motcua.appliance.web.pages;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static vn.motcua.appliance.web.Exposure.LAN;
import static vn.motcua.appliance.web.Exposure.LAN_COUNTER_SCREEN;
import static vn.motcua.appliance.web.Exposure.LAN_DISPLAY;
import static vn.motcua.appliance.web.Exposure.LAN_GUEST;
import static vn.motcua.appliance.web.Exposure.LAN_LIVE;
import static vn.motcua.appliance.web.Exposure.LAN_SATELLITE;
import static vn.motcua.appliance.web.Exposure.LOCAL_ONLY;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.printer.PrintJobs;
import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.DeviceStatuses;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreAttention;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.CounterGate;
import vn.motcua.appliance.web.Exposure;
import vn.motcua.appliance.web.Route;
import vn.motcua.appliance.web.Routes;
import vn.motcua.appliance.web.StoreAcknowledgeHandler;
import vn.motcua.appliance.web.WebCounters;
import vn.motcua.appliance.web.auth.LoginCounts;
import vn.motcua.appliance.web.auth.PasswordChecks;
import vn.motcua.appliance.web.auth.LoginThrottle;
import vn.motcua.appliance.web.auth.Sessions;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.appliance.web.auth.StaffAccountsFile;
import vn.motcua.appliance.web.auth.StaffAdminHandler;
import vn.motcua.appliance.web.auth.StaffGate;
import vn.motcua.appliance.web.auth.StaffHandler;
import vn.motcua.appliance.web.auth.StaffChanges;
import vn.motcua.appliance.web.live.DeviceFaults;
import vn.motcua.appliance.web.live.EventsHandler;
import vn.motcua.appliance.web.live.LiveFeed;
import vn.motcua.appliance.web.live.Notice;
import vn.motcua.appliance.web.metrics.MetricsHandler;
import vn.motcua.appliance.web.metrics.QueueMetrics;
import vn.motcua.appliance.web.metrics.WebMetrics;
import vn.motcua.appliance.web.LanAudiences;
import vn.motcua.appliance.web.paired.PairedScreens;
import vn.motcua.appliance.web.paired.Pairing;
import vn.motcua.appliance.web.paired.PairingHandler;
import vn.motcua.appliance.web.paired.ScreenAdminHandler;
import vn.motcua.appliance.web.paired.ScreenPresence;
import vn.motcua.appliance.web.phone.PhoneCounts;
import vn.motcua.appliance.web.satellite.SatelliteDesk;
import vn.motcua.appliance.web.satellite.SatelliteDevices;
import vn.motcua.appliance.web.satellite.SatellitePresses;
import vn.motcua.appliance.web.satellite.SatelliteSlips;
import vn.motcua.appliance.web.phone.PhoneHandler;
import vn.motcua.appliance.web.reports.ReportLabels;
import vn.motcua.appliance.web.reports.ReportsHandler;
import vn.motcua.appliance.web.status.DossierStatusSource;
import vn.motcua.appliance.web.status.StatusPage;
import vn.motcua.appliance.web.voice.CallLanguages;
import vn.motcua.appliance.web.voice.ClipMaker;
import vn.motcua.appliance.web.voice.VoiceClips;
import vn.motcua.appliance.web.voice.VoiceHandler;
import vn.motcua.appliance.web.voice.GuidanceHandler;
import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.web.reports.ExportHandler;
import vn.motcua.appliance.web.reports.MonthlyReportHandler;
import vn.motcua.appliance.web.reports.ReportLabels;
import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.domain.QueueEngine;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The screens, wired: live feed, pages, voice, staff login, dossier status, and {@link #routes the route table}
 * that serves them with the JSON API; {@link #start(ScheduledExecutorService)} schedules the heartbeat on the
 * appliance's one scheduler and, once, the generation of missing voice clips on a thread of its own
 * ({@link ClipMaker}; {@link #close} stops it).
 */
public final class Screens {
    private static final Logger log = LoggerFactory.getLogger(Screens.class);
    static final long HEARTBEAT_SECONDS = 15;
    static final long VOICE_DELAY_SECONDS = 10;
    /** How often the staff accounts file is looked at (modification time and size: no read unless it changed). */
    static final long ACCOUNTS_CHECK_SECONDS = 3;

    private final ApplianceConfig config;
    private final QueueService queue;
    private final Health health;
    private final Clock clock;
    private final DossierStatusSource dossiers;
    private final TicketQr ticketQr;
    private final java.util.Optional<PhoneLink> phoneLink;
    private final PhoneCounts phoneCounts = new PhoneCounts();
    private final TicketTemplate ticketTemplate;
    private final PrintJobs printJobs;
    private final StaffChanges staffChanges;
    private final DeviceStatuses deviceStatuses;
    private final FigureSource history;
    private final LiveFeed live;
    private final VoiceClips voice;
    private final CallLanguages languages;
    private final Sessions sessions;
    private final StaffAccountsFile accounts;
    private final WebCounters webCounters = new WebCounters();
    private final LoginThrottle throttle;
    private final PasswordChecks checks;
    private final LoginCounts logins;
    private final PrometheusRegistry metrics;
    private final ClipMaker clipMaker;
    /** Booked residents checking in, typed at the kiosk or scanned at its reader. */
    private final BookingAnswer bookings;
    /** Hall displays and counter-top screens paired over the LAN (issue 17). */
    private final Pairing pairing;
    /** Which paired screens have gone quiet: a device event for the district, a warning on /healthz. */
    private final ScreenPresence presence;
    /** Satellite kiosks: their tickets (once per press) and their devices' reports (issue 17, item 3). */
    private final SatelliteDesk satellites;
    /** What a kiosk shows of the queue: the master's own kiosk and its satellites read the same. */
    private final KioskState kioskState;
    private final SatelliteDevices satelliteDevices;
    private volatile ScheduledExecutorService scheduler; // set by start(): device status changes before it wait for its first push
    private Routes routes;

    /**
     * @param outboxDepth events not yet delivered, for /metrics
     * @param devices     scans, print jobs and device faults so far, for /metrics
     * @param ticketQr    what a ticket's QR holds: the kiosk shows the same code the paper carries
     * @param phoneLink   the phone page's links and keys, when {@code [web.phone]} is on
     * @param ticketTemplate the paper ticket's wording: the kiosk names a ticket's priority as the paper does
     * @param printJobs   each recent ticket's print job, for the kiosk to say whether paper came out
     * @param staffChanges where the staff screen's {@code staff.changed} events go (the outbox)
     * @param deviceStatuses the devices' latest statuses, for the staff pages' device faults
     * @param history     the office's history, for the reports, their exports and the monthly report
     * @param store       where the screens paired over the LAN are kept
     * @param deviceEvents the device event stream: a paired screen going offline and coming back (the outbox)
     */
    public Screens(ApplianceConfig config, QueueService queue, Health health, Clock clock, DossierStatusSource dossiers,
                   java.util.function.LongSupplier outboxDepth, DeviceCounters devices, TicketQr ticketQr,
                   java.util.Optional<PhoneLink> phoneLink, TicketTemplate ticketTemplate,
                   PrintJobs printJobs, StaffChanges staffChanges,
                   DeviceStatuses deviceStatuses, FigureSource history, QueueStore store,
                   vn.motcua.appliance.devices.DeviceEvents deviceEvents)
            throws IOException {
        ApplianceConfig.Identity id = config.identity();
        this.config = config;
        this.queue = queue;
        this.bookings = new BookingAnswer(queue, new vn.motcua.appliance.service.BookingDesk(queue, config.identity().office()));
        this.health = health;
        this.clock = clock;
        this.dossiers = dossiers;
        this.ticketQr = ticketQr;
        this.phoneLink = phoneLink;
        this.ticketTemplate = ticketTemplate;
        this.printJobs = printJobs;
        this.staffChanges = staffChanges;
        this.deviceStatuses = deviceStatuses;
        this.history = history;
        live = new LiveFeed(queue, id.officeNameVi(), id.officeNameEn(), Notice.of(
                "Kính chào quý khách. Vui lòng lấy số thứ tự và chờ đến lượt.",
                "Welcome. Please take a number and wait for your turn."), clock, config.voice().repeat());
        queue.addListener(live);
        live.registerHealth(health);
        satelliteDevices = new SatelliteDevices(deviceEvents, clock);
        pairing = new Pairing(new PairedScreens(store, clock, revoked -> {
            live.closeScreen(revoked);
            // a revoked satellite's devices are no more: not left red on /healthz until a restart
            satelliteDevices.forget(revoked);
            deviceStatuses.forget(SatelliteDevices.devicesOf(revoked));
        }), clock);
        presence = new ScreenPresence(pairing.screens()::working, this::screensThere, deviceEvents, clock);
        pairing.registerHealth(health, presence);
        // the screens provisioning enrolled, merged by token hash: a second start, or a second run, adds nothing
        pairing.enrolFrom(vn.motcua.appliance.web.paired.EnrolledScreensFile.beside(config.web().staffAccounts()),
                queue.layout());
        kioskState = new KioskState(queue, ticketTemplate, clock);
        satellites = new SatelliteDesk(pairing, new SatellitePresses(queue, store, clock,
                new SatelliteSlips(queue::layout, ticketQr, id.officeNameVi())), satelliteDevices, kioskState::read);
        satellites.registerHealth(health);
        voice = new VoiceClips(id.dataDir().resolve("voice"), "espeak-ng");
        languages = config.voice().english() ? CallLanguages.VIETNAMESE_THEN_ENGLISH : CallLanguages.VIETNAMESE;
        clipMaker = new ClipMaker(voice);
        health.register("voice", () -> Health.Status.ok(clipMaker.state()));
        sessions = new Sessions(clock);
        accounts = new StaffAccountsFile(config.web().staffAccounts(), sessions::keepOnly);
        accounts.registerHealth(health);
        throttle = new LoginThrottle(clock);
        checks = PasswordChecks.forThisMachine();
        logins = new LoginCounts();
        metrics = QueueMetrics.registry(queue, health, outboxDepth, live, devices);
        WebMetrics.register(metrics, logins, checks, webCounters, live, phoneCounts);
        vn.motcua.appliance.web.metrics.PairingMetrics.register(metrics, pairing);
        log.info("Password checks: {} at once", checks.permits());
    }

    /**
     * The route table: every path the web answers, who may reach it from the LAN listener, and its handler. The
     * handler chain and the LAN gate are derived from it; adding a screen is one line here (web/README.md, "Routes").
     * Built once, at start.
     *
     * @param api        the JSON API: the paths below, and the 404 for any path no route answers
     * @param simulators the simulated devices' controls under {@code /sim/} (demo, tests), or {@link Routes#nothing()}
     */
    /** A scanned booking's check-in as the kiosk shows it (the reader's scans go through the live feed). */
    public BookingAnswer bookings() {
        return bookings;
    }

    public synchronized Routes routes(ApiHandler api, Handler simulators) {
        if (routes != null) {
            throw new IllegalStateException("the route table is built once");
        }
        StaffGate staff = new StaffGate(sessions);
        StatusPage status = new StatusPage(dossiers, clock, queue.layout().rules().zone());
        StaffHandler login = new StaffHandler(accounts::current, sessions, throttle, checks, logins, queue);
        // clerks by full name and staff id, read from the accounts file as it is now
        Supplier<ReportLabels> labels = () -> new ReportLabels(queue.layout(),
                id -> accounts.current().find(id).map(StaffAccounts.Account::fullName).orElse(""));
        Supplier<LocalDate> today = () -> queue.read(QueueEngine::day);
        ReportsHandler reports = new ReportsHandler(history, staff, labels, today);
        StaffAdminHandler staffAdmin = new StaffAdminHandler(accounts, staff, checks, queue.layout().counters(), staffChanges);
        ExportHandler exports = new ExportHandler(history, staff, config.identity(), labels, today,
                clock.withZone(queue.layout().rules().zone()));
        MonthlyReportHandler monthly = new MonthlyReportHandler(history, staff, config.identity(), labels, today);
        PhoneHandler phone = new PhoneHandler(queue, ticketQr, phoneLink, config.identity().officeNameVi(),
                config.web().phone().refresh().toSeconds(), clock, phoneCounts);
        PairingHandler pairingAnswers = new PairingHandler(pairing);
        ScreenAdminHandler screenAdmin = new ScreenAdminHandler(pairing, staff, queue.layout(), this::screensThere,
                satelliteDevices::faults);
        routes = new Routes(List.of(
                page("/display", "display.html", LAN_DISPLAY),
                page("/counter-screen", "counter-screen.html", LAN_COUNTER_SCREEN),
                page("/pair", "pair.html", LAN), // what an unpaired screen gets: its code, until a manager confirms it
                page("/kiosk", "kiosk.html", LOCAL_ONLY),
                page("/counter", "counter.html", LAN),
                page("/manager", "manager.html", LAN),
                page("/manager/reports", "reports.html", LAN),
                file("assets/common.css", LAN),
                file("assets/display.css", LAN_DISPLAY),
                file("assets/display.js", LAN_DISPLAY),
                file("assets/counter-screen.css", LAN_COUNTER_SCREEN),
                file("assets/counter-screen.js", LAN_COUNTER_SCREEN),
                file("assets/pair.css", LAN),
                file("assets/pair.js", LAN),
                file("assets/kiosk.css", LAN), // the staff pages share the kiosk's buttons and layout
                file("assets/kiosk.js", LOCAL_ONLY),
                file("assets/kiosk-voice.js", LOCAL_ONLY), // the kiosk's voice guidance button
                file("assets/status.js", LOCAL_ONLY), // the status page's return to the kiosk
                file("assets/live.js", LAN),
                file("assets/staff.js", LAN),
                file("assets/faults.js", LAN),
                file("assets/counter.css", LAN),
                file("assets/counter.js", LAN),
                file("assets/manager.js", LAN),
                file("assets/manager-staff.js", LAN),
                file("assets/manager-staff.css", LAN),
                file("assets/manager-screens.js", LAN),
                file("assets/reports.js", LAN),
                file("assets/reports.css", LAN),
                file("assets/phone.css", LAN_GUEST),
                file("assets/phone.js", LAN_GUEST),
                file("fonts/NotoSans-Regular.ttf", LAN),
                file("fonts/NotoSans-Bold.ttf", LAN),
                file("fonts/OFL.txt", LAN),
                Route.exact("/events", LAN_LIVE, new EventsHandler(live, pairing::viewer)),
                Route.exact("/voice/call", LAN_DISPLAY, new VoiceHandler(voice, languages)),
                Route.exact("/voice/guide", LOCAL_ONLY, new GuidanceHandler(voice,
                        config.devices().buttons().mode() != ButtonSetup.Mode.OFF)),
                Route.prefix("/kiosk/", "/kiosk/info", LOCAL_ONLY,
                        new KioskHandler(queue, health, ticketQr, printJobs, kioskState, config.kiosk(), bookings)),
                Route.exact("/status", LOCAL_ONLY, status),
                Route.exact(StatusPage.JSON_PATH, LOCAL_ONLY, status),
                Route.exact("/counter/login", LAN, login),
                Route.exact("/counter/logout", LAN, login),
                Route.exact("/counter/me", LAN, login),
                Route.exact("/manager/summary", LAN, new ManagerHandler(queue, staff, config.manager())),
                Route.exact(ReportsHandler.DATA, LAN, reports),
                Route.exact(ReportsHandler.CHART, LAN, reports),
                Route.exact("/manager/staff", LAN, staffAdmin),
                Route.exact(ExportHandler.XLSX_PATH, LAN, exports),
                Route.exact(ExportHandler.CSV_PATH, LAN, exports),
                Route.exact(MonthlyReportHandler.PAGE_PATH, LAN, monthly),
                Route.exact(MonthlyReportHandler.PDF_PATH, LAN, monthly),
                Route.shape(StaffAdminHandler.CHANGE, "/manager/staff/lan/disable", LAN, staffAdmin),
                Route.exact("/api/notice", LAN, new NoticeHandler(live, staff)),
                Route.exact(PairingHandler.CODE, LAN, pairingAnswers),
                Route.exact(PairingHandler.STATE, LAN, pairingAnswers),
                Route.exact(PairingHandler.ENROL, LAN, pairingAnswers),
                Route.exact(ScreenAdminHandler.LIST, LAN, screenAdmin),
                Route.shape(ScreenAdminHandler.REVOKE, "/manager/screens/1/revoke", LAN, screenAdmin),
                Route.exact(SatelliteDesk.TICKETS, LAN_SATELLITE, satellites),
                Route.exact(SatelliteDesk.DEVICES, LAN_SATELLITE, satellites),
                Route.exact(SatelliteDesk.KIOSK_STATE, LAN_SATELLITE, satellites),
                Route.exact(PhoneHandler.FORM, LAN_GUEST, phone),
                Route.shape(PhoneHandler.PAGE, "/t/2026-12-07/A023/Yx3kq0Jt9cVbN2mWz8LpQa", LAN_GUEST, phone),
                Route.shape(PhoneHandler.STATE, "/t/2026-12-07/A023/Yx3kq0Jt9cVbN2mWz8LpQa/state", LAN_GUEST, phone),
                Route.exact("/metrics", LAN, new MetricsHandler(metrics)),
                Route.exact("/healthz", LAN, api),
                Route.shape(ApiHandler.COUNTER_ACTION, "/api/counters/1/call-next", LAN, api),
                Route.exact("/api/queue", LOCAL_ONLY, api),
                Route.exact("/api/tickets", LOCAL_ONLY, api),
                Route.shape(ApiHandler.TICKET, "/api/tickets/A001", LOCAL_ONLY, api),
                Route.exact("/api/outbox/counts", LOCAL_ONLY, api),
                Route.exact(StoreAcknowledgeHandler.PATH, LOCAL_ONLY,
                        new StoreAcknowledgeHandler(new StoreAttention(config.identity().dataDir(), clock))),
                Route.prefix("/sim/", "/sim/counters/1/board", LOCAL_ONLY, simulators)),
                api);
        LinkedAssets.requireServed(routes);
        return routes;
    }

    /** The route table built at start, for the tests over every route and the docs. */
    public synchronized Routes routeTable() {
        return Objects.requireNonNull(routes, "the route table is built at start");
    }

    /** A page: {@code file} under web/ in the jar, served at {@code path}. */
    private static Route page(String path, String file, Exposure exposure) {
        return Route.exact(path, exposure, Asset.load(file));
    }

    /** A script, style sheet or font, served at its own name under web/. */
    private static Route file(String file, Exposure exposure) {
        return Route.exact("/" + file, exposure, Asset.load(file));
    }

    /** Lets a logged-in clerk's browser use the counter API from the LAN. */
    public CounterGate gate() {
        return new StaffGate(sessions);
    }

    /**
     * Who a LAN request is, for the LAN gate: a live staff session cookie makes it staff, a paired screen's token
     * cookie makes it that screen's role ({@link Pairing#audience}).
     */
    public LanAudiences audiences() {
        StaffGate gate = new StaffGate(sessions);
        return request -> {
            java.util.Set<Exposure.Audience> who = pairing.audience(request);
            if (gate.session(request).isPresent()) {
                who.add(Exposure.Audience.STAFF);
            }
            return who;
        };
    }

    /** The satellite kiosks' desk (tests count its refusals). */
    public SatelliteDesk satellites() {
        return satellites;
    }

    /** The screens paired over the LAN. */
    public Pairing pairing() {
        return pairing;
    }

    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::reloadAccounts, ACCOUNTS_CHECK_SECONDS, ACCOUNTS_CHECK_SECONDS,
                TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::writeScreensSeen, 60, 60, TimeUnit.SECONDS);
        this.scheduler = scheduler;
        scheduler.execute(this::pushDeviceFaults); // what the devices said before the screens existed
        // Not at once: a booting Pi has better things to do in its first seconds, and short-lived test appliances
        // are gone before it starts. Until then a call is shown but not spoken.
        clipMaker.startAfter(scheduler, java.time.Duration.ofSeconds(VOICE_DELAY_SECONDS));
    }

    /** Stops what the screens run besides the scheduler's jobs: a voice clip generation under way. */
    public void close() throws InterruptedException {
        clipMaker.close();
    }

    /**
     * A device's status changed (a subscriber of the device event stream): the staff pages' fault list is pushed
     * again, on the scheduler, never on the device's thread (the live feed takes the queue's lock).
     */
    public void deviceStatusChanged() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.execute(this::pushDeviceFaults);
        }
    }

    private void pushDeviceFaults() {
        try {
            live.setDeviceFaults(DeviceFaults.from(deviceStatuses.current()));
        } catch (RuntimeException e) {
            log.warn("Device faults for the staff pages", e);
        }
    }

    /**
     * The live feed's ping, the paired screens whose feed is open marked seen (the manager's "last seen"), and those
     * gone quiet too long reported ({@link ScreenPresence}).
     */
    private void heartbeat() {
        live.heartbeat();
        pairing.screens().seenNow(live.screensOnline());
        try {
            presence.check();
        } catch (RuntimeException e) {
            log.warn("Paired screens' presence check", e);
        }
    }

    /**
     * The paired screens there now, for the device map and the offline reports alike: a screen while its live feed is
     * open; a satellite kiosk, which has none, while it reports its devices.
     */
    private java.util.Set<Long> screensThere() {
        java.util.Set<Long> up = new java.util.HashSet<>(live.screensOnline());
        up.addAll(satelliteDevices.reporting());
        return up;
    }

    /** Which paired screens are reported offline. */
    public ScreenPresence presence() {
        return presence;
    }

    private void writeScreensSeen() {
        try {
            pairing.screens().writeLastSeen();
        } catch (RuntimeException e) {
            log.warn("Paired screens' last seen not written", e);
        }
    }

    private void reloadAccounts() {
        try {
            accounts.reloadIfChanged();
        } catch (RuntimeException e) {
            log.warn("Staff accounts check failed", e);
        }
    }

    /** What the listeners cut off or refused: the web server counts, /metrics shows. */
    public WebCounters webCounters() {
        return webCounters;
    }

    /** Sources over their login attempts this minute: the LAN listener closes their new connections at once. */
    public java.util.function.Predicate<String> shunnedSources() {
        return throttle::tooFast;
    }

    /** The budget of password hashes the staff logins share. */
    public PasswordChecks passwordChecks() {
        return checks;
    }

    public LiveFeed live() {
        return live;
    }

    public VoiceClips voice() {
        return voice;
    }
}
