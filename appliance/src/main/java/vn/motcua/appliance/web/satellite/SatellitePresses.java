package vn.motcua.appliance.web.satellite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.web.ErrorCatalogue;

/**
 * A satellite kiosk's presses, each applied once however often it is retried. A press carries a key the satellite
 * made for it and keeps across its retries; the master writes key and ticket as a {@value #TYPE} event in the
 * <em>same</em> commit (one H2 transaction, one journal record) as the ticket itself, so after any crash either both
 * exist or neither does. A retried key is answered with the ticket it already got, never a second one. The keys of
 * the last {@link #KEPT} are held in memory (read back from the outbox at start); a satellite gives up a press long
 * before that.
 */
public final class SatellitePresses {
    public static final String TYPE = vn.motcua.appliance.devices.printer.TicketPrinting.SATELLITE_TICKET;
    /** How long a press key is remembered: far beyond any satellite's retries (it gives up after a minute). */
    static final Duration KEPT = Duration.ofHours(36);
    /** What a satellite may use as a key: 16-64 URL-safe characters (it sends 22: 128 random bits). */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Logger log = LoggerFactory.getLogger(SatellitePresses.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final QueueService queue;
    private final Clock clock;
    private final SatelliteSlips slips;
    /** "satellite id:key" → the press as stored, oldest first (so forgetting old ones stops at the first young one). */
    private final LinkedHashMap<String, Press> presses = new LinkedHashMap<>();

    /** One press as stored: what was asked (a reused key asking something else is refused) and the answer given. */
    record Press(Instant at, String service, String priority, Map<String, Object> ticket) {}

    public SatellitePresses(QueueService queue, QueueStore store, Clock clock, SatelliteSlips slips) {
        this.queue = queue;
        this.clock = clock;
        this.slips = slips;
        List<OutboxEvent> stored = store.eventsOfTypeSince(TYPE, clock.instant().minus(KEPT));
        for (OutboxEvent e : stored) {
            try {
                Map<String, Object> p = EventJson.mapper().readValue(e.payloadJson(), MAP);
                @SuppressWarnings("unchecked")
                Map<String, Object> ticket = (Map<String, Object>) p.get("reply");
                presses.put(p.get("satellite") + ":" + p.get("key"), new Press(e.wallTime(), (String) p.get("service"),
                        (String) p.get("priority"), ticket));
            } catch (java.io.IOException | ClassCastException x) { // never written so: said, and that press is unknown
                log.error("Stored satellite press at seq {} cannot be read: {}", e.seq(), x.toString());
            }
        }
        log.info("{} satellite presses of the last {} h known", presses.size(), KEPT.toHours());
    }

    /** A press answered: the ticket and whether it was issued now or by an earlier try of the same press. */
    public record Answer(Map<String, Object> ticket, boolean replayed) {}

    /**
     * The ticket of press {@code key} of satellite {@code satellite}: the one it already got, or a new one, committed
     * with the key before this returns. Throws the queue's refusals and store failures as the kiosk's API does (then
     * nothing was stored, and a retry may still be issued).
     */
    public synchronized Answer take(long satellite, String key, String service, Priority priority) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ErrorCatalogue.BAD_PRESS_KEY.error();
        }
        String id = satellite + ":" + key;
        Press known = presses.get(id);
        if (known != null) {
            if (!known.service().equals(service) || !known.priority().equals(priority.name())) {
                throw ErrorCatalogue.PRESS_KEY_REUSED.errorWithDetail("the key was first used for " + known.service());
            }
            return new Answer(slips.paper(known.ticket()), true);
        }
        Map<String, Object>[] reply = newReply();
        CommandResult r = queue.executeWith(e -> e.issueTicket(service, priority, null), result -> {
            reply[0] = slips.reply(result);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("satellite", satellite);
            payload.put("key", key);
            payload.put("service", service);
            payload.put("priority", priority.name());
            payload.put("ticketId", result.ticket().id());
            payload.put("number", result.ticket().number());
            payload.put("reply", reply[0]);
            return List.of(new QueueStore.Appended(TYPE, payload));
        });
        Instant at = r.events().stream().filter(ev -> ev instanceof QueueEvent.TicketIssued).findFirst()
                .map(QueueEvent::at).orElse(clock.instant());
        presses.put(id, new Press(at, service, priority.name(), reply[0]));
        forgetOld();
        return new Answer(slips.paper(reply[0]), false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newReply() {
        return new Map[1];
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        for (Iterator<Press> i = presses.values().iterator(); i.hasNext(); ) {
            if (!i.next().at().isBefore(before)) {
                return;
            }
            i.remove();
        }
    }

    public synchronized int known() {
        return presses.size();
    }
}
