package vn.motcua.appliance.history;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.appliance.domain.Priority;

/**
 * The figures of a set of tickets, the same for one cell of a day ({@link Cell}) and for any sum of cells (a
 * service over a year): every field adds up, so a report over any range is the sum of its days' cells.
 *
 * <p>Definitions, the manager view's ({@link vn.motcua.appliance.domain.DayFigures}) carried to history:
 * <ul>
 *   <li>{@code issued}, {@code issuedByPriority}, {@code transferred}: tickets issued for a service (a transferred
 *       ticket counts in the service of its letter), whatever happened to them after; transferred: sent to another
 *       service or counter at least once.</li>
 *   <li>Every other figure counts a ticket where it ended: the service it is in now, the counter and clerk that
 *       finished it (none when nobody finished it).</li>
 *   <li>{@code called}: called since it entered the service it ended in (a transferred ticket counts once called
 *       there, as the manager view's); {@code waits}: issue to its latest call, those tickets only.</li>
 *   <li>{@code served}: finished by a clerk; {@code serviceTimes}: start (or call) to done.</li>
 *   <li>{@code noShows}: skipped at least once, even if recalled and served after; {@code expired}: ended by the day
 *       roll, the recall window or the district closing the queue; {@code parked}: parked at least once.</li>
 *   <li>{@code breaches}: called tickets whose wait reached the manager's {@code [manager] alert_wait}.</li>
 *   <li>{@code ratings}: how many of each score, index 0 = 1 (rất hài lòng / very satisfied) … 3 = 4 (không hài
 *       lòng / not satisfied).</li>
 * </ul>
 * Booked appointments (issue 19), the manager view's ({@link vn.motcua.appliance.store.BookingCounts}) carried to
 * history, each counted once per booking of the day ({@link DayBooking}) in the cell of the booking's service, the
 * local hour of its slot start, counter 0 and no clerk (a booking is not finished by a clerk; its ticket, if any,
 * counts in the ticket figures where it ended):
 * <ul>
 *   <li>{@code booked}: bookings the district sent for the day and did not cancel.</li>
 *   <li>{@code checkedIn}: of those, checked in at the kiosk, late ones too.</li>
 *   <li>{@code bookedOnTime}: checked in before the slot start or within the grace after it (not late).</li>
 *   <li>{@code bookingNoShows}: not checked in by the end of the grace; one checked in late after that still counts
 *       here (and in {@code checkedIn}). Distinct from {@code noShows}, which counts skipped tickets.</li>
 * </ul>
 * Immutable.
 */
public final class Figures {
    public static final Figures NONE = new Figures(new int[Priority.values().length], 0, 0, 0, 0, 0, 0, 0,
            Histogram.EMPTY, Histogram.EMPTY, new int[4], 0, 0, 0, 0);

    private final int[] issuedByPriority;
    private final int called;
    private final int served;
    private final int noShows;
    private final int expired;
    private final int transferred;
    private final int parked;
    private final int breaches;
    private final Histogram waits;
    private final Histogram serviceTimes;
    private final int[] ratings;
    private final int booked;
    private final int checkedIn;
    private final int bookedOnTime;
    private final int bookingNoShows;

    /** Tickets' figures alone, no bookings. */
    public Figures(int[] issuedByPriority, int called, int served, int noShows, int expired, int transferred,
                   int parked, int breaches, Histogram waits, Histogram serviceTimes, int[] ratings) {
        this(issuedByPriority, called, served, noShows, expired, transferred, parked, breaches, waits, serviceTimes,
                ratings, 0, 0, 0, 0);
    }

    /**
     * @param issuedByPriority tickets issued, by {@link Priority#ordinal()} (a shorter array: the rest are 0)
     * @param ratings          count of each score 1..4
     */
    public Figures(int[] issuedByPriority, int called, int served, int noShows, int expired, int transferred,
                   int parked, int breaches, Histogram waits, Histogram serviceTimes, int[] ratings, int booked,
                   int checkedIn, int bookedOnTime, int bookingNoShows) {
        if (issuedByPriority.length > Priority.values().length || ratings.length != 4) {
            throw new IllegalArgumentException("issued by " + issuedByPriority.length + " priorities, "
                    + ratings.length + " rating scores");
        }
        for (int v : new int[] {called, served, noShows, expired, transferred, parked, breaches, booked, checkedIn,
                bookedOnTime, bookingNoShows}) {
            if (v < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
        this.issuedByPriority = Arrays.copyOf(issuedByPriority, Priority.values().length);
        this.called = called;
        this.served = served;
        this.noShows = noShows;
        this.expired = expired;
        this.transferred = transferred;
        this.parked = parked;
        this.breaches = breaches;
        this.waits = waits;
        this.serviceTimes = serviceTimes;
        this.ratings = ratings.clone();
        this.booked = booked;
        this.checkedIn = checkedIn;
        this.bookedOnTime = bookedOnTime;
        this.bookingNoShows = bookingNoShows;
    }

    public Figures plus(Figures o) {
        int[] issued = issuedByPriority.clone();
        for (int i = 0; i < issued.length; i++) {
            issued[i] += o.issuedByPriority[i];
        }
        int[] r = ratings.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += o.ratings[i];
        }
        return new Figures(issued, called + o.called, served + o.served, noShows + o.noShows, expired + o.expired,
                transferred + o.transferred, parked + o.parked, breaches + o.breaches, waits.plus(o.waits),
                serviceTimes.plus(o.serviceTimes), r, booked + o.booked, checkedIn + o.checkedIn,
                bookedOnTime + o.bookedOnTime, bookingNoShows + o.bookingNoShows);
    }

    /** All tickets issued, every priority. */
    public int issued() {
        return Arrays.stream(issuedByPriority).sum();
    }

    public int issued(Priority p) {
        return issuedByPriority[p.ordinal()];
    }

    /** By {@link Priority#ordinal()}, every priority (a copy). */
    public int[] issuedByPriority() {
        return issuedByPriority.clone();
    }

    public int called() {
        return called;
    }

    public int served() {
        return served;
    }

    public int noShows() {
        return noShows;
    }

    public int expired() {
        return expired;
    }

    public int transferred() {
        return transferred;
    }

    public int parked() {
        return parked;
    }

    public int breaches() {
        return breaches;
    }

    public Histogram waits() {
        return waits;
    }

    public Histogram serviceTimes() {
        return serviceTimes;
    }

    /** Count of each score, index 0 = score 1 (a copy). */
    public int[] ratings() {
        return ratings.clone();
    }

    public int booked() {
        return booked;
    }

    public int checkedIn() {
        return checkedIn;
    }

    public int bookedOnTime() {
        return bookedOnTime;
    }

    public int bookingNoShows() {
        return bookingNoShows;
    }

    public int ratingCount() {
        return Arrays.stream(ratings).sum();
    }

    /** Mean score to two decimals (lower is better), null when nobody rated. */
    public Double averageRating() {
        int n = ratingCount();
        if (n == 0) {
            return null;
        }
        long total = 0;
        for (int i = 0; i < ratings.length; i++) {
            total += (long) (i + 1) * ratings[i];
        }
        return Math.round(total * 100.0 / n) / 100.0;
    }

    /**
     * The JSON shape of the reports API, the exports and the {@code day.summary} cells (snake_case). Times are
     * whole seconds; a time with nothing measured is null, shown as "—".
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issued", issued());
        Map<String, Integer> byPriority = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            byPriority.put(p.name(), issuedByPriority[p.ordinal()]);
        }
        m.put("issued_by_priority", byPriority);
        m.put("called", called);
        m.put("served", served);
        m.put("no_shows", noShows);
        m.put("expired", expired);
        m.put("transferred", transferred);
        m.put("parked", parked);
        m.put("breaches", breaches);
        putTimes(m, "wait", waits);
        putTimes(m, "service", serviceTimes);
        m.put("ratings", ratingCount());
        m.put("average_rating", averageRating());
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < ratings.length; i++) {
            counts.put(i + 1, ratings[i]);
        }
        m.put("rating_counts", counts);
        m.put("booked", booked);
        m.put("checked_in", checkedIn);
        m.put("booked_on_time", bookedOnTime);
        m.put("booking_no_shows", bookingNoShows);
        return m;
    }

    private static void putTimes(Map<String, Object> m, String name, Histogram h) {
        boolean any = h.count() > 0;
        m.put("average_" + name + "_seconds", any ? h.average() : null);
        m.put("p50_" + name + "_seconds", any ? h.percentile(0.5) : null);
        m.put("p90_" + name + "_seconds", any ? h.percentile(0.9) : null);
        m.put("longest_" + name + "_seconds", any ? h.max() : null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures f && Arrays.equals(issuedByPriority, f.issuedByPriority) && called == f.called
                && served == f.served && noShows == f.noShows && expired == f.expired && transferred == f.transferred
                && parked == f.parked && breaches == f.breaches && waits.equals(f.waits)
                && serviceTimes.equals(f.serviceTimes) && Arrays.equals(ratings, f.ratings) && booked == f.booked
                && checkedIn == f.checkedIn && bookedOnTime == f.bookedOnTime && bookingNoShows == f.bookingNoShows;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(issuedByPriority) * 31 + served * 7 + waits.hashCode();
    }

    @Override
    public String toString() {
        return "Figures" + asMap();
    }
}
