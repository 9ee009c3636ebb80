package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.resident.QueueTickets;
import vn.motcua.appliance.service.DeviceStatuses;
import vn.motcua.appliance.service.OfficeHistory;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.WebServer;
import vn.motcua.appliance.web.auth.StaffChanges;
import vn.motcua.appliance.web.live.Notice;
import vn.motcua.appliance.web.pages.Screens;
import vn.motcua.appliance.web.status.DossierStatusSource;

/**
 * The screens (hall display, kiosk, status, staff and manager pages, the JSON API) on the web server's listeners:
 * local, and on the LAN when {@code [web.lan]} is on. Started after every part they show, so the first page served
 * is complete; the kiosk hears the reader's scans and the hall display the district's notice from here on.
 */
final class WebScreens implements Part {
    private static final Logger log = LoggerFactory.getLogger(WebScreens.class);

    private final ApplianceConfig config;
    private final QueueService queue;
    private final QueueStore store;
    private final QueueTickets tickets;
    private final Handler simulators;
    private final DossierStatusSource dossiers;
    private final StaffChanges staffChanges;
    private final DeviceStatuses deviceStatuses;
    private final Shared shared;
    private Screens screens;
    private WebServer web;

    /**
     * @param simulators     the demo's device buttons ({@code /sim/...}), in front of the routes; empty otherwise
     * @param staffChanges   where a manager's change to a staff account is recorded (the outbox)
     * @param deviceStatuses each device's status, for the staff pages' device faults
     */
    WebScreens(ApplianceConfig config, QueueService queue, QueueStore store, QueueTickets tickets,
               Handler simulators, DossierStatusSource dossiers, StaffChanges staffChanges,
               DeviceStatuses deviceStatuses, Shared shared) {
        this.config = config;
        this.queue = queue;
        this.store = store;
        this.tickets = tickets;
        this.simulators = simulators;
        this.dossiers = dossiers;
        this.staffChanges = staffChanges;
        this.deviceStatuses = deviceStatuses;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "screens";
    }

    @Override
    public void start() throws Exception {
        screens = new Screens(config, queue, shared.health(), shared.clock(), dossiers, this::outboxDepth,
                shared.deviceCounters(), tickets.ticketQr(), tickets.phoneLink(), tickets.ticketTemplate(), tickets.printJobs(),
                staffChanges, deviceStatuses, new OfficeHistory(store, queue, config.manager().alertWait()), store,
                shared.deviceEvents());
        ApiHandler api = new ApiHandler(queue, shared.health(), config.web().maxBodyBytes(), store::countsByType,
                screens.gate());
        web = new WebServer(config.web(), screens.routes(api, simulators), screens.audiences(),
                screens.webCounters(), screens.shunnedSources());
        web.start();
        web.logExposure();
        web.registerHealth(shared.health());
        screens.start(shared.scheduler());
        tickets.checkInBookingsWith(screens.bookings()::forScan);
        tickets.showScansOn(screens.live()::scanned);
        boolean speak = config.voice().guidanceOnButtons();
        tickets.showButtonTicketsOn(number -> screens.live().buttonTicket(number, speak));
        shared.hallMessages().addListener(m -> screens.live().setNotice(
                m.map(x -> Notice.lenient(x.textVi(), x.textEn())).orElse(Notice.of("", ""))));
        ApplianceConfig.Identity id = config.identity();
        log.info("motcua appliance {} serving on http://{}:{}/ (data in {})", id.deviceId(),
                config.web().bind().getHostAddress(), web.port(), id.dataDir().toAbsolutePath());
        web.lanPort().ifPresent(p -> log.info("Staff and manager pages on the LAN at https://{}:{}/counter",
                config.web().lan().bind().getHostAddress(), p));
    }

    /** The first staff login's hashing (Argon2's first runs) is made ready after READY, not before the first page. */
    @Override
    public void afterReady() {
        screens.passwordChecks().prepare();
    }

    /** For /metrics: -1 while the outbox cannot be read (H2 failed and waits to be reopened), so a scrape still answers. */
    private long outboxDepth() {
        try {
            return store.pendingCount();
        } catch (StoreException e) {
            return -1;
        }
    }

    /** The screens' wiring (live feed, staff login); null before {@link #start}. */
    Screens screens() {
        return screens;
    }

    /** Completes when the server has answered its first request. */
    CompletableFuture<Void> firstAnswer() {
        return web.firstAnswer();
    }

    int port() {
        return web.port();
    }

    Optional<Integer> lanPort() {
        return web.lanPort();
    }

    @Override
    public void close() throws Exception {
        try {
            if (web != null) {
                web.close();
            }
        } finally {
            if (screens != null) {
                screens.close();
            }
        }
    }
}
