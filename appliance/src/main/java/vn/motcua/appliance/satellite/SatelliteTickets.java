package vn.motcua.appliance.satellite;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.TicketPrinter;
import vn.motcua.appliance.devices.printer.TicketSlip;
import vn.motcua.retry.Backoff;

/**
 * One press at the satellite (a service button, or the kiosk's touch screen) becomes a ticket of the master, printed
 * here only once the master answered it — and the master answers only after its durable commit. Each press gets a
 * fresh key (128 random bits) that every retry of it repeats, so a retry after a lost answer, a timeout or a master
 * restart gets the same ticket back, never a second one. A press is retried for {@link #PATIENCE} while the master
 * was reachable before it, {@link #PATIENCE_OFFLINE} while it was not (the resident should not stand at a dead
 * kiosk); then it is given up and nothing prints.
 */
final class SatelliteTickets {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Duration PATIENCE_OFFLINE = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(SatelliteTickets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Printed numbers remembered for the simulators and tests: a day's worth at one kiosk. */
    static final int KEEP_PRINTED = 2000;

    private final MasterLink link;
    private final LinkState state;
    private final TicketPrinter printer; // null: no printer on this satellite
    private final List<String> printed = new ArrayList<>();

    SatelliteTickets(MasterLink link, LinkState state, TicketPrinter printer) {
        this.link = link;
        this.state = state;
        this.printer = printer;
    }

    /** What came of a press. */
    sealed interface Outcome {
        /** The master's ticket (its answer's {@code ticket}), sent to the printer. */
        record Taken(JsonNode ticket, boolean replayed) implements Outcome {}

        /** The master refused it (office closed, no such service...): its answer, from its error catalogue. */
        record Refused(int status, JsonNode answer) implements Outcome {}

        /** The master could not be reached within the press's patience: nothing was printed. */
        record Offline(String why) implements Outcome {}
    }

    static String freshKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** One press, on the caller's thread (a virtual thread: it may wait for the master for {@link #PATIENCE}). */
    Outcome press(String service, String priority) {
        String key = freshKey();
        Instant giveUp = Instant.now().plus(state.online() ? PATIENCE : PATIENCE_OFFLINE);
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), ThreadLocalRandom.current()::nextDouble);
        String why = "not tried";
        while (true) {
            try {
                MasterLink.Answer a = link.ticket(key, service, priority);
                if (!a.ok()) {
                    log.info("Press for {} refused by the master: {} {}", service, a.status(), a.body().path("error").asText());
                    return new Outcome.Refused(a.status(), a.body());
                }
                JsonNode ticket = a.body().get("ticket");
                print(ticket);
                return new Outcome.Taken(ticket, a.body().path("replayed").asBoolean());
            } catch (MasterLink.Unreachable e) {
                why = e.getMessage();
            }
            Duration wait = backoff.next();
            if (Instant.now().plus(wait).isAfter(giveUp)) {
                log.warn("Press for {} given up after {} tries: {}", service, backoff.attempts(), why);
                return new Outcome.Offline(why);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Offline("interrupted");
            }
        }
    }

    /** The master's ticket on paper, as its own printer would print it (the master chose every word and the QR). */
    private void print(JsonNode t) {
        if (printer == null) {
            return;
        }
        String number = t.path("number").asText();
        String priority = t.path("priority").asText("NORMAL");
        TicketSlip slip = new TicketSlip(t.path("office_name_vi").asText(), t.path("service_name_vi").asText(),
                t.path("service_name_en").asText(), number, "NORMAL".equals(priority) ? "" : priority,
                t.path("people_ahead").asInt(), Duration.ofSeconds(Math.max(0, t.path("estimated_wait_seconds").asLong())),
                Instant.parse(t.path("issued_at").asText()), t.path("qr").asText(), t.path("short_code").asText(),
                t.path("phone_entry").asText());
        printer.print(slip).whenComplete((outcome, error) -> printedOrNot(number, outcome));
    }

    private synchronized void printedOrNot(String number, PrintOutcome outcome) {
        if (outcome != null && outcome.printed()) {
            printed.add(number);
            if (printed.size() > KEEP_PRINTED) {
                printed.removeFirst();
            }
        } else {
            log.warn("Ticket {} of the master did not print here", number);
        }
    }

    /** The numbers printed here, in order (for the simulators and tests). */
    synchronized List<String> printed() {
        return List.copyOf(printed);
    }
}
