package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One definition per figure (see {@link DayFigures}): where a transferred, skipped, recalled ticket counts. */
class DayFiguresTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @Test
    void aTicketSkippedRecalledAndTransferredIsIssuedWhereItStartedAndANoShowWhereItEnded() {
        engine.openCounter(1, "lan");
        engine.openCounter(3, "thu");
        engine.issueTicket("hotich", Priority.NORMAL, null);   // A001
        engine.issueTicket("hotich", Priority.NORMAL, null);   // A002
        engine.callNext(1);
        engine.skip(1);                                        // A001 skipped
        engine.recallNoShow(1, "A001");                        // ... came back
        engine.transferToService(1, "datdai");                 // ... and belongs to đất đai
        engine.callNext(1);                                    // A002
        engine.startService(1);
        engine.finish(1);
        engine.rate(1, 4);
        engine.callNext(3);                                    // A001 at counter 3
        engine.startService(3);
        engine.finish(3);
        engine.rate(3, 1);

        List<Ticket> all = List.copyOf(engine.tickets());
        Map<String, DayFigures> by = DayFigures.byService(all, engine.layout().services());
        DayFigures hotich = by.get("hotich");
        DayFigures datdai = by.get("datdai");
        assertEquals(2, hotich.tickets(), "both issued for hộ tịch");
        assertEquals(1, hotich.transferred());
        assertEquals(0, datdai.tickets());
        assertEquals(1, hotich.served());
        assertEquals(1, datdai.served(), "served under đất đai");
        assertEquals(0, hotich.noShows());
        assertEquals(1, datdai.noShows(), "skipped once, whatever followed");
        DayFigures total = DayFigures.of(all, t -> true);
        assertEquals(2, total.tickets());
        assertEquals(1, total.noShows());
        assertEquals(2, total.served());
        assertEquals(Map.of(1, 1, 2, 0, 3, 0, 4, 1), total.ratingCounts());
        assertEquals(2.5, total.averageRating());
        assertEquals(Map.of(1, 0, 2, 0, 3, 0, 4, 1), DayFigures.byStaff(all).get("lan").ratingCounts());
        assertEquals(1, DayFigures.byCounter(all).get(3).ratingCounts().get(1));
        // the sums over services are the totals: nothing counted twice, nothing lost
        assertEquals(total.tickets(), by.values().stream().mapToInt(DayFigures::tickets).sum());
        assertEquals(total.served(), by.values().stream().mapToInt(DayFigures::served).sum());
        assertEquals(total.noShows(), by.values().stream().mapToInt(DayFigures::noShows).sum());
    }
}
