package vn.motcua.appliance.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;

/** The JSON shapes of the local API: what pages and curl see. */
public final class QueueJson {
    private QueueJson() {}

    public static Map<String, Object> ticket(QueueEngine e, Ticket t) {
        return ticket(e.layout(), t);
    }

    /** As {@link #ticket(QueueEngine, Ticket)}, from the layout alone (a satellite's reply, made inside a command). */
    public static Map<String, Object> ticket(vn.motcua.appliance.domain.OfficeLayout layout, Ticket t) {
        ServiceDef s = layout.service(t.service()).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("service", t.service());
        m.put("service_name_vi", s == null ? t.service() : s.nameVi());
        m.put("service_name_en", s == null ? t.service() : s.nameEn());
        m.put("priority", t.priority().name());
        m.put("status", t.status().name());
        m.put("issued_at", t.issuedAt().toString());
        m.put("counter", t.counter() == 0 ? null : t.counter());
        m.put("target_counter", t.targetCounter() == 0 ? null : t.targetCounter());
        m.put("recalls", t.recalls());
        return m;
    }

    /** Each service with how many wait for it and the estimated wait of a new ticket (the screens' and kiosks' counts). */
    public static List<Map<String, Object>> services(QueueEngine e) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceDef s : e.layout().services()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("code", s.code());
            sm.put("name_vi", s.nameVi());
            sm.put("name_en", s.nameEn());
            sm.put("prefix", String.valueOf(s.prefix()));
            sm.put("waiting", e.waiting(s.code()));
            sm.put("estimated_wait_seconds", e.estimatedWaitSeconds(s.code()));
            services.add(sm);
        }
        return services;
    }

    public static Map<String, Object> queue(QueueEngine e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", e.day().toString());
        m.put("services", services(e));
        List<Object> counters = new ArrayList<>();
        for (Counter c : e.counters()) {
            CounterDef def = e.layout().counter(c.number()).orElseThrow();
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("number", c.number());
            cm.put("name", def.name());
            cm.put("services", def.services());
            cm.put("status", c.status().name());
            cm.put("staff", c.staffId());
            Ticket t = c.currentTicket() == null ? null : e.ticketById(c.currentTicket()).orElse(null);
            cm.put("ticket", t == null ? null : t.number());
            cm.put("ticket_status", t == null ? null : t.status().name());
            cm.put("ticket_service", t == null ? null : t.service());
            cm.put("next", e.nextFor(c.number()).map(Ticket::number).orElse(null));
            putRating(e, c, cm);
            counters.add(cm);
        }
        m.put("counters", counters);
        m.put("parked", setAside(e, TicketStatus.PARKED, null));
        m.put("no_shows", setAside(e, TicketStatus.NO_SHOW, e.layout().rules().noShowRecallWindow()));
        return m;
    }

    /**
     * The finished ticket the resident at this counter may still rate, and until when (epoch ms), or nulls: the
     * counter page offers the rating keys only then.
     */
    private static void putRating(QueueEngine e, Counter c, Map<String, Object> cm) {
        Ticket done = c.lastFinishedTicket() == null || c.lastFinishedAt() == null ? null
                : e.ticketById(c.lastFinishedTicket()).orElse(null);
        boolean open = done != null && done.rating() == 0;
        cm.put("rating_ticket", open ? done.number() : null);
        cm.put("rating_until", open ? c.lastFinishedAt().plus(e.layout().rules().ratingWindow()).toEpochMilli() : null);
    }

    /**
     * Tickets a clerk can call back: parked ones, or skipped ones with the end of their recall window (epoch ms;
     * an expired one leaves the list at the next tick). Numbers and services only, as the display shows them.
     */
    private static List<Object> setAside(QueueEngine e, TicketStatus status, Duration window) {
        List<Object> out = new ArrayList<>();
        for (Ticket t : e.activeTickets()) { // parked and skipped tickets are active ones
            if (t.status() == status) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("number", t.number());
                tm.put("service", t.service());
                tm.put("counter", t.counter() == 0 ? null : t.counter());
                if (window != null) {
                    tm.put("recall_until", t.skippedAt().plus(window).toEpochMilli());
                }
                out.add(tm);
            }
        }
        return out;
    }
}
