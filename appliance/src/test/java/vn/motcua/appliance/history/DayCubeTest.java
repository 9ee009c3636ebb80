package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;

/** The definitions of {@link Figures} as {@link DayCube} applies them, ticket by ticket (office zone UTC+7). */
class DayCubeTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-03");
    private final DayCube cube = new DayCube(TestOffices.small(), Duration.ofMinutes(30));

    private static Instant t(String utc) {
        return Instant.parse("2026-11-" + utc + "Z");
    }

    /** A ticket as the engine leaves it; {@code letterService} only names the number's letter. */
    private static Ticket ticket(String number, String service, Priority p, TicketStatus status, Instant issued,
                                 int counter, Instant called, Instant started, Instant finished, Instant skipped,
                                 int transfers, String servedBy, int rating, int parks) {
        return new Ticket(DAY + "/" + number, DAY, number, Integer.parseInt(number.substring(1)), service, p, 1, status,
                issued, counter, 0, called, started, finished, skipped, 0, transfers, null, servedBy, rating, parks);
    }

    private static Figures figures(Priority p, int called, int served, int noShows, int expired, int transferred,
                                   int parked, int breaches, long[] waits, long[] services, int[] ratings) {
        int[] issued = new int[Priority.values().length];
        if (p != null) {
            issued[p.ordinal()] = 1;
        }
        Histogram w = Histogram.EMPTY;
        for (long s : waits) {
            w = w.plus(s);
        }
        Histogram st = Histogram.EMPTY;
        for (long s : services) {
            st = st.plus(s);
        }
        return new Figures(issued, called, served, noShows, expired, transferred, parked, breaches, w, st, ratings);
    }

    @Test
    void aServedTicketCountsAtTheCounterAndClerkThatFinishedItInTheHourItWasIssued() {
        // issued 08:10 local, called 30 min later (a breach at alert_wait 30 min), skipped once and recalled, parked
        // once, served 10 min, rated 2
        Ticket a = ticket("A001", "ho-tich", Priority.NORMAL, TicketStatus.FINISHED, t("03T01:10:00"), 3,
                t("03T01:40:00"), t("03T01:41:00"), t("03T01:51:00"), t("03T01:35:00"), 0, "cb1", 2, 1);
        assertEquals(List.of(new Cell(new CellKey(DAY, "ho-tich", 3, "cb1", 8),
                figures(Priority.NORMAL, 1, 1, 1, 0, 0, 1, 1, new long[] {1800}, new long[] {600},
                        new int[] {0, 1, 0, 0}))), cube.cells(List.of(a)));
    }

    @Test
    void aWaitJustUnderTheAlertIsNoBreach() {
        Ticket a = ticket("A002", "ho-tich", Priority.ELDERLY, TicketStatus.FINISHED, t("03T01:10:00"), 1,
                t("03T01:39:59"), null, t("03T01:45:00"), null, 0, "cb1", 0, 0);
        Figures f = cube.cells(List.of(a)).getFirst().figures();
        assertEquals(0, f.breaches());
        assertEquals(1799, f.waits().sum());
        assertEquals(1, f.issued(Priority.ELDERLY));
    }

    @Test
    void aTransferredTicketIsIssuedUnderItsLettersServiceAndEndsWhereItWasFinished() {
        // B003 issued for đất đai, sent to hộ tịch, finished there at counter 1 by cb2
        Ticket b = ticket("B003", "ho-tich", Priority.DISABLED, TicketStatus.FINISHED, t("03T02:05:00"), 1,
                t("03T02:20:00"), t("03T02:21:00"), t("03T02:26:00"), null, 1, "cb2", 0, 0);
        assertEquals(List.of(
                new Cell(new CellKey(DAY, "dat-dai", 1, "cb2", 9),
                        figures(Priority.DISABLED, 0, 0, 0, 0, 1, 0, 0, new long[0], new long[0], new int[4])),
                new Cell(new CellKey(DAY, "ho-tich", 1, "cb2", 9),
                        figures(null, 1, 1, 0, 0, 0, 0, 0, new long[] {900}, new long[] {300}, new int[4]))),
                cube.cells(List.of(b)));
    }

    @Test
    void anUnfinishedTicketHasNoCounterNorClerkEvenIfOneCalledIt() {
        // called at counter 2 and never served: expired by the roll while CALLED there
        Ticket a = ticket("A004", "ho-tich", Priority.NORMAL, TicketStatus.EXPIRED, t("03T09:00:00"), 2,
                t("03T09:50:00"), null, null, null, 0, null, 0, 0);
        // transferred from đất đai to hộ tịch, never called there, issued 06:30 local (23:30 UTC the day before)
        Ticket b = ticket("B005", "ho-tich", Priority.NORMAL, TicketStatus.EXPIRED, Instant.parse("2026-11-02T23:30:00Z"),
                2, null, null, null, null, 1, null, 0, 2);
        List<Cell> cells = cube.cells(List.of(a, b));
        assertEquals(List.of(
                new Cell(new CellKey(DAY, "dat-dai", 0, "", 6),
                        figures(Priority.NORMAL, 0, 0, 0, 0, 1, 0, 0, new long[0], new long[0], new int[4])),
                new Cell(new CellKey(DAY, "ho-tich", 0, "", 6),
                        figures(null, 0, 0, 0, 1, 0, 1, 0, new long[0], new long[0], new int[4])),
                new Cell(new CellKey(DAY, "ho-tich", 0, "", 16),
                        figures(Priority.NORMAL, 1, 0, 0, 1, 0, 0, 1, new long[] {3000}, new long[0], new int[4]))),
                cells);
    }

    @Test
    void theHourIsTheOfficesLocalHourOfIssue() {
        // 16:59:59 UTC is 23:59:59 in Hà Nội; 17:00 UTC would be the next calendar day at 00:00
        Ticket late = ticket("A006", "ho-tich", Priority.NORMAL, TicketStatus.EXPIRED, t("03T16:59:59"), 0,
                null, null, null, null, 0, null, 0, 0);
        Ticket early = ticket("A007", "ho-tich", Priority.NORMAL, TicketStatus.EXPIRED, t("02T21:00:00"), 0,
                null, null, null, null, 0, null, 0, 0);
        List<Cell> cells = cube.cells(List.of(late, early));
        assertEquals(List.of(4, 23), cells.stream().map(c -> c.key().hour()).toList());
    }

    @Test
    void ticketsOfOneCellAddUpAndEveryRatingScoreKeepsItsPlace() {
        List<Ticket> ts = new java.util.ArrayList<>();
        for (int score = 1; score <= 4; score++) {
            ts.add(ticket("A01" + score, "ho-tich", Priority.NORMAL, TicketStatus.FINISHED, t("03T03:00:00"), 1,
                    t("03T03:0" + score + ":00"), t("03T03:10:00"), t("03T03:20:00"), null, 0, "cb1", score, 0));
        }
        ts.add(ticket("A020", "ho-tich", Priority.PREGNANT, TicketStatus.FINISHED, t("03T03:00:00"), 1,
                t("03T03:05:00"), t("03T03:06:00"), t("03T03:07:00"), null, 0, "cb1", 0, 0));
        List<Cell> cells = cube.cells(ts);
        assertEquals(1, cells.size());
        Figures f = cells.getFirst().figures();
        assertEquals(5, f.issued());
        assertEquals(1, f.issued(Priority.PREGNANT));
        assertEquals(5, f.served());
        assertEquals(List.of(1, 1, 1, 1), java.util.Arrays.stream(f.ratings()).boxed().toList());
        assertEquals(2.5, f.averageRating());
        assertEquals(60 + 120 + 180 + 240 + 300, f.waits().sum());
        assertEquals(600 * 4 + 60, f.serviceTimes().sum());
        assertTrue(cube.cells(List.of()).isEmpty());
    }
}
