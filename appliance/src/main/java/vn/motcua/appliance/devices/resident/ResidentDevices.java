package vn.motcua.appliance.devices.resident;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

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
import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.devices.printer.PrintJobListener;
import vn.motcua.appliance.devices.printer.PrintJobs;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.PrinterFaultEvents;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.printer.TicketPrinting;
import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.TicketKeys;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.devices.SecretFile;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.devices.reader.CodeReader;
import vn.motcua.appliance.devices.reader.ReaderDevice;
import vn.motcua.appliance.devices.reader.ReaderFaultEvents;
import vn.motcua.appliance.devices.reader.ReaderSetup;
import vn.motcua.appliance.devices.reader.ResidentMessage;
import vn.motcua.appliance.devices.reader.ScanResult;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.QueueService;

/**
 * Wires the resident-facing devices (ticket printer, code reader, service buttons) to the queue. Blocking device
 * I/O runs on virtual threads, never on the scheduler or under the queue's lock; the queue never waits for a
 * printer: a ticket exists once committed, and a printer fault reaches staff as status and a device event.
 */
public final class ResidentDevices implements Part {
    /** The printer's part name, on /healthz and in its device events. */
    private static final String PRINTER = "printer";
    /** The phone page's secret, in the data folder (made on the first start with the page on). */
    static final String PHONE_SECRET = "phone.key";
    private static final Logger log = LoggerFactory.getLogger(ResidentDevices.class);

    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private PrinterDevice printer;
    private ButtonPanel buttons;
    private CodeReader reader;
    private volatile Consumer<Map<String, Object>> scanSink;
    private volatile Consumer<String> buttonTicketSink;
    private volatile Function<String, Map<String, Object>> bookingDesk;
    private final ApplianceConfig config;
    private final QueueService queue;
    private final Shared shared;
    /** Where print jobs are counted (scans and faults are counted as their events are recorded). */
    private final DeviceCounters counters;
    private TicketQr ticketQr;
    private Optional<PhoneLink> phoneLink = Optional.empty();
    private TicketTemplate ticketTemplate;
    private PrintJobs printJobs = new PrintJobs(false);

    public ResidentDevices(ApplianceConfig config, QueueService queue, Shared shared) {
        this.config = config;
        this.queue = queue;
        this.shared = shared;
        this.counters = shared.deviceCounters();
    }

    @Override
    public String name() {
        return "resident devices";
    }

    /** What ticket QR codes hold, printed or on the kiosk's screen; set by {@link #start}. */
    public TicketQr ticketQr() {
        return ticketQr;
    }

    /** The phone page's links and keys when {@code [web.phone]} is on; set by {@link #start}. */
    public Optional<PhoneLink> phoneLink() {
        return phoneLink;
    }

    /** The paper ticket's layout and wording; the kiosk's on-screen ticket names a priority in the same words. */
    public TicketTemplate ticketTemplate() {
        return ticketTemplate;
    }

    /** Each recent ticket's print job, for the kiosk to say whether paper came out. */
    public PrintJobs printJobs() {
        return printJobs;
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
        PrinterSettings ps = config.devices().printer();
        ReaderSetup rs = config.devices().reader();
        ButtonSetup bs = config.devices().buttons();
        TicketPrinting printing = null;
        ApplianceConfig.Phone phone = config.web().phone();
        if (phone.enabled()) { // a secret of its own, so replacing it ends today's phone links and nothing else
            phoneLink = Optional.of(new PhoneLink(phone.baseUrl(),
                    new TicketKeys(SecretFile.loadOrCreate(id.dataDir().resolve(PHONE_SECRET)), id.office())));
        }
        Optional<PrinterDevice> p;
        try {
            p = PrinterDevice.open(ps, id.dataDir(), io, scheduler, clock);
        } catch (IllegalArgumentException e) { // the ticket template: the message names the key
            throw new ConfigException("[devices.printer] template", List.of(e.getMessage()));
        }
        if (p.isPresent()) {
            printer = p.get();
            opened.add(printer);
            PrinterFaultEvents faultEvents = new PrinterFaultEvents(PRINTER, events);
            printer.printer().addStatusListener(faultEvents);
            faultEvents.started(printer.printer().status());
            ticketTemplate = printer.template();
            ticketQr = qr(ticketTemplate, id.office());
            printJobs = new PrintJobs(true);
            printing = new TicketPrinting(printer.printer(), queue.layout(), id.officeNameVi(), ticketQr);
            printing.addJobListener(printJobs);
            printing.addJobListener(new PrintJobListener() {
                @Override public void started(String ticketNumber) { }
                @Override public void finished(String ticketNumber, PrintOutcome outcome) {
                    if (outcome.queueFull()) {
                        counters.printJobQueueFull();
                    } else {
                        counters.printJob(outcome.printed());
                    }
                }
            });
            queue.addListener(printing);
            printer.start();
        } else { // no paper, but the kiosk still shows the ticket's QR, as the office's template would print it
            ticketTemplate = offTemplate(ps);
            ticketQr = qr(ticketTemplate, id.office());
            events.publish(new DeviceEvent.StatusChanged(new DeviceStatus(PRINTER, DeviceStatus.State.OFF,
                    DeviceStatus.Reason.NONE, "no printer configured", clock.instant())));
        }
        Optional<CodeReader> reader = ReaderDevice.open(rs, id.dataDir(), io, scheduler, clock,
                config.office().rules().zone());
        if (reader.isPresent()) {
            CodeReader r = reader.get();
            this.reader = r;
            opened.add(r);
            ReaderFaultEvents readerEvents = new ReaderFaultEvents(events);
            r.addStatusListener(readerEvents);
            readerEvents.accept(r.status());
            r.addScanListener(result -> {
                Consumer<Map<String, Object>> screens = scanSink;
                if (result instanceof ScanResult.Booking b) { // its check-in (or refusal) is what gets recorded
                    Function<String, Map<String, Object>> desk = bookingDesk;
                    if (screens != null && desk != null) {
                        screens.accept(desk.apply(b.code()));
                    }
                    return;
                }
                events.publish(scanned(result));
                // a card read now links the resident's next ticket at the kiosk (the token, never the key, goes out)
                String card = result instanceof ScanResult.CitizenId c ? queue.residentCards().offer(c.residentKey(), c.priority()) : null;
                if (screens != null) {
                    screens.accept(forScreens(result, card, clock));
                }
            });
            r.start();
        }
        Optional<ButtonPanel> panel = ButtonDevice.open(bs, scheduler);
        if (panel.isPresent()) {
            ButtonPanel b = panel.get();
            this.buttons = b;
            opened.add(b);
            ButtonTickets tickets = new ButtonTickets(queue, b, io, number -> {
                Consumer<String> screens = buttonTicketSink;
                if (screens != null) {
                    screens.accept(number);
                }
            });
            b.addPressListener(tickets);
            if (printing != null) {
                printing.addJobListener(tickets);
            }
            b.start();
            events.publish(new DeviceEvent.StatusChanged(b.status()));
        }
    }

    /**
     * What a scan was, recorded without personal data: a citizen ID is already reduced to a keyed hash and an age
     * band by the reader.
     */
    private static DeviceEvent scanned(ScanResult result) {
        return switch (result) {
            case ScanResult.Dossier d -> new DeviceEvent.DossierScanned(d.code());
            case ScanResult.CitizenId c -> new DeviceEvent.CitizenIdScanned(c.priority());
            case ScanResult.Ticket t -> new DeviceEvent.TicketScanned(t.ticketNumber());
            case ScanResult.Booking b -> throw new IllegalArgumentException("a booking scan is recorded by its check-in");
            case ScanResult.Rejected r -> new DeviceEvent.ScanRejected(r.reason().name());
        };
    }

    /**
     * Checks a scanned booking in and says what to show on the kiosk (the ticket, or the refusal); set once the
     * screens exist. Until then a booking scan is dropped (the kiosk could not show its answer).
     */
    public void checkInBookingsWith(Function<String, Map<String, Object>> desk) {
        this.bookingDesk = desk;
    }

    /** Where scans are shown (the kiosk, through the live feed); set once the screens exist. */
    public void showScansOn(Consumer<Map<String, Object>> sink) {
        this.scanSink = sink;
    }

    /**
     * Where a ticket taken with a service button is shown (the kiosk, through the live feed): a resident who cannot use
     * the touch screen sees, and may hear, the ticket the button gave. Set once the screens exist.
     */
    public void showButtonTicketsOn(Consumer<String> sink) {
        this.buttonTicketSink = sink;
    }

    /** @param card the {@link vn.motcua.appliance.service.ResidentCards} token of a citizen ID card, else null */
    private Map<String, Object> forScreens(ScanResult result, String card, java.time.Clock clock) {
        return switch (result) {
            case ScanResult.Dossier d -> Map.of("kind", "dossier", "code", d.code());
            case ScanResult.CitizenId c -> Map.of("kind", "citizen_id", "priority", c.priority(), "card", card);
            // only the exact code a ticket of today carries: an old ticket, or another office's, is not looked up
            case ScanResult.Booking b -> throw new IllegalArgumentException("a booking scan is shown by its check-in");
            case ScanResult.Ticket t -> Map.of("kind", "ticket", "number", t.ticketNumber(),
                    "today", ticketQr.text(t.ticketNumber(), ticketQr.today(clock.instant())).equals(t.code()));
            case ScanResult.Rejected r -> {
                ResidentMessage m = ResidentMessage.forRejection(r.reason());
                yield Map.of("kind", "rejected", "message_vi", m.vi(), "message_en", m.en());
            }
        };
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

    /** The template's {@code {key}} with the phone page off is the template's problem, named as its others are. */
    private TicketQr qr(TicketTemplate template, String office) throws ConfigException {
        try {
            return template.qr(office, phoneLink);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[devices.printer] template", List.of(e.getMessage()));
        }
    }

    /** With the printer off, the office's template still says what the kiosk's QR holds: read it as strictly. */
    private static TicketTemplate offTemplate(PrinterSettings ps) throws ConfigException {
        if (ps.template().isEmpty()) {
            return TicketTemplate.bundled();
        }
        try {
            return TicketTemplate.load(ps.template().get());
        } catch (IOException e) {
            throw new ConfigException("[devices.printer] template", List.of("cannot read " + ps.template().get()
                    + " (" + e.getClass().getSimpleName() + ")"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[devices.printer] template", List.of(e.getMessage()));
        }
    }
}
