package vn.motcua.appliance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;

/** The JSON shapes of the local API: what pages and curl see. */
public final class QueueJson {
    private QueueJson() {}

    public static Map<String, Object> ticket(QueueEngine e, Ticket t) {
        ServiceDef s = e.layout().service(t.service()).orElse(null);
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

    public static Map<String, Object> queue(QueueEngine e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", e.day().toString());
        List<Object> services = new ArrayList<>();
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
        m.put("services", services);
        List<Object> counters = new ArrayList<>();
        for (Counter c : e.counters()) {
            CounterDef def = e.layout().counter(c.number()).orElseThrow();
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("number", c.number());
            cm.put("name", def.name());
            cm.put("services", def.services());
            cm.put("status", c.status().name());
            cm.put("staff", c.staffId());
            Ticket t = c.currentTicket() == null ? null : e.tickets().stream()
                    .filter(x -> x.id().equals(c.currentTicket())).findFirst().orElse(null);
            cm.put("ticket", t == null ? null : t.number());
            cm.put("ticket_status", t == null ? null : t.status().name());
            counters.add(cm);
        }
        m.put("counters", counters);
        return m;
    }
}
