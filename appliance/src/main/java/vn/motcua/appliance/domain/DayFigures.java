package vn.motcua.appliance.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A day's figures over a set of tickets: tickets, called, served, no-shows, average and longest wait (issue to
 * call; 0 when nobody was called), average service time (start to done; 0 when nobody was served), ratings. Shared by the manager view (today, live) and the end-of-day
 * summary sent to the district (a finished day, from the store), so both count the same way.
 */
public record DayFigures(int tickets, int called, int served, int noShows, long averageWaitSeconds, long longestWaitSeconds,
                         long averageServiceSeconds, int ratings, Double averageRating) {

    public static DayFigures of(List<Ticket> all, Predicate<Ticket> which) {
        List<Ticket> ts = all.stream().filter(which).toList();
        List<Ticket> called = ts.stream().filter(t -> t.calledAt() != null).toList();
        List<Ticket> served = ts.stream().filter(t -> t.status() == TicketStatus.FINISHED && t.startedAt() != null
                && t.finishedAt() != null).toList();
        List<Ticket> rated = ts.stream().filter(t -> t.rating() > 0).toList();
        return new DayFigures(ts.size(), called.size(), served.size(), (int) ts.stream().filter(t -> t.skippedAt() != null).count(),
                avg(called, DayFigures::wait),
                called.stream().mapToLong(DayFigures::wait).max().orElse(0),
                avg(served, t -> seconds(t.startedAt(), t.finishedAt())),
                rated.size(),
                rated.isEmpty() ? null : Math.round(rated.stream().mapToInt(Ticket::rating).average().orElse(0) * 100) / 100.0);
    }

    /** Per service code, for the services given (in their order), each counting the tickets now in that service. */
    public static Map<String, DayFigures> byService(List<Ticket> all, List<ServiceDef> services) {
        Map<String, DayFigures> out = new LinkedHashMap<>();
        services.forEach(s -> out.put(s.code(), of(all, t -> t.service().equals(s.code()))));
        // Tickets of a service no longer in the layout still count, under their own code.
        all.stream().map(Ticket::service).filter(code -> !out.containsKey(code)).distinct().sorted()
                .forEach(code -> out.put(code, of(all, t -> t.service().equals(code))));
        return out;
    }

    /** Per staff id of the clerk who finished the ticket, sorted by name. */
    public static Map<String, DayFigures> byStaff(List<Ticket> all) {
        Map<String, DayFigures> out = new TreeMap<>();
        all.stream().map(Ticket::servedBy).filter(Objects::nonNull).distinct()
                .forEach(name -> out.put(name, of(all, t -> name.equals(t.servedBy()))));
        return out;
    }

    /** Per local hour of issue (0-23), in order. */
    public static Map<Integer, DayFigures> byHour(List<Ticket> all, ZoneId zone) {
        Map<Integer, DayFigures> out = new TreeMap<>();
        all.stream().map(t -> t.issuedAt().atZone(zone).getHour()).distinct()
                .forEach(h -> out.put(h, of(all, t -> t.issuedAt().atZone(zone).getHour() == h)));
        return out;
    }

    /**
     * The manager view's keys (snake_case, like the rest of the local web API). A time with nothing to measure
     * (nobody called or served yet) is null, which the page shows as "—" rather than a misleading 0.0 min.
     */
    public Map<String, Object> asWebMap() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tickets", tickets);
        f.put("called", called);
        f.put("served", served);
        f.put("no_shows", noShows);
        f.put("average_wait_seconds", called == 0 ? null : averageWaitSeconds);
        f.put("longest_wait_seconds", called == 0 ? null : longestWaitSeconds);
        f.put("average_service_seconds", served == 0 ? null : averageServiceSeconds);
        f.put("ratings", ratings);
        f.put("average_rating", averageRating);
        return f;
    }

    private static long wait(Ticket t) {
        return seconds(t.issuedAt(), t.calledAt());
    }

    /** Never negative, even across a wall-clock step backwards. */
    private static long seconds(java.time.Instant from, java.time.Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    private static long avg(List<Ticket> ts, ToLongFunction<Ticket> f) {
        return ts.isEmpty() ? 0 : Math.round(ts.stream().mapToLong(f).average().orElse(0));
    }
}
