package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Histogram;
import vn.motcua.bus.MutableClock;

/** The booking figures in {@code day_figures} (V6): kept and read back, and a row written before them reads as 0. */
class BookingFiguresStoreTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-03");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-04T01:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void theBookingFiguresRoundTripAndAnOlderRowReadsAsNone() throws Exception {
        Figures f = new Figures(new int[] {2, 1}, 3, 2, 1, 0, 0, 0, 1, Histogram.EMPTY.plus(40).plus(2000),
                Histogram.EMPTY.plus(300), new int[] {1, 0, 0, 0}, 5, 4, 3, 2);
        Cell cell = new Cell(new CellKey(DAY, "ho-tich", 0, "", 9), f);
        Database.Opened db = Database.open(dir, clock);
        try (QueueStore store = new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot-1",
                () -> true), Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024))) {
            store.replaceDayFigures(DAY, List.of(cell));
            assertEquals(List.of(cell), store.dayFigures(DAY, DAY));

            // a row as V4 wrote it, without the booking columns: the migration's defaults
            Connection c = db.connection();
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO day_figures (business_day, service, counter_no, staff_id, hour_of_day,"
                        + " issued, issued_by_priority, called, served, no_shows, expired, transferred, parked, breaches,"
                        + " wait_sum, wait_max, wait_hist, service_sum, service_max, service_hist, ratings) VALUES"
                        + " (DATE '2026-11-02', 'dat-dai', 1, 'lan', 10, 1, '1', 1, 1, 0, 0, 0, 0, 0, 60, 60, '0,1',"
                        + " 120, 120, '0,0,1', '0,1,0,0')");
            }
            c.commit();
            Figures older = store.dayFigures(DAY.minusDays(1), DAY.minusDays(1)).getFirst().figures();
            assertEquals(1, older.served());
            assertEquals(List.of(0, 0, 0, 0), List.of(older.booked(), older.checkedIn(), older.bookedOnTime(),
                    older.bookingNoShows()));
        }
    }
}
