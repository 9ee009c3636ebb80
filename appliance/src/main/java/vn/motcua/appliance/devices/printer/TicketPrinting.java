package vn.motcua.appliance.devices.printer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.service.QueueListener;
import vn.motcua.appliance.service.CommittedEvent;
import vn.motcua.appliance.domain.TicketQr;

/**
 * Prints a ticket for every ticket the queue issues here (kiosk, API or button), after it is durably
 * committed: the ticket exists whether or not the printer works, and a printer fault reaches staff
 * through the status listeners, not through the queue. A ticket a satellite kiosk asked for is printed
 * there, from the master's answer, and not here as well.
 */
public final class TicketPrinting implements QueueListener {
    private static final Logger log = LoggerFactory.getLogger(TicketPrinting.class);
    /**
     * The event a satellite kiosk's press is committed with, in the same commit as its ticket
     * ({@code web.satellite.SatellitePresses}, whose type this is). Such a ticket went to the satellite's own
     * paper: printed here too it was a stray ticket at the master's kiosk nobody takes, and it held the master's
     * printer (and a resident's press there) behind it (found by {@code OfficeWithSatelliteBenchmark}).
     */
    public static final String SATELLITE_TICKET = "satellite.ticket";
    private final TicketPrinter printer;
    private final OfficeLayout layout;
    private final String officeNameVi;
    private final TicketQr qr;
    private final List<PrintJobListener> jobListeners = new CopyOnWriteArrayList<>();

    /**
     * @param officeNameVi the office's name printed at the top ({@code appliance.office_name_vi})
     * @param qr           what each ticket's QR holds: the same text the kiosk shows on screen
     */
    public TicketPrinting(TicketPrinter printer, OfficeLayout layout, String officeNameVi, TicketQr qr) {
        this.printer = printer;
        this.layout = layout;
        this.officeNameVi = officeNameVi;
        this.qr = qr;
    }

    public void addJobListener(PrintJobListener l) {
        jobListeners.add(l);
    }

    @Override
    public void onCommitted(CommandResult result, List<CommittedEvent> events) {
        if (events.stream().anyMatch(e -> SATELLITE_TICKET.equals(e.type()))) {
            return; // printed at the satellite that asked for it
        }
        for (QueueEvent e : result.events()) {
            if (e instanceof QueueEvent.TicketIssued t) {
                String number = t.number();
                jobListeners.forEach(l -> l.started(number));
                try {
                    printer.print(slip(t)).whenComplete((outcome, error) ->
                            finished(number, outcome != null ? outcome : PrintOutcome.notSent(printer.status())));
                } catch (RuntimeException ex) { // a slip that cannot be built must not stop the queue
                    log.warn("ticket {} not sent to the printer: {}", number, ex.getMessage());
                    finished(number, PrintOutcome.notSent(printer.status()));
                }
            }
        }
    }

    private void finished(String number, PrintOutcome outcome) {
        for (PrintJobListener l : jobListeners) {
            try {
                l.finished(number, outcome);
            } catch (RuntimeException e) {
                log.error("print job listener failed", e);
            }
        }
    }

    TicketSlip slip(QueueEvent.TicketIssued t) {
        ServiceDef s = layout.service(t.service()).orElseThrow(() -> new IllegalStateException("unknown service " + t.service()));
        String url = qr.text(t.number(), t.at());
        return new TicketSlip(officeNameVi, s.nameVi(), s.nameEn(), t.number(), "NORMAL".equals(t.priority()) ? "" : t.priority(),
                t.peopleAhead(), Duration.ofSeconds(Math.max(0, t.estimatedWaitSeconds())), t.at(), url,
                qr.shortCode(t.number(), t.at()).orElse(""), qr.phoneEntry().orElse(""));
    }
}
