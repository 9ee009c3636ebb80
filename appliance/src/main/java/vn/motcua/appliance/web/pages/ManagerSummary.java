package vn.motcua.appliance.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.domain.DayFigures;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;

/**
 * Today's figures for the manager view, computed from the engine's tickets: per service, per staff member, per
 * counter and per hour ({@link DayFigures}, with the rating scale's labels), and alerts when a service's queue or estimated wait reaches the {@code [manager]}
 * limits. The same figures go to the district at day's end ({@code service.DaySummary}).
 */
public final class ManagerSummary {
    private ManagerSummary() {}

    public static Map<String, Object> of(QueueEngine e, ApplianceConfig.Manager limits) {
        List<Ticket> all = List.copyOf(e.tickets());
        Map<String, DayFigures> perService = DayFigures.byService(all, e.layout().services());
        long alertWaitSeconds = limits.alertWait().toSeconds();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", e.day().toString());
        List<Object> services = new ArrayList<>();
        List<Object> alerts = new ArrayList<>();
        for (ServiceDef s : e.layout().services()) {
            // tickets: issued for this service; the rest: tickets now in it (DayFigures says why).
            Map<String, Object> f = perService.get(s.code()).asWebMap();
            f.put("code", s.code());
            f.put("name_vi", s.nameVi());
            f.put("name_en", s.nameEn());
            long waiting = e.waiting(s.code());
            long estimate = e.estimatedWaitSeconds(s.code());
            f.put("waiting", waiting);
            f.put("estimated_wait_seconds", estimate);
            services.add(f);
            if (waiting >= limits.alertWaiting() || estimate >= alertWaitSeconds) {
                alerts.add(Map.of("service", s.code(), "name_vi", s.nameVi(), "name_en", s.nameEn(), "waiting", waiting,
                        "estimated_wait_seconds", estimate));
            }
        }
        m.put("services", services);
        Map<String, Object> staff = new LinkedHashMap<>();
        DayFigures.byStaff(all).forEach((name, f) -> staff.put(name, f.asWebMap()));
        m.put("staff", staff);
        Map<Integer, Object> counters = new LinkedHashMap<>();
        DayFigures.byCounter(all).forEach((n, f) -> counters.put(n, f.asWebMap()));
        m.put("counters", counters);
        // Ratings are never shown as bare numbers: 1 is the best, which nobody guesses.
        m.put("rating_scale", DayFigures.RATING_SCALE.stream()
                .map(r -> Map.of("score", r.score(), "label_vi", r.vi(), "label_en", r.en())).toList());
        Map<Integer, Object> hours = new LinkedHashMap<>();
        DayFigures.byHour(all, e.layout().rules().zone()).forEach((h, f) -> hours.put(h, f.asWebMap()));
        m.put("hours", hours);
        m.put("alerts", alerts);
        m.put("alert_limits", Map.of("waiting", limits.alertWaiting(), "estimated_wait_seconds", alertWaitSeconds));
        return m;
    }

    /**
     * Today's bookings (issue 19), from the store's booking rows: booked, checked in, on time (before the slot or
     * within the grace), no-shows (not checked in by the end of the grace; a late check-in after that still counts).
     */
    public static Map<String, Object> bookings(vn.motcua.appliance.store.BookingCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("booked", c.booked());
        m.put("checked_in", c.checkedIn());
        m.put("on_time", c.onTime());
        m.put("no_shows", c.noShows());
        return m;
    }
}
