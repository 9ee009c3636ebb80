package vn.motcua.appliance.history;

import java.time.LocalDate;

/**
 * One cell as the {@code day.summary} event carries it (TOPICS.md) and as the store reads it back from that event:
 * every count, and each histogram as its sum, maximum and bucket counts ({@link Histogram#encoded()}).
 *
 * <p>The four booking figures came later (issue 19): a summary from an appliance before them has none, and reads as 0.
 *
 * @param issued  tickets issued by priority, in {@link vn.motcua.appliance.domain.Priority} order
 * @param ratings count of each score 1..4
 */
public record CellWire(String service, int counter, String staffId, int hour, int[] issued, int called, int served,
                       int noShows, int expired, int transferred, int parked, int breaches, long waitSum, int waitMax,
                       String waitHist, long serviceSum, int serviceMax, String serviceHist, int[] ratings,
                       int booked, int checkedIn, int bookedOnTime, int bookingNoShows) {

    public static CellWire of(Cell c) {
        CellKey k = c.key();
        Figures f = c.figures();
        return new CellWire(k.service(), k.counter(), k.staffId(), k.hour(), f.issuedByPriority(), f.called(),
                f.served(), f.noShows(), f.expired(), f.transferred(), f.parked(), f.breaches(), f.waits().sum(),
                f.waits().max(), f.waits().encoded(), f.serviceTimes().sum(), f.serviceTimes().max(),
                f.serviceTimes().encoded(), f.ratings(), f.booked(), f.checkedIn(), f.bookedOnTime(),
                f.bookingNoShows());
    }

    /** Throws {@link IllegalArgumentException} (or a {@link NullPointerException}) on a malformed cell. */
    public Cell toCell(LocalDate day) {
        return new Cell(new CellKey(day, service, counter, staffId, hour), new Figures(issued, called, served, noShows,
                expired, transferred, parked, breaches, Histogram.decode(waitHist, waitSum, waitMax),
                Histogram.decode(serviceHist, serviceSum, serviceMax), ratings, booked, checkedIn, bookedOnTime,
                bookingNoShows));
    }
}
