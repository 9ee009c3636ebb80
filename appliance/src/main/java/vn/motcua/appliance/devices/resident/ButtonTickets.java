package vn.motcua.appliance.devices.resident;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.buttons.ServiceButtonListener;
import vn.motcua.appliance.devices.printer.PrintJobListener;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.service.ResidentCards;

/**
 * A service button press becomes a ticket, and the panel tells the resident what happened: the busy LED is lit
 * from the press until the ticket is committed and, when a printer is wired, until every ticket being printed
 * has come out (the printer is shared with the kiosk, so a kiosk ticket printing lights it too: press and wait);
 * a press the queue refuses (office closed, service paused or unknown) is signalled by the panel's buzzer or
 * blinking LED instead of silence. Presses are handled on {@code io}, never on the GPIO event thread. Each ticket
 * issued is also told to {@code issued} (the kiosk's screen shows it, and may speak it, for a resident who cannot use
 * the touch screen).
 */
public final class ButtonTickets implements ServiceButtonListener, PrintJobListener {
    private static final Logger log = LoggerFactory.getLogger(ButtonTickets.class);

    private final QueueService queue;
    private final ButtonPanel panel;
    private final Executor io;
    private final Consumer<String> issued;
    private int busy; // presses being issued + tickets printing; guarded by this

    /** @param issued told the number of each ticket a press issued, once committed (on {@code io}) */
    public ButtonTickets(QueueService queue, ButtonPanel panel, Executor io, Consumer<String> issued) {
        this.queue = queue;
        this.panel = panel;
        this.io = io;
        this.issued = issued;
    }

    @Override
    public void pressed(String serviceCode, long atNanos) {
        busy(+1); // lit at once: the resident sees the press was taken even before the commit
        try {
            io.execute(() -> {
                boolean issued = false;
                try {
                    issued = issue(serviceCode);
                } finally {
                    busy(-1); // before the refusal signal, so a blinking LED starts from dark
                    if (!issued) {
                        panel.signalRefused();
                    }
                }
            });
        } catch (RuntimeException e) { // shutting down
            busy(-1);
            throw e;
        }
    }

    /**
     * A citizen ID card read just before (the reader beside the buttons, {@link ResidentCards#BUTTON_WINDOW}) links
     * this ticket and gives its priority, as it would at the kiosk. The ticket prints through the queue's
     * listeners once committed; {@link #started} keeps the LED lit for it.
     */
    private boolean issue(String service) {
        Optional<ResidentCards.Pending> card = queue.residentCards().takeForButton();
        Priority priority = card.filter(ResidentCards.Pending::priority).isPresent() ? Priority.ELDERLY : Priority.NORMAL;
        String residentKey = card.map(ResidentCards.Pending::residentKey).orElse(null);
        String number;
        try {
            number = queue.execute(e -> e.issueTicket(service, priority, residentKey)).ticket().number();
        } catch (QueueRefusedException e) {
            log.info("Service button {}: refused ({})", service, e.reason());
            number = null;
        } catch (RuntimeException e) { // not stored (the service's StoreException): no ticket, so the resident
            // must not stand waiting for one
            log.error("Service button {}: could not be stored", service, e);
            number = null;
        }
        if (number == null) {
            card.ifPresent(queue.residentCards()::giveBack); // no ticket came of the press: the card still waits for one
            return false;
        }
        try {
            issued.accept(number);
        } catch (RuntimeException e) { // the ticket exists and prints: a screen that cannot show it changes nothing
            log.warn("Service button ticket {} not shown on the kiosk", number, e);
        }
        return true;
    }

    @Override
    public void started(String ticketNumber) {
        busy(+1);
    }

    @Override
    public void finished(String ticketNumber, PrintOutcome outcome) {
        busy(-1);
    }

    private synchronized void busy(int change) {
        boolean before = busy > 0;
        busy = Math.max(0, busy + change);
        if (before != busy > 0) {
            panel.setBusy(busy > 0);
        }
    }
}
