package vn.motcua.appliance.devices.resident;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.appliance.devices.printer.EscPosPrinter;
import vn.motcua.appliance.devices.printer.PrinterLink;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.printer.SerialPrinterLink;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.devices.printer.UsblpPrinterLink;
import vn.motcua.appliance.devices.printer.sim.InMemoryPrinterLink;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/**
 * Builds the configured printer: the link for the mode, the office's template (or the bundled one),
 * and in simulated mode the in-memory printer that writes each ticket as a PNG under
 * {@code <data>/tickets/} (the demo needs no tty and no socat). {@link #start()} warms the renderer
 * and starts status polling. Wiring only; the behaviour lives in {@link EscPosPrinter}.
 */
public final class PrinterDevice implements AutoCloseable {
    private final PrinterSettings settings;
    private final EscPosPrinter printer;
    private final SimulatedPrinter simulator;

    private PrinterDevice(PrinterSettings settings, EscPosPrinter printer, SimulatedPrinter simulator) {
        this.settings = settings;
        this.printer = printer;
        this.simulator = simulator;
    }

    /** Empty when the printer is off. Throws if the template is unreadable or invalid (a setup mistake). */
    public static Optional<PrinterDevice> open(PrinterSettings s, Path dataDir, Executor io, ScheduledExecutorService scheduler,
                                               Clock clock) throws IOException {
        if (s.mode() == PrinterSettings.Mode.OFF) {
            return Optional.empty();
        }
        TicketTemplate template = s.template().isPresent() ? TicketTemplate.load(s.template().get()) : TicketTemplate.bundled();
        SimulatedPrinter sim = null;
        PrinterLink link = switch (s.mode()) {
            case SERIAL -> new SerialPrinterLink(s.port(), s.baud(), s.rtsCts(), s.jobTimeout());
            case USBLP -> new UsblpPrinterLink(Path.of(s.port()), s.statusTimeout(), s.jobTimeout());
            default -> new InMemoryPrinterLink(sim = new SimulatedPrinter(template.widthDots(),
                    s.simulatedImages() ? dataDir.resolve("tickets") : null,
                    clock.withZone(template.zone())));
        };
        EscPosPrinter p = new EscPosPrinter(link, template, io, scheduler, clock, s.statusTimeout(), s.jobTimeout());
        PrinterDevice d = new PrinterDevice(s, p, sim);
        d.template = template;
        return Optional.of(d);
    }

    /** Starts polling status. */
    public void start() {
        printer.startStatusPolling(settings.statusPoll());
    }

    /**
     * Warms the renderer (off the first resident's ticket; after READY: {@link ResidentDevices#afterReady}) and waits
     * for it, so the warm-ups behind READY run one after another rather than side by side.
     */
    public void warmUp() throws Exception {
        // bounded: a warm-up still queued when the devices close is dropped with its executor and never completes
        printer.warmUp().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private TicketTemplate template;

    /** The layout tickets are printed with (office-editable). */
    public TicketTemplate template() {
        return template;
    }

    public EscPosPrinter printer() {
        return printer;
    }

    /** The simulated printer in simulated mode (the demo can set paper out through it). */
    public Optional<SimulatedPrinter> simulator() {
        return Optional.ofNullable(simulator);
    }

    @Override
    public void close() {
        printer.close();
    }
}
