package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreFixture;
import vn.motcua.bus.MutableClock;
import vn.motcua.bus.bench.Percentiles;

/**
 * Issue 18's budget, off unless {@code -Dmotcua.bench=true}: the bytes two years of a busy office's history add to
 * the H2 file (beside the same database without them, in the same run), and the time to build a 2-year report per
 * grouping (beside a 1-day report). A busy office: 2,000 tickets a day over 10 counters, 10 clerks, 6 services,
 * 10 opening hours, every day of the two years. The cells come from {@link DayCube} over synthetic tickets, so their
 * number per day is what such a day really makes. Nothing here asserts a time.
 *
 * <p>Run: {@code . tools/java-home.sh && ./mvnw -B -q -ntp -o -pl appliance -am test
 * -Dtest=HistoryBudgetBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmotcua.bench=true -Dmotcua.jazzer=false
 * -Dmotcua.testTimeout="60 m"}
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class HistoryBudgetBenchmark {
    private static final int DAYS = 730;
    private static final int TICKETS = 2_000;
    private static final int REPEATS = 7;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String[] CODES = {"ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc"};

    private static OfficeLayout busyOffice() {
        List<ServiceDef> services = new ArrayList<>();
        for (int i = 0; i < CODES.length; i++) {
            services.add(new ServiceDef(CODES[i], CODES[i], CODES[i], (char) ('A' + i), 1, 9999, 0, OpeningHours.always()));
        }
        List<CounterDef> counters = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            // each counter serves two services, every service at three or four counters
            counters.add(new CounterDef(n, "Quầy " + n, List.of(CODES[n % 6], CODES[(n + 1) % 6])));
        }
        return new OfficeLayout(services, counters, QueueRules.defaults());
    }

    /** One busy day's tickets: most served at their counter by its clerk, some transferred, skipped, expired. */
    private static List<Ticket> day(LocalDate day, OfficeLayout layout, Random rnd) {
        List<Ticket> out = new ArrayList<>(TICKETS);
        Instant opens = day.atTime(7, 0).atZone(QueueRules.VIETNAM).toInstant();
        for (int i = 0; i < TICKETS; i++) {
            int counter = 1 + rnd.nextInt(10);
            List<String> served = layout.counter(counter).orElseThrow().services();
            String service = served.get(rnd.nextInt(served.size()));
            int transfers = rnd.nextInt(25) == 0 ? 1 : 0;
            String letterOf = transfers == 0 ? service : CODES[rnd.nextInt(6)];
            char letter = layout.service(letterOf).orElseThrow().prefix();
            Instant issued = opens.plusSeconds(rnd.nextInt(10 * 3600));
            Instant called = issued.plusSeconds(rnd.nextInt(rnd.nextInt(8) == 0 ? 5400 : 1500));
            Instant started = called.plusSeconds(20 + rnd.nextInt(100));
            Instant finished = started.plusSeconds(60 + rnd.nextInt(900));
            int fate = rnd.nextInt(100);
            TicketStatus status = fate < 90 ? TicketStatus.FINISHED : TicketStatus.EXPIRED;
            boolean done = status == TicketStatus.FINISHED;
            out.add(new Ticket(day + "/" + letter + i, day, letter + String.valueOf(i), i, service,
                    rnd.nextInt(10) == 0 ? Priority.ELDERLY : Priority.NORMAL, i, status, issued, counter, 0,
                    fate < 95 ? called : null, done ? started : null, done ? finished : null,
                    fate % 20 == 0 ? called : null, 0, transfers, null, done ? "cb" + counter : null,
                    done && rnd.nextBoolean() ? 1 + rnd.nextInt(4) : 0, fate % 33 == 0 ? 1 : 0));
        }
        return out;
    }

    @Test
    void bytesPerOfficeDayAndReportTimes(@TempDir Path dir) throws Exception {
        OfficeLayout layout = busyOffice();
        DayCube cube = new DayCube(layout, Duration.ofMinutes(30));
        MutableClock clock = new MutableClock(Instant.parse("2027-01-01T01:00:00Z"));
        Path baseline = dir.resolve("baseline");
        Path history = dir.resolve("history");
        StoreFixture.open(baseline, clock).close();
        Random rnd = new Random(18);
        long cells = 0;
        long insertNanos;
        try (QueueStore store = StoreFixture.open(history, clock)) {
            long t0 = System.nanoTime();
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                List<Cell> dayCells = cube.cells(day(day, layout, rnd));
                cells += dayCells.size();
                store.replaceDayFigures(day, dayCells);
            }
            insertNanos = System.nanoTime() - t0;
            assertEquals(DAYS, store.daysWithFigures(FIRST, FIRST.plusDays(DAYS)).size());
            reportTimes(store);
        }
        long baseWritten = Files.size(baseline.resolve("motcua.mv.db"));
        long withWritten = Files.size(history.resolve("motcua.mv.db"));
        System.out.printf("BENCH history: %d days, %d cells (%.0f a day), written in %d ms; H2 file as written"
                        + " (closed, not compacted): baseline %d bytes, with history %d bytes%n", DAYS, cells,
                cells / (double) DAYS, insertNanos / 1_000_000, baseWritten, withWritten);
        long base = compactedSize(baseline);
        long with = compactedSize(history);
        System.out.printf("BENCH history: H2 file compacted: baseline %d bytes, with history %d bytes: %.0f bytes per"
                + " office-day, %.2f MB for 2 years%n", base, with, (with - base) / (double) DAYS, (with - base) / 1e6);
        assertTrue(with > base);
    }

    private static void reportTimes(QueueStore store) {
        FigureSource source = store::dayFigures;
        Period twoYears = Period.custom(FIRST, FIRST.plusDays(DAYS - 1));
        Period oneDay = Period.of(Period.Kind.DAY, FIRST.plusDays(DAYS - 1));
        long[] read = new long[REPEATS];
        List<Cell> all = null;
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            all = store.dayFigures(twoYears.from(), twoYears.to());
            read[i] = System.nanoTime() - t0;
        }
        print("store.dayFigures, 2 years (" + all.size() + " cells)", read, null);
        for (Grouping g : Grouping.values()) {
            long[] year2 = new long[REPEATS];
            long[] summed = new long[REPEATS];
            long[] day1 = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long t0 = System.nanoTime();
                Report big = Report.of(twoYears, g, source);
                year2[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                Report inMemory = Report.of(twoYears, g, all, List.of());
                summed[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                Report small = Report.of(oneDay, g, source);
                day1[i] = System.nanoTime() - t0;
                assertEquals(DAYS * TICKETS, big.total().issued());
                assertEquals(big.total(), inMemory.total());
                assertEquals(TICKETS, small.total().issued());
            }
            print("Report.of by " + g + ", 2 years from the store", year2, day1);
            print("Report.of by " + g + ", 2 years of cells in memory", summed, null);
        }
    }

    /** p50/p99 without the first two runs (JIT and H2's page cache warming), beside the baseline when given. */
    private static void print(String what, long[] nanos, long[] baseline) {
        Percentiles p = Percentiles.of(java.util.Arrays.copyOfRange(nanos, 2, nanos.length));
        String base = "";
        if (baseline != null) {
            Percentiles b = Percentiles.of(java.util.Arrays.copyOfRange(baseline, 2, baseline.length));
            base = String.format(" | baseline 1-day report p50 %.2f ms p99 %.2f ms", b.p50() / 1e6, b.p99() / 1e6);
        }
        System.out.printf("BENCH %-52s n=%d p50 %8.1f ms p99 %8.1f ms%s%n", what, p.n(), p.p50() / 1e6,
                p.p99() / 1e6, base);
    }

    /** The file as the appliance's start leaves it once compacted: live data only, not H2's appended chunks. */
    private static long compactedSize(Path dir) throws Exception {
        // the appliance's own settings (store.Database): compressed chunks
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("motcua")
                + ";FILE_LOCK=FS;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=0;REUSE_SPACE=FALSE", "motcua", "");
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        return Files.size(dir.resolve("motcua.mv.db"));
    }
}
