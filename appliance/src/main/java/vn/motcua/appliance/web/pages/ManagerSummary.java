package vn.motcua.appliance.web.pages;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;

/**
 * Today's figures for the manager view, computed from the engine's tickets: per service, per staff member and
 * per hour (tickets, average and longest wait, average service time, no-shows, ratings), and alerts when a
 * service's queue or estimated wait passes a limit.
 */
public final class ManagerSummary {
    /** Defaults until the limits are config keys: a queue this long, or an estimate this long, raises an alert. */
    public static final int ALERT_WAITING = 30;
    public static final long ALERT_WAIT_SECONDS = 45 * 60;

    private ManagerSummary() {}

    public static Map<String, Object> of(QueueEngine e) {
        ZoneId zone = e.layout().rules().zone();
        List<Ticket> all = List.copyOf(e.tickets());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", e.day().toString());
        List<Object> services = new ArrayList<>();
        List<Object> alerts = new ArrayList<>();
        for (ServiceDef s : e.layout().services()) {
            // A transferred ticket counts for the service it is in now; its letter still names where it started.
            Map<String, Object> f = figures(all, t -> t.service().equals(s.code()));
            f.put("code", s.code());
            f.put("name_vi", s.nameVi());
            f.put("name_en", s.nameEn());
            long waiting = e.waiting(s.code());
            long estimate = e.estimatedWaitSeconds(s.code());
            f.put("waiting", waiting);
            f.put("estimated_wait_seconds", estimate);
            services.add(f);
            if (waiting >= ALERT_WAITING || estimate >= ALERT_WAIT_SECONDS) {
                alerts.add(Map.of("service", s.code(), "name_vi", s.nameVi(), "name_en", s.nameEn(), "waiting", waiting,
                        "estimated_wait_seconds", estimate));
            }
        }
        m.put("services", services);
        Map<String, Object> staff = new TreeMap<>();
        all.stream().map(Ticket::servedBy).filter(x -> x != null).distinct()
                .forEach(name -> staff.put(name, figures(all, t -> name.equals(t.servedBy()))));
        m.put("staff", staff);
        Map<Integer, Object> hours = new TreeMap<>();
        all.stream().map(t -> t.issuedAt().atZone(zone).getHour()).distinct()
                .forEach(h -> hours.put(h, figures(all, t -> t.issuedAt().atZone(zone).getHour() == h)));
        m.put("hours", hours);
        m.put("alerts", alerts);
        m.put("alert_limits", Map.of("waiting", ALERT_WAITING, "estimated_wait_seconds", ALERT_WAIT_SECONDS));
        return m;
    }

    static Map<String, Object> figures(List<Ticket> all, Predicate<Ticket> which) {
        List<Ticket> ts = all.stream().filter(which).toList();
        List<Ticket> called = ts.stream().filter(t -> t.calledAt() != null).toList();
        List<Ticket> served = ts.stream().filter(t -> t.status() == TicketStatus.FINISHED && t.startedAt() != null).toList();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tickets", ts.size());
        f.put("served", served.size());
        f.put("no_shows", ts.stream().filter(t -> t.skippedAt() != null).count());
        f.put("average_wait_seconds", avg(called, t -> Duration.between(t.issuedAt(), t.calledAt()).toSeconds()));
        f.put("longest_wait_seconds", called.stream().mapToLong(t -> Duration.between(t.issuedAt(), t.calledAt()).toSeconds())
                .max().orElse(0));
        f.put("average_service_seconds", avg(served, t -> Duration.between(t.startedAt(), t.finishedAt()).toSeconds()));
        List<Ticket> rated = ts.stream().filter(t -> t.rating() > 0).toList();
        f.put("ratings", rated.size());
        f.put("average_rating", rated.isEmpty() ? null
                : Math.round(rated.stream().mapToInt(Ticket::rating).average().orElse(0) * 100) / 100.0);
        return f;
    }

    private static long avg(List<Ticket> ts, ToLongFunction<Ticket> f) {
        return ts.isEmpty() ? 0 : Math.round(ts.stream().mapToLong(f).average().orElse(0));
    }
}
