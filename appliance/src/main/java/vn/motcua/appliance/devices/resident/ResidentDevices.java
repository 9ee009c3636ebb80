package vn.motcua.appliance.devices.resident;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.buttons.ButtonDevice;
import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.printer.PrinterFaultEvents;
import vn.motcua.appliance.devices.reader.CodeReader;
import vn.motcua.appliance.devices.reader.ReaderDevice;
import vn.motcua.appliance.devices.reader.ReaderFaultEvents;

/**
 * Opens the resident-facing devices (ticket printer, code reader, service buttons) as the config says, each with its
 * fault events and first status, and closes what was opened; where their tickets come from is the
 * {@link TicketSource} it is given: this appliance's queue ({@link QueueTickets}), or a satellite kiosk's master.
 * So a master and a satellite open their devices one way. Blocking device I/O runs on virtual threads, never on the
 * scheduler or under the queue's lock; the queue never waits for a printer: a ticket exists once committed, and a
 * printer fault reaches staff as status and a device event.
 */
public final class ResidentDevices implements Part {
    /** The printer's part name, on /healthz and in its device events. */
    private static final String PRINTER = "printer";
    /** What a ticket template's problem is named after (the config key that points to the template). */
    static final String TEMPLATE = "[devices.printer] template";
    private static final Logger log = LoggerFactory.getLogger(ResidentDevices.class);

    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ApplianceConfig config;
    private final Shared shared;
    private final TicketSource tickets;
    private PrinterDevice printer;
    private ButtonPanel buttons;
    private CodeReader reader;

    /** @param tickets where a press gets its ticket, and what prints: the local queue, or the master */
    public ResidentDevices(ApplianceConfig config, Shared shared, TicketSource tickets) {
        this.config = config;
        this.shared = shared;
        this.tickets = tickets;
    }

    @Override
    public String name() {
        return "resident devices";
    }

    public Optional<PrinterDevice> printer() {
        return Optional.ofNullable(printer);
    }

    /** The code reader, when configured (the simulated one is how the demo scans). */
    public Optional<CodeReader> reader() {
        return Optional.ofNullable(reader);
    }

    /** The service buttons, when configured (the simulated panel is how tests and the demo press them). */
    public Optional<ButtonPanel> buttons() {
        return Optional.ofNullable(buttons);
    }

    @Override
    public void start() throws ConfigException, IOException {
        DeviceEvents events = shared.deviceEvents();
        ScheduledExecutorService scheduler = shared.scheduler();
        java.time.Clock clock = shared.clock();
        ApplianceConfig.Identity id = config.identity();
        Optional<PrinterDevice> p;
        try {
            p = PrinterDevice.open(config.devices().printer(), id.dataDir(), io, scheduler, clock);
        } catch (IllegalArgumentException e) { // the ticket template: the message names the key
            throw new ConfigException(TEMPLATE, List.of(e.getMessage()));
        }
        if (p.isPresent()) {
            printer = p.get();
            opened.add(printer);
            PrinterFaultEvents faultEvents = new PrinterFaultEvents(PRINTER, events);
            printer.printer().addStatusListener(faultEvents);
            faultEvents.started(printer.printer().status());
        }
        tickets.printOn(p);
        if (printer != null) {
            printer.start();
        } else {
            events.publish(new DeviceEvent.StatusChanged(new DeviceStatus(PRINTER, DeviceStatus.State.OFF,
                    DeviceStatus.Reason.NONE, "no printer configured", clock.instant())));
        }
        Optional<CodeReader> r = ReaderDevice.open(config.devices().reader(), id.dataDir(), io, scheduler, clock,
                config.office().rules().zone());
        if (r.isPresent()) {
            reader = r.get();
            opened.add(reader);
            ReaderFaultEvents readerEvents = new ReaderFaultEvents(events);
            reader.addStatusListener(readerEvents);
            readerEvents.accept(reader.status());
            tickets.scansFrom(reader);
            reader.start();
        }
        Optional<ButtonPanel> panel = ButtonDevice.open(config.devices().buttons(), scheduler);
        if (panel.isPresent()) {
            buttons = panel.get();
            opened.add(buttons);
            buttons.addPressListener(tickets.pressesOn(buttons, io));
            buttons.start();
            events.publish(new DeviceEvent.StatusChanged(buttons.status()));
        }
    }

    /** The printer's renderer warms after READY: the first ticket is a while off, the first page is not. */
    @Override
    public void afterReady() throws Exception {
        if (printer != null) {
            printer.warmUp();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing {}: {}", c, e.toString());
            }
        }
        io.shutdownNow();
        // A print job may be writing its page (the simulated printer's PNG) as we close: a closed appliance writes
        // nothing more into its data folder, so wait for it (it ends on the interrupt or when the page is written).
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A printer or reader job was still running 5 s after the devices were closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
