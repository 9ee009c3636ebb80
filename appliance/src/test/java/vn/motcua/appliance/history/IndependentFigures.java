package vn.motcua.appliance.history;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEventTypes;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * The office's figures computed straight from the raw queue events of the outbox, written apart from
 * {@link DayCube}, {@code QueueRebuild} and the store: each ticket's life is folded from its events, then counted
 * under the definitions of {@link Figures}. Durations stay raw (every wait and service time, in seconds), so a
 * percentile is checked against the values themselves, not against another histogram.
 *
 * <p>Reusable by any check of the history's outputs (reports, exports): {@link #tallies(Period, Grouping)} holds
 * the raw values, {@link #expected(Period, Grouping)} the same as {@link Figures}.
 */
public final class IndependentFigures {
    /** One ticket as its events tell it. */
    private static final class Life {
        LocalDate day;
        String issuedService;
        String service;
        Priority priority;
        Instant issuedAt;
        Instant calledAt;
        Instant startedAt;
        Instant finishedAt;
        int finishCounter;
        String finishStaff;
        boolean skipped;
        boolean parked;
        boolean expired;
        boolean transferred;
        int rating;
    }

    /** Where a ticket counts: day, service, finishing counter and clerk, hour of issue. */
    public record Key(LocalDate day, String service, int counter, String staffId, int hour) {}

    /** Raw figures of a set of tickets: counts and every duration. Mutable while folding, then only read. */
    public static final class Tally {
        final int[] issued = new int[Priority.values().length];
        int called;
        int served;
        int noShows;
        int expired;
        int transferred;
        int parked;
        int breaches;
        final List<Long> waits = new ArrayList<>();
        final List<Long> serviceTimes = new ArrayList<>();
        final int[] ratings = new int[4];

        void add(Tally o) {
            for (int i = 0; i < issued.length; i++) {
                issued[i] += o.issued[i];
            }
            called += o.called;
            served += o.served;
            noShows += o.noShows;
            expired += o.expired;
            transferred += o.transferred;
            parked += o.parked;
            breaches += o.breaches;
            waits.addAll(o.waits);
            serviceTimes.addAll(o.serviceTimes);
            for (int i = 0; i < 4; i++) {
                ratings[i] += o.ratings[i];
            }
        }

        public int issued() {
            return Arrays.stream(issued).sum();
        }

        public int[] issuedByPriority() {
            return issued.clone();
        }

        public int called() { return called; }
        public int served() { return served; }
        public int noShows() { return noShows; }
        public int expired() { return expired; }
        public int transferred() { return transferred; }
        public int parked() { return parked; }
        public int breaches() { return breaches; }
        public int[] ratings() { return ratings.clone(); }
        public List<Long> waits() { return Collections.unmodifiableList(waits); }
        public List<Long> serviceTimes() { return Collections.unmodifiableList(serviceTimes); }

        /** As {@link Figures}, the durations put into histograms one by one. */
        public Figures toFigures() {
            Histogram w = Histogram.EMPTY;
            for (long s : waits) {
                w = w.plus(s);
            }
            Histogram st = Histogram.EMPTY;
            for (long s : serviceTimes) {
                st = st.plus(s);
            }
            return new Figures(issued, called, served, noShows, expired, transferred, parked, breaches, w, st, ratings);
        }
    }

    private final ZoneId zone;
    private final long alertWaitSeconds;
    private final Map<Key, Tally> cells = new TreeMap<>(java.util.Comparator.comparing(Key::day)
            .thenComparing(Key::service).thenComparingInt(Key::counter).thenComparing(Key::staffId)
            .thenComparingInt(Key::hour));

    private IndependentFigures(ZoneId zone, Duration alertWait) {
        this.zone = zone;
        this.alertWaitSeconds = alertWait.toSeconds();
    }

    /** From the outbox's events in seq order (other event types are passed over). */
    public static IndependentFigures of(List<OutboxEvent> outbox, ZoneId zone, Duration alertWait) {
        IndependentFigures f = new IndependentFigures(zone, alertWait);
        Map<String, Life> lives = new LinkedHashMap<>();
        for (OutboxEvent e : outbox) {
            var type = QueueEventTypes.classOf(e.type());
            if (type.isEmpty()) {
                continue;
            }
            QueueEvent event;
            try {
                event = EventJson.mapper().readValue(e.payloadJson(), type.get());
            } catch (JsonProcessingException x) {
                throw new IllegalStateException("event " + e.seq() + " unreadable", x);
            }
            fold(lives, event);
        }
        lives.values().forEach(f::count);
        return f;
    }

    private static void fold(Map<String, Life> lives, QueueEvent event) {
        switch (event) {
            case QueueEvent.TicketIssued e -> {
                Life l = new Life();
                l.day = LocalDate.parse(e.ticketId().substring(0, e.ticketId().indexOf('/')));
                l.issuedService = e.service();
                l.service = e.service();
                l.priority = Priority.valueOf(e.priority());
                l.issuedAt = e.at();
                lives.put(e.ticketId(), l);
            }
            case QueueEvent.TicketCalled e -> {
                Life l = lives.get(e.ticketId());
                l.calledAt = e.at();
                l.startedAt = null; // a call back from parking or no-show starts the service again
            }
            case QueueEvent.ServiceStarted e -> lives.get(e.ticketId()).startedAt = e.at();
            case QueueEvent.TicketNoShow e -> lives.get(e.ticketId()).skipped = true;
            case QueueEvent.TicketParked e -> lives.get(e.ticketId()).parked = true;
            case QueueEvent.TicketExpired e -> lives.get(e.ticketId()).expired = true;
            case QueueEvent.TicketTransferred e -> {
                Life l = lives.get(e.ticketId());
                l.transferred = true;
                l.service = e.toService();
                l.calledAt = null; // "called" counts in the service it ended in
                l.startedAt = null;
            }
            case QueueEvent.TicketFinished e -> {
                Life l = lives.get(e.ticketId());
                l.finishedAt = e.at();
                l.finishCounter = e.counter();
                l.finishStaff = e.staffId() == null ? "" : e.staffId();
            }
            case QueueEvent.ServiceRated e -> lives.get(e.ticketId()).rating = e.score();
            case QueueEvent.TicketRecalled e -> { }
            case QueueEvent.CounterChanged e -> { }
            case QueueEvent.DayStarted e -> { }
            case QueueEvent.BookingCheckedIn e -> { } // its ticket is the ticket.issued of the same command
            case QueueEvent.BookingNoShow e -> { }
        }
    }

    private void count(Life l) {
        boolean finished = l.finishedAt != null;
        int counter = finished ? l.finishCounter : 0;
        String staff = finished ? l.finishStaff : "";
        int hour = l.issuedAt.atZone(zone).getHour();
        Tally issued = tally(new Key(l.day, l.issuedService, counter, staff, hour));
        issued.issued[l.priority.ordinal()]++;
        if (l.transferred) {
            issued.transferred++;
        }
        Tally ended = tally(new Key(l.day, l.service, counter, staff, hour));
        if (l.calledAt != null) {
            long wait = seconds(l.issuedAt, l.calledAt);
            ended.called++;
            ended.waits.add(wait);
            if (wait >= alertWaitSeconds) {
                ended.breaches++;
            }
        }
        if (finished) {
            ended.served++;
            ended.serviceTimes.add(seconds(l.startedAt != null ? l.startedAt : l.calledAt, l.finishedAt));
        }
        if (l.skipped) ended.noShows++;
        if (l.expired) ended.expired++;
        if (l.parked) ended.parked++;
        if (l.rating >= 1) ended.ratings[l.rating - 1]++;
    }

    private Tally tally(Key k) {
        return cells.computeIfAbsent(k, x -> new Tally());
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** Every day that holds a ticket. */
    public List<LocalDate> days() {
        return cells.keySet().stream().map(Key::day).distinct().toList();
    }

    /** The cells as keys and raw tallies. */
    public Map<Key, Tally> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /** The tallies of the period's tickets, one per group (keys as {@link Grouping#key} makes them). */
    public Map<Comparable<?>, Tally> tallies(Period period, Grouping grouping) {
        Map<Comparable<?>, Tally> out = new TreeMap<>();
        cells.forEach((k, t) -> {
            if (period.contains(k.day())) {
                out.computeIfAbsent(groupOf(k, grouping), x -> new Tally()).add(t);
            }
        });
        return out;
    }

    public Map<Comparable<?>, Figures> expected(Period period, Grouping grouping) {
        Map<Comparable<?>, Figures> out = new TreeMap<>();
        tallies(period, grouping).forEach((k, t) -> out.put(k, t.toFigures()));
        return out;
    }

    /** Every ticket of the period in one tally. */
    public Tally total(Period period) {
        Tally all = new Tally();
        cells.forEach((k, t) -> {
            if (period.contains(k.day())) {
                all.add(t);
            }
        });
        return all;
    }

    /** {@code [weekday 0 = Monday][hour]} of the period's tickets, by hour of issue. */
    public Tally[][] heatMap(Period period) {
        Tally[][] heat = new Tally[7][24];
        for (Tally[] row : heat) {
            for (int h = 0; h < 24; h++) {
                row[h] = new Tally();
            }
        }
        cells.forEach((k, t) -> {
            if (period.contains(k.day())) {
                heat[k.day().getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()][k.hour()].add(t);
            }
        });
        return heat;
    }

    /** Written out here rather than taken from {@link Grouping#key}, so a wrong key there is caught. */
    private static Comparable<?> groupOf(Key k, Grouping g) {
        return switch (g) {
            case SERVICE -> k.service();
            case COUNTER -> k.counter();
            case CLERK -> k.staffId();
            case HOUR -> k.hour();
            case DAY -> k.day();
            case WEEKDAY -> k.day().getDayOfWeek().getValue();
        };
    }

    /**
     * Nearest-rank percentile of raw durations, reported as the upper bound of the bucket that value falls in
     * (capped at the maximum): what {@link Histogram#percentile} promises, computed from the values themselves.
     */
    public static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        long max = sorted.getLast();
        long v = sorted.get((int) Math.max(1, Math.ceil(p * sorted.size())) - 1);
        for (int bound : Histogram.BOUNDS) {
            if (v <= bound) {
                return Math.min(bound, max);
            }
        }
        return max;
    }
}
