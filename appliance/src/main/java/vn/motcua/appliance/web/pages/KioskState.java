package vn.motcua.appliance.web.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.QueueJson;

/**
 * What a kiosk shows before a resident touches it, read from the queue in one look: each service with how many wait
 * and the estimated wait of a new ticket, and whether a ticket for it can be taken now or, if not, why (the queue's
 * own check, {@link QueueEngine#ticketRefusalNow}, in the catalogue's words: closed today, not yet open, lunch break,
 * at its daily cap…); the priorities this office grants and how the paper ticket words them; the office's time zone;
 * whether today is one of its closed days. The master's kiosk ({@code /kiosk/info}) and its satellite kiosks
 * ({@code GET /satellite/kiosk-state}) both read it here, so a resident at the side door sees what one at the master's
 * kiosk sees. Nothing personal: no clerk, no resident, no ticket.
 */
public final class KioskState {
    private final QueueService queue;
    private final TicketTemplate paper;
    private final Clock clock;

    /** @param paper the paper ticket's wording, so a kiosk names a priority as the paper does */
    public KioskState(QueueService queue, TicketTemplate paper, Clock clock) {
        this.queue = queue;
        this.paper = paper;
        this.clock = clock;
    }

    /** The kiosk's state now (a satellite's read). */
    public Map<String, Object> read() {
        return queue.read(this::of);
    }

    /** The kiosk's state in {@code e} (under the queue's read lock). */
    Map<String, Object> of(QueueEngine e) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> services = QueueJson.services(e);
        for (Map<String, Object> s : services) {
            var refusal = e.ticketRefusalNow((String) s.get("code"));
            s.put("open", refusal.isEmpty());
            refusal.ifPresent(r -> s.put("refused", ErrorCatalogue.refused(r, null).body()));
        }
        m.put("services", services);
        List<Map<String, Object>> prios = new ArrayList<>();
        Map<String, String> onTicket = new LinkedHashMap<>();
        for (Priority pr : Priority.values()) {
            if (pr.isPriority() && e.layout().rules().priorities().contains(pr)) {
                prios.add(Map.of("code", pr.name(), "name_vi", pr.nameVi(), "name_en", pr.nameEn()));
            }
            if (pr.isPriority()) {
                onTicket.put(pr.name(), paper.priorityKind(pr.name()));
            }
        }
        m.put("priorities", prios);
        // The priority mark and kind exactly as the paper ticket prints them (the office's ticket template).
        m.put("ticket_priority", Map.of("mark", paper.labelPriority(), "kinds", onTicket));
        ZoneId zone = e.layout().rules().zone();
        m.put("zone", zone.getId());
        m.put("closed_today", e.layout().closedDays().closed(LocalDate.now(clock.withZone(zone))));
        return m;
    }
}
