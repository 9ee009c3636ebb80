package vn.motcua.appliance.web.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.devices.printer.PrintJobs;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.Deadline;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.QueueJson;

/**
 * What the kiosk page needs besides {@code POST /api/tickets}:
 * <ul>
 * <li>{@code GET /kiosk/info}: services with waiting counts and whether each takes a ticket now ({@link KioskState}), the priorities this office grants and how the paper
 * ticket words them, the printer's status as its device reports it to {@link Health} under "printer", how long a
 * status stays on screen, whether today is one of the office's closed days;</li>
 * <li>{@code GET /kiosk/qr/A023.svg}: the ticket's QR code, the same text the paper ticket carries ({@link TicketQr});</li>
 * <li>{@code GET /kiosk/phone/A023}: how the resident follows the ticket on a phone when the QR cannot be scanned:
 * the short code the paper prints and where to type it ({@code {"enabled":true,"code":"7KQ-M4P","entry":"https://…/t"}}),
 * or {@code {"enabled":false}} with the phone page off;</li>
 * <li>{@code GET /kiosk/print/A023}: whether the paper ticket was printed, answered when the print job ends or after
 * {@link #PRINT_WAIT_SECONDS} ("unknown"), without holding a Jetty thread meanwhile ({@link PrintAnswer});</li>
 * <li>{@code GET /kiosk/ticket/A023}: where one of today's tickets is, for a resident who scanned it ({@link TicketState});</li>
 * <li>{@code POST /kiosk/booking} {@code {"code":"BK7Q2M"}}: a booked resident typed their booking's code: the check-in
 * and its ticket ({@link BookingAnswer}), or the refusal (unknown, another day, another office, already used).</li>
 * </ul>
 */
public final class KioskHandler extends Handler.Abstract {
    private static final Pattern QR = Pattern.compile("/kiosk/qr/([A-Z][0-9]{3,4})\\.svg");
    private static final Pattern PHONE = Pattern.compile("/kiosk/phone/([A-Z][0-9]{3,4})");
    private static final Pattern PRINT = Pattern.compile("/kiosk/print/([A-Z][0-9]{3,4})");
    private static final Pattern TICKET = Pattern.compile("/kiosk/ticket/([A-Z][0-9]{3,4})");
    /** Long enough for a job on a real printer (status, write, status), short enough for a resident to wait. */
    static final long PRINT_WAIT_SECONDS = 6;
    /** What the kiosk's keyboard can type (letters, digits, '-', and a scanned QR's ':' and '.', '_' of an office id). */
    private static final Pattern BOOKING_TYPED = Pattern.compile("[A-Za-z0-9:._-]{1,120}");

    private final QueueService queue;
    private final Health health;
    private final TicketQr qr;
    private final PrintJobs jobs;
    private final KioskState state;
    private final ApplianceConfig.Kiosk kiosk;
    private final BookingAnswer bookings;

    /**
     * @param state what the kiosk shows of the queue (services open or why not, priorities), as its satellites do
     * @param kiosk how long a status stays on screen untouched
     */
    public KioskHandler(QueueService queue, Health health, TicketQr qr, PrintJobs jobs, KioskState state,
                        ApplianceConfig.Kiosk kiosk, BookingAnswer bookings) {
        this.bookings = bookings;
        this.queue = queue;
        this.health = health;
        this.qr = qr;
        this.jobs = jobs;
        this.state = state;
        this.kiosk = kiosk;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String p = Request.getPathInContext(request); // under /kiosk/: the route table sends nothing else
        Exchange x = new Exchange(request, response, callback, 1024); // only /kiosk/booking reads a body
        Matcher qrPath = QR.matcher(p);
        Matcher printPath = PRINT.matcher(p);
        Matcher ticketPath = TICKET.matcher(p);
        Matcher phonePath = PHONE.matcher(p);
        if (p.equals("/kiosk/info")) {
            x.json(200, info());
        } else if (p.equals("/kiosk/booking")) {
            checkIn(x);
        } else if (qrPath.matches()) {
            Ticket t = today(qrPath.group(1));
            if (t == null) {
                noSuchTicket(x);
            } else {
                x.send(200, "image/svg+xml", QrSvg.svg(qr.text(t.number(), t.issuedAt())));
            }
        } else if (phonePath.matches()) {
            Ticket t = today(phonePath.group(1));
            if (t == null) {
                noSuchTicket(x);
            } else {
                x.json(200, phone(t));
            }
        } else if (printPath.matches()) {
            print(x, today(printPath.group(1)));
        } else if (ticketPath.matches()) {
            Map<String, Object> state = queue.read(e -> e.ticket(ticketPath.group(1)).map(t -> TicketState.of(e, t)).orElse(null));
            if (state == null) {
                noSuchTicket(x);
            } else {
                x.json(200, Map.of("ticket", state));
            }
        } else {
            ErrorCatalogue.NOT_FOUND.send(x);
        }
        return true;
    }

    private void checkIn(Exchange x) {
        try {
            if (!x.method.equals("POST")) {
                throw ErrorCatalogue.METHOD.errorWithDetail("use POST to check a booking in");
            }
            String code = vn.motcua.appliance.web.Fields.text(x.body(), "code", BOOKING_TYPED, true);
            x.json(201, bookings.checkIn(code));
        } catch (HttpError e) {
            e.send(x);
        } catch (QueueRefusedException e) {
            ErrorCatalogue.refused(e.reason(), null).send(x);
        } catch (vn.motcua.appliance.store.StorePausedException e) {
            BookingAnswer.paused(e).send(x);
        } catch (vn.motcua.appliance.store.StoreException e) {
            ErrorCatalogue.STORE_UNAVAILABLE.send(x);
        }
    }

    private Map<String, Object> phone(Ticket t) {
        var code = qr.shortCode(t.number(), t.issuedAt());
        var entry = qr.phoneEntry();
        if (code.isEmpty() || entry.isEmpty()) {
            return Map.of("enabled", false);
        }
        return Map.of("enabled", true, "code", code.get(), "entry", entry.get());
    }

    private Ticket today(String number) {
        return queue.read(e -> e.ticket(number).orElse(null));
    }

    private static void noSuchTicket(Exchange x) {
        ErrorCatalogue.UNKNOWN_TICKET.send(x);
    }

    private void print(Exchange x, Ticket t) {
        if (t == null) {
            noSuchTicket(x);
        } else if (!jobs.printerPresent()) {
            x.json(200, PrintAnswer.noPrinter());
        } else {
            CompletableFuture<PrintOutcome> job = jobs.job(t.number()).orElse(null);
            if (job == null) { // issued before a restart, or long ago: nothing is known about its paper
                x.json(200, PrintAnswer.unknown());
                return;
            }
            Deadline.within(x.request, job, PRINT_WAIT_SECONDS).whenComplete((o, error) ->
                    x.json(200, o == null ? PrintAnswer.unknown() : PrintAnswer.of(o)));
        }
    }

    private Map<String, Object> info() {
        // the queue as the screens get it, and over its services what the kiosks show (the satellites' read too)
        Map<String, Object> m = queue.read(e -> {
            Map<String, Object> both = new LinkedHashMap<>(QueueJson.queue(e));
            both.putAll(state.of(e));
            return both;
        });
        m.put("status_timeout_seconds", kiosk.statusTimeout().toSeconds());
        Health.Status printer = health.snapshot().get("printer");
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("known", printer != null);
        pm.put("ok", printer == null || printer.ok());
        pm.put("state", printer == null ? "none" : printer.state());
        pm.put("present", jobs.printerPresent());
        m.put("printer", pm);
        return m;
    }
}
