package vn.motcua.appliance.web.pages;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.printer.PrintJobs;
import vn.motcua.appliance.devices.printer.TicketQr;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.DeviceEvents;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.web.CounterGate;
import vn.motcua.appliance.web.WebCounters;
import vn.motcua.appliance.web.auth.LoginCounts;
import vn.motcua.appliance.web.auth.PasswordChecks;
import vn.motcua.appliance.web.auth.LoginThrottle;
import vn.motcua.appliance.web.auth.Sessions;
import vn.motcua.appliance.web.auth.StaffAccountsFile;
import vn.motcua.appliance.web.auth.StaffAdminHandler;
import vn.motcua.appliance.web.auth.StaffGate;
import vn.motcua.appliance.web.auth.StaffHandler;
import vn.motcua.appliance.web.live.DeviceFaults;
import vn.motcua.appliance.web.live.EventsHandler;
import vn.motcua.appliance.web.live.LiveFeed;
import vn.motcua.appliance.web.live.Notice;
import vn.motcua.appliance.web.metrics.MetricsHandler;
import vn.motcua.appliance.web.metrics.QueueMetrics;
import vn.motcua.appliance.web.metrics.WebMetrics;
import vn.motcua.appliance.web.status.DossierStatusSource;
import vn.motcua.appliance.web.status.StatusPage;
import vn.motcua.appliance.web.voice.CallLanguages;
import vn.motcua.appliance.web.voice.VoiceClips;
import vn.motcua.appliance.web.voice.VoiceHandler;

/**
 * The screens, wired: live feed, pages, voice, staff login, dossier status. {@link #handler(Handler)} puts them
 * in front of the JSON API; {@link #start(ScheduledExecutorService)} schedules the heartbeat and, once, the
 * generation of missing voice clips on the appliance's one scheduler.
 */
public final class Screens {
    private static final Logger log = LoggerFactory.getLogger(Screens.class);
    static final long HEARTBEAT_SECONDS = 15;
    static final long VOICE_DELAY_SECONDS = 10;
    /** How often the staff accounts file is looked at (modification time and size: no read unless it changed). */
    static final long ACCOUNTS_CHECK_SECONDS = 3;
    /** How often the devices' health is looked at for the staff pages' fault list (a map read, no I/O). */
    static final long DEVICE_FAULTS_SECONDS = 1;

    private final LiveFeed live;
    private final VoiceClips voice;
    private final Sessions sessions;
    private final StaffAccountsFile accounts;
    private final Handler[] handlers;
    private final Health health;
    private final WebCounters webCounters = new WebCounters();
    private final LoginThrottle throttle;
    private volatile String voiceState = "not generated yet";

    /**
     * @param outboxDepth events not yet delivered, for /metrics
     * @param devices     scans, print jobs and device faults so far, for /metrics
     * @param ticketQr    what a ticket's QR holds: the kiosk shows the same code the paper carries
     * @param ticketTemplate the paper ticket's wording: the kiosk names a ticket's priority as the paper does
     * @param printJobs   each recent ticket's print job, for the kiosk to say whether paper came out
     * @param events      where the staff screen's {@code staff.changed} events go (the outbox)
     */
    public Screens(ApplianceConfig config, QueueService queue, Health health, Clock clock, DossierStatusSource dossiers,
                   java.util.function.LongSupplier outboxDepth, DeviceCounters devices, TicketQr ticketQr, TicketTemplate ticketTemplate,
                   PrintJobs printJobs, DeviceEvents events)
            throws IOException {
        ApplianceConfig.Identity id = config.identity();
        this.health = health;
        live = new LiveFeed(queue, id.officeNameVi(), id.officeNameEn(), Notice.of(
                "Kính chào quý khách. Vui lòng lấy số thứ tự và chờ đến lượt.",
                "Welcome. Please take a number and wait for your turn."), clock);
        queue.addListener(live);
        live.registerHealth(health);
        voice = new VoiceClips(id.dataDir().resolve("voice"), "espeak-ng");
        CallLanguages languages = config.voice().english() ? CallLanguages.VIETNAMESE_THEN_ENGLISH : CallLanguages.VIETNAMESE;
        health.register("voice", () -> Health.Status.ok(voiceState));
        sessions = new Sessions(clock);
        accounts = new StaffAccountsFile(config.web().staffAccounts(), sessions::keepOnly);
        accounts.registerHealth(health);
        throttle = new LoginThrottle(clock);
        PasswordChecks checks = PasswordChecks.forThisMachine();
        LoginCounts logins = new LoginCounts();
        PrometheusRegistry metrics = QueueMetrics.registry(queue, health, outboxDepth, live, devices);
        WebMetrics.register(metrics, logins, checks, webCounters, live);
        handlers = new Handler[] {new Assets(), new EventsHandler(live), new VoiceHandler(voice, languages),
                new NoticeHandler(live, new StaffGate(sessions)), new ManagerHandler(queue, new StaffGate(sessions), config.manager()),
                new KioskHandler(queue, health, ticketQr, printJobs, ticketTemplate, config.kiosk(), clock),
                new StatusPage(dossiers, clock, queue.layout().rules().zone()),
                new StaffHandler(accounts::current, sessions, throttle, checks, logins, queue),
                new StaffAdminHandler(accounts, new StaffGate(sessions), checks, queue.layout().counters(), events),
                new MetricsHandler(metrics)};
        log.info("Password checks: {} at once", checks.permits());
    }

    /** The screens' handlers, then {@code api} for everything else. */
    public Handler handler(Handler api) {
        Handler.Sequence seq = new Handler.Sequence(handlers);
        seq.addHandler(api);
        return seq;
    }

    /** Lets a logged-in clerk's browser use the counter API from the LAN. */
    public CounterGate gate() {
        return new StaffGate(sessions);
    }

    /** Whether a request carries a live staff session cookie (the LAN listener serves the live feed only then). */
    public Predicate<Request> staffSession() {
        StaffGate gate = new StaffGate(sessions);
        return request -> gate.session(request).isPresent();
    }

    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::reloadAccounts, ACCOUNTS_CHECK_SECONDS, ACCOUNTS_CHECK_SECONDS,
                TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(live::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::pushDeviceFaults, 0, DEVICE_FAULTS_SECONDS, TimeUnit.SECONDS);
        // Not at once: a booting Pi has better things to do in its first seconds, and short-lived test appliances
        // are gone before it starts. Until then a call is shown but not spoken.
        scheduler.schedule(this::generateVoice, VOICE_DELAY_SECONDS, TimeUnit.SECONDS);
    }

    /** The devices report status, not events, to Health; a fault reaches the staff pages within this poll. */
    private void pushDeviceFaults() {
        try {
            live.setDeviceFaults(DeviceFaults.from(health.snapshot()));
        } catch (RuntimeException e) {
            log.warn("Device faults for the staff pages", e);
        }
    }

    private void reloadAccounts() {
        try {
            accounts.reloadIfChanged();
        } catch (RuntimeException e) {
            log.warn("Staff accounts check failed", e);
        }
    }

    private void generateVoice() {
        try {
            int missing = voice.generateMissing();
            voiceState = missing == 0 ? "ready" : missing + " clips could not be generated (espeak-ng missing?)";
        } catch (IOException e) {
            voiceState = "cannot write voice clips: " + e.getMessage();
            log.warn("Voice clips: {}", voiceState);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    public LiveFeed live() {
        return live;
    }

    public VoiceClips voice() {
        return voice;
    }
}
