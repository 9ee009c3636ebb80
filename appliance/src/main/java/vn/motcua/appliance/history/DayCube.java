package vn.motcua.appliance.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;

/**
 * A day's tickets and bookings as the cells of the office's history ({@link Figures} for the definitions). Pure: the
 * day roll computes it from the ended day's ticket and booking rows, the reports from today's live tickets and
 * today's booking rows, the technician's recompute from the raw events' tickets and booking events.
 *
 * <p>A booking counts in the cell of its service, the local hour of its slot start, counter 0 and no clerk: the slot
 * is when the office planned for it (a no-show has no other time), and no clerk finishes a booking. Its ticket, if it
 * was checked in, counts apart among the tickets, where that ticket ended.
 */
public final class DayCube {
    private final Map<Character, String> serviceOfLetter = new HashMap<>();
    private final ZoneId zone;
    private final long alertWaitSeconds;

    public DayCube(OfficeLayout layout, Duration alertWait) {
        for (ServiceDef s : layout.services()) {
            serviceOfLetter.put(s.prefix(), s.code());
        }
        this.zone = layout.rules().zone();
        this.alertWaitSeconds = alertWait.toSeconds();
    }

    /** The day's cells of tickets alone (a day without bookings), sorted by key. */
    public List<Cell> cells(List<Ticket> tickets) {
        return cells(tickets, List.of());
    }

    /** The day's cells, sorted by key; only cells with something in them. */
    public List<Cell> cells(List<Ticket> tickets, List<DayBooking> bookings) {
        Map<CellKey, Figures> out = new TreeMap<>();
        for (DayBooking b : bookings) {
            out.merge(new CellKey(b.day(), b.service(), 0, "", b.slotStart().atZone(zone).getHour()), b.figures(),
                    Figures::plus);
        }
        for (Ticket t : tickets) {
            boolean finished = t.status() == TicketStatus.FINISHED;
            int counter = finished && t.counter() > 0 ? t.counter() : 0;
            String staff = finished && t.servedBy() != null ? t.servedBy() : "";
            int hour = t.issuedAt().atZone(zone).getHour();
            CellKey issuedKey = new CellKey(t.day(), issuedFor(t), counter, staff, hour);
            CellKey endedKey = new CellKey(t.day(), t.service(), counter, staff, hour);
            out.merge(issuedKey, issuedPart(t), Figures::plus);
            out.merge(endedKey, endedPart(t), Figures::plus);
        }
        List<Cell> cells = new ArrayList<>(out.size());
        out.forEach((k, f) -> cells.add(new Cell(k, f)));
        return cells;
    }

    /** The service a ticket was issued for: its own while never transferred, else its letter's (if still laid out). */
    private String issuedFor(Ticket t) {
        return t.transfers() == 0 ? t.service() : serviceOfLetter.getOrDefault(t.number().charAt(0), t.service());
    }

    private static Figures issuedPart(Ticket t) {
        int[] issued = new int[t.priority().ordinal() + 1];
        issued[t.priority().ordinal()] = 1;
        return new Figures(issued, 0, 0, 0, 0, t.transfers() > 0 ? 1 : 0, 0, 0, Histogram.EMPTY, Histogram.EMPTY,
                new int[4]);
    }

    private Figures endedPart(Ticket t) {
        boolean called = t.calledAt() != null;
        long wait = called ? seconds(t.issuedAt(), t.calledAt()) : 0;
        boolean served = t.status() == TicketStatus.FINISHED && t.startedAt() != null && t.finishedAt() != null;
        int[] ratings = new int[4];
        if (t.rating() >= 1 && t.rating() <= 4) {
            ratings[t.rating() - 1] = 1;
        }
        return new Figures(new int[0], called ? 1 : 0, served ? 1 : 0, t.skippedAt() != null ? 1 : 0,
                t.status() == TicketStatus.EXPIRED ? 1 : 0, 0, t.parks() > 0 ? 1 : 0,
                called && wait >= alertWaitSeconds ? 1 : 0,
                called ? Histogram.EMPTY.plus(wait) : Histogram.EMPTY,
                served ? Histogram.EMPTY.plus(seconds(t.startedAt(), t.finishedAt())) : Histogram.EMPTY, ratings);
    }

    /** Never negative, even across a wall-clock step backwards. */
    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
