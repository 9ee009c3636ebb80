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
 * A day's figures over a set of tickets. The one place they are defined: the manager view (today, live),
 * {@code /metrics} and the end-of-day summary sent to the district (a finished day, from the store) all read them
 * from here, so they count the same way.
 *
 * <p>Definitions (a service's figures; the day's total is the same over every ticket):
 * <ul>
 *   <li>{@code tickets}: issued today for this service (its letter), whatever happened to them after.</li>
 *   <li>{@code transferred}: of those, sent to another service or counter at least once.</li>
 *   <li>Every other figure counts a ticket in the service it is in now (where it waits, was last called, or was
 *       served): a transferred ticket is served, skipped and rated where it ended up.</li>
 *   <li>{@code called}: called since it entered that service (a transferred ticket counts once called there).</li>
 *   <li>{@code served}: finished by a clerk; a call nobody started and replaced by call-next is a no-show, not
 *       served, unless {@code queue.unstarted_call_on_next = "served"}.</li>
 *   <li>{@code noShows}: skipped at least once today (skip, or call-next over an unstarted call), even if
 *       recalled, transferred or served afterwards.</li>
 *   <li>{@code averageWaitSeconds}/{@code longestWaitSeconds}: issue to its latest call, called tickets only
 *       (0, shown as "—", when nobody was called).</li>
 *   <li>{@code averageServiceSeconds}: start (or call, if never started) to done, served tickets only.</li>
 *   <li>{@code ratings}, {@code averageRating}, {@code ratingCounts}: the residents' ratings, 1 = rất hài lòng /
 *       very satisfied (best) … 4 = không hài lòng / not satisfied (worst): a lower average is better.</li>
 * </ul>
 * Per staff id and per counter, a ticket counts for the clerk signed in / the counter where it was finished; per
 * hour, by its local hour of issue.
 *
 * @param ratingCounts how many ratings of each score, keys 1..4 in order (always all four)
 */
public record DayFigures(int tickets, int transferred, int called, int served, int noShows, long averageWaitSeconds,
                         long longestWaitSeconds, long averageServiceSeconds, int ratings, Double averageRating,
                         Map<Integer, Integer> ratingCounts) {

    /** The rating scale, best first: score, Vietnamese label, English label. */
    public static final List<RatingLabel> RATING_SCALE = List.of(
            new RatingLabel(1, "Rất hài lòng", "Very satisfied"),
            new RatingLabel(2, "Hài lòng", "Satisfied"),
            new RatingLabel(3, "Bình thường", "Neutral"),
            new RatingLabel(4, "Không hài lòng", "Not satisfied"));

    public record RatingLabel(int score, String vi, String en) {}

    /** The same tickets for every figure: the day's total, a staff id's, an hour's. */
    public static DayFigures of(List<Ticket> all, Predicate<Ticket> which) {
        return of(all, which, which);
    }

    /**
     * @param issuedHere which tickets {@code tickets} and {@code transferred} count
     * @param endedHere  which tickets every other figure counts
     */
    static DayFigures of(List<Ticket> all, Predicate<Ticket> issuedHere, Predicate<Ticket> endedHere) {
        List<Ticket> issued = all.stream().filter(issuedHere).toList();
        List<Ticket> ts = all.stream().filter(endedHere).toList();
        List<Ticket> called = ts.stream().filter(t -> t.calledAt() != null).toList();
        List<Ticket> served = ts.stream().filter(t -> t.status() == TicketStatus.FINISHED && t.startedAt() != null
                && t.finishedAt() != null).toList();
        List<Ticket> rated = ts.stream().filter(t -> t.rating() > 0).toList();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        RATING_SCALE.forEach(r -> counts.put(r.score(), (int) rated.stream().filter(t -> t.rating() == r.score()).count()));
        return new DayFigures(issued.size(), (int) issued.stream().filter(t -> t.transfers() > 0).count(),
                called.size(), served.size(), (int) ts.stream().filter(t -> t.skippedAt() != null).count(),
                avg(called, DayFigures::wait),
                called.stream().mapToLong(DayFigures::wait).max().orElse(0),
                avg(served, t -> seconds(t.startedAt(), t.finishedAt())),
                rated.size(),
                rated.isEmpty() ? null : Math.round(rated.stream().mapToInt(Ticket::rating).average().orElse(0) * 100) / 100.0,
                java.util.Collections.unmodifiableMap(counts));
    }

    /**
     * Per service code, for the services given (in their order): tickets issued for it, and tickets now in it
     * (see the class comment). Tickets of a service no longer in the layout still count, under their own code.
     */
    public static Map<String, DayFigures> byService(List<Ticket> all, List<ServiceDef> services) {
        Map<Character, String> byPrefix = new java.util.HashMap<>();
        services.forEach(s -> byPrefix.put(s.prefix(), s.code()));
        java.util.function.Function<Ticket, String> issuedFor = t -> issuedFor(t, byPrefix);
        Map<String, DayFigures> out = new LinkedHashMap<>();
        services.forEach(s -> out.put(s.code(), of(all, t -> issuedFor.apply(t).equals(s.code()), t -> t.service().equals(s.code()))));
        all.stream().flatMap(t -> java.util.stream.Stream.of(t.service(), issuedFor.apply(t)))
                .filter(code -> !out.containsKey(code)).distinct().sorted()
                .forEach(code -> out.put(code, of(all, t -> issuedFor.apply(t).equals(code), t -> t.service().equals(code))));
        return out;
    }

    /**
     * The service a ticket was issued for: its own while never transferred, else the service of its letter (each
     * letter is one service's, {@link OfficeLayout}); its current one if the letter's service left the layout.
     */
    private static String issuedFor(Ticket t, Map<Character, String> byPrefix) {
        return t.transfers() == 0 ? t.service() : byPrefix.getOrDefault(t.number().charAt(0), t.service());
    }

    /** Per staff id of the clerk who finished the ticket, sorted by name. */
    public static Map<String, DayFigures> byStaff(List<Ticket> all) {
        Map<String, DayFigures> out = new TreeMap<>();
        all.stream().map(Ticket::servedBy).filter(Objects::nonNull).distinct()
                .forEach(name -> out.put(name, of(all, t -> name.equals(t.servedBy()))));
        return out;
    }

    /** Per counter that finished the ticket, in counter order. */
    public static Map<Integer, DayFigures> byCounter(List<Ticket> all) {
        Map<Integer, DayFigures> out = new TreeMap<>();
        all.stream().filter(t -> t.status() == TicketStatus.FINISHED && t.counter() > 0).map(Ticket::counter).distinct()
                .forEach(n -> out.put(n, of(all, t -> t.status() == TicketStatus.FINISHED && t.counter() == n)));
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
        f.put("transferred", transferred);
        f.put("called", called);
        f.put("served", served);
        f.put("no_shows", noShows);
        f.put("average_wait_seconds", called == 0 ? null : averageWaitSeconds);
        f.put("longest_wait_seconds", called == 0 ? null : longestWaitSeconds);
        f.put("average_service_seconds", served == 0 ? null : averageServiceSeconds);
        f.put("ratings", ratings);
        f.put("average_rating", averageRating);
        f.put("rating_counts", ratingCounts);
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
