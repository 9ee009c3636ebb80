package vn.motcua.appliance.satellite;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.DeviceEventStream;
import vn.motcua.appliance.devices.buttons.SimulatedButtonPanel;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.appliance.devices.resident.PrinterDevice;
import vn.motcua.appliance.devices.resident.ResidentDevices;
import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.sim.SimulatorControls;

/**
 * The appliance as a satellite kiosk ({@code [satellite]} in its config, issue 17 item 3): no store and no queue of its
 * own. Its printer, code reader and service buttons are opened as on a master ({@link ResidentDevices}, their tickets
 * from the master: {@link MasterTickets}); each press asks the master for a ticket ({@link SatelliteTickets}) and
 * prints only what the master committed; the master's kiosk state is read for its touch page ({@link MasterKiosk});
 * its devices' statuses go to the master ({@link DeviceReports}); until paired it shows a pairing code ({@link MasterPairing}); its kiosk's ticket API and
 * the link's state are on its local listener ({@link SatelliteKioskHandler}).
 */
public final class SatelliteRole implements Part {
    private static final Logger log = LoggerFactory.getLogger(SatelliteRole.class);
    static final Duration PAIRING_STEP = Duration.ofSeconds(2);

    private final ApplianceConfig config;
    private final Shared shared;
    private final DeviceEventStream deviceEvents;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final List<ScheduledFuture<?>> jobs = new ArrayList<>();
    private LinkState state;
    private MasterKiosk masterKiosk;
    private SatelliteTickets tickets;
    private ResidentDevices devices;
    private Server web;

    /** @param deviceEvents the satellite's device event stream (its statuses go to the master from it) */
    public SatelliteRole(ApplianceConfig config, Shared shared, DeviceEventStream deviceEvents) {
        this.config = config;
        this.shared = shared;
        this.deviceEvents = deviceEvents;
    }

    @Override
    public String name() {
        return "satellite";
    }

    @Override
    public void start() throws Exception {
        ApplianceConfig.Satellite s = config.satellite().orElseThrow();
        TokenFile token = new TokenFile(s.tokenFile());
        state = new LinkState(shared.clock(), token.get() != null);
        state.registerHealth(shared.health());
        MasterLink link = new MasterLink(s.masterUrl(), s.masterFingerprint(), token::get, state);
        DeviceReports reports = new DeviceReports(link, state, io);
        deviceEvents.subscribe(reports);
        MasterTickets source = new MasterTickets(link, state);
        devices = new ResidentDevices(config, shared, source); // opened as a master opens its own
        devices.start();
        tickets = source.tickets();
        masterKiosk = new MasterKiosk(link, state, io);
        jobs.add(shared.scheduler().scheduleWithFixedDelay(masterKiosk::read, 0, MasterKiosk.EVERY.toMillis(),
                TimeUnit.MILLISECONDS));
        MasterPairing pairing = new MasterPairing(link, token, state);
        jobs.add(shared.scheduler().scheduleWithFixedDelay(() -> {
            if (!state.paired()) {
                io.execute(pairing);
            }
        }, 0, PAIRING_STEP.toMillis(), TimeUnit.MILLISECONDS));
        jobs.add(shared.scheduler().scheduleWithFixedDelay(reports::send, 0,
                vn.motcua.appliance.web.satellite.SatelliteDevices.REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        startWeb();
        log.info("Satellite kiosk of {} on http://{}:{}/ ({})", s.masterUrl(), config.web().bind().getHostAddress(),
                port(), state.paired() ? "paired" : "not paired yet");
    }

    @Override
    public void afterReady() throws Exception {
        devices.afterReady();
    }

    private void startWeb() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("satellite-web");
        web = new Server(pool);
        ServerConnector local = new ServerConnector(web, 1, 1);
        local.setHost(config.web().bind().getHostAddress());
        local.setPort(config.web().port());
        web.addConnector(local);
        Handler kiosk = new SatelliteKioskHandler(tickets, state, masterKiosk, shared.health(), this::devicesForKiosk,
                new SatelliteKioskPage(config.office(), config.identity().officeNameVi(), config.identity().officeNameEn()));
        Handler sims = SimulatorControls.forDevices(devices);
        Handler.Sequence all = new Handler.Sequence();
        if (sims != null) {
            all.addHandler(sims);
        }
        all.addHandler(kiosk);
        all.addHandler(new Handler.Abstract() { // anything else: the catalogue's 404
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
                ErrorCatalogue.NOT_FOUND.send(new Exchange(request, response, callback, 0));
                return true;
            }
        });
        web.setHandler(all);
        web.start();
    }

    /** The buttons' refusals so far, for the kiosk state (simulated panels count them). */
    private Map<String, Object> devicesForKiosk() {
        return simulatedButtons().<Map<String, Object>>map(b -> Map.of("button_refusals", b.refusals())).orElse(Map.of());
    }

    /** The local listener's port. */
    public int port() {
        return ((ServerConnector) web.getConnectors()[0]).getLocalPort();
    }

    /** Whether the master answered the last call. */
    public boolean online() {
        return state.online();
    }

    public boolean paired() {
        return state.paired();
    }

    /** The simulated printer, when that is this satellite's printer (tests). */
    public Optional<SimulatedPrinter> simulatedPrinter() {
        return devices == null ? Optional.empty() : devices.printer().flatMap(PrinterDevice::simulator);
    }

    /** The simulated buttons, when those are this satellite's (tests). */
    public Optional<SimulatedButtonPanel> simulatedButtons() {
        return devices == null ? Optional.empty()
                : devices.buttons().filter(SimulatedButtonPanel.class::isInstance).map(SimulatedButtonPanel.class::cast);
    }

    /** The numbers printed here, in order. */
    public List<String> printed() {
        return tickets.printed();
    }

    @Override
    public void close() throws Exception {
        jobs.forEach(j -> j.cancel(false));
        if (web != null) {
            web.stop();
        }
        if (devices != null) {
            devices.close();
        }
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
    }
}
