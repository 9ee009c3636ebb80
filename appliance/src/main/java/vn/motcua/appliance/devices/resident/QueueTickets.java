package vn.motcua.appliance.devices.resident;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.SecretFile;
import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.buttons.ServiceButtonListener;
import vn.motcua.appliance.devices.printer.PrintJobListener;
import vn.motcua.appliance.devices.printer.PrintJobs;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.printer.TicketPrinting;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.devices.reader.CodeReader;
import vn.motcua.appliance.devices.reader.ResidentMessage;
import vn.motcua.appliance.devices.reader.ScanResult;
import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.TicketKeys;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.QueueService;

/**
 * The resident devices' tickets from this appliance's own queue (a master, or an appliance on its own): every
 * committed {@code ticket.issued} prints ({@link TicketPrinting}, after the commit, never under the queue's lock), a
 * press issues a ticket ({@link ButtonTickets}), and the reader's scans reach the queue (a citizen ID card links the
 * next ticket) and the kiosk. Also what the kiosk needs of the paper: the ticket template, what a ticket's QR holds,
 * the phone page's links, each recent ticket's print job.
 */
public final class QueueTickets implements TicketSource {
    /** The phone page's secret, in the data folder (made on the first start with the page on). */
    static final String PHONE_SECRET = "phone.key";

    private final ApplianceConfig config;
    private final QueueService queue;
    private final Shared shared;
    /** Where print jobs are counted (scans and faults are counted as their events are recorded). */
    private final DeviceCounters counters;
    private TicketQr ticketQr;
    private Optional<PhoneLink> phoneLink = Optional.empty();
    private TicketTemplate ticketTemplate;
    private PrintJobs printJobs = new PrintJobs(false);
    private TicketPrinting printing;
    private volatile Consumer<Map<String, Object>> scanSink;
    private volatile Consumer<String> buttonTicketSink;
    private volatile Function<String, Map<String, Object>> bookingDesk;

    public QueueTickets(ApplianceConfig config, QueueService queue, Shared shared) {
        this.config = config;
        this.queue = queue;
        this.shared = shared;
        this.counters = shared.deviceCounters();
    }

    @Override
    public void printOn(Optional<PrinterDevice> printer) throws ConfigException, IOException {
        ApplianceConfig.Identity id = config.identity();
        ApplianceConfig.Phone phone = config.web().phone();
        if (phone.enabled()) { // a secret of its own, so replacing it ends today's phone links and nothing else
            phoneLink = Optional.of(new PhoneLink(phone.baseUrl(),
                    new TicketKeys(SecretFile.loadOrCreate(id.dataDir().resolve(PHONE_SECRET)), id.office())));
        }
        if (printer.isEmpty()) { // no paper, but the kiosk still shows the ticket's QR, as the office's template would print it
            ticketTemplate = offTemplate(config.devices().printer());
            ticketQr = qr(ticketTemplate, id.office());
            return;
        }
        ticketTemplate = printer.get().template();
        ticketQr = qr(ticketTemplate, id.office());
        printJobs = new PrintJobs(true);
        printing = new TicketPrinting(printer.get().printer(), queue.layout(), id.officeNameVi(), ticketQr);
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
    }

    @Override
    public void scansFrom(CodeReader reader) {
        DeviceEvents events = shared.deviceEvents();
        java.time.Clock clock = shared.clock();
        reader.addScanListener(result -> {
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
    }

    @Override
    public ServiceButtonListener pressesOn(ButtonPanel panel, Executor io) {
        ButtonTickets tickets = new ButtonTickets(queue, panel, io, number -> {
            Consumer<String> screens = buttonTicketSink;
            if (screens != null) {
                screens.accept(number);
            }
        });
        if (printing != null) {
            printing.addJobListener(tickets);
        }
        return tickets;
    }

    /** What ticket QR codes hold, printed or on the kiosk's screen; set once the printer is opened. */
    public TicketQr ticketQr() {
        return ticketQr;
    }

    /** The phone page's links and keys when {@code [web.phone]} is on; set once the printer is opened. */
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

    /** The template's {@code {key}} with the phone page off is the template's problem, named as its others are. */
    private TicketQr qr(TicketTemplate template, String office) throws ConfigException {
        try {
            return template.qr(office, phoneLink);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ResidentDevices.TEMPLATE, List.of(e.getMessage()));
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
            throw new ConfigException(ResidentDevices.TEMPLATE, List.of("cannot read " + ps.template().get()
                    + " (" + e.getClass().getSimpleName() + ")"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ResidentDevices.TEMPLATE, List.of(e.getMessage()));
        }
    }
}
