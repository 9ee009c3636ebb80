package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.domain.Priority;

/**
 * Issue 18's "done when": sixty office days through the real engine and store, then every figure of the reports
 * (each month, ISO week, quarter, some days, the whole range and random custom ranges; every grouping; the heat
 * map; the previous period's total) against {@link IndependentFigures}, computed from the outbox's raw events; and
 * the XLSX and CSV exports, read back by independent readers, against the same.
 */
class SixtyOfficeDaysTest {
    private static final int DAYS = 60;

    @Test
    void everyFigureOfEveryReportAgreesWithTheRawEvents(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        try (SimulatedOffice.Result r = SimulatedOffice.run(dir, 18L, DAYS)) {
            long simulated = System.nanoTime();
            IndependentFigures expected = r.independent();
            assertSimulationCoveredEveryCase(expected);
            // every day with tickets has stored figures, the two restarted days included (one came back by replay)
            List<LocalDate> stored = r.store().daysWithFigures(r.firstDay(), r.lastDay());
            assertEquals(expected.days(), stored);
            for (LocalDate d : r.restartedDays()) {
                assertTrue(stored.contains(d), d + " rolled across a restart and kept its figures");
            }
            assertEveryStoredCellIsTheIndependentOne(r.store().dayFigures(r.firstDay(), r.lastDay()), expected);
            assertTheDistrictGetsTheStoredCells(r);
            int reports = 0;
            for (Period p : periods(r.firstDay(), r.lastDay())) {
                for (Grouping g : Grouping.values()) {
                    check(Report.of(p, g, r.figures()), expected);
                    reports++;
                }
            }
            // the files an office opens in Excel: each month's and the whole range's XLSX and CSV, read back by
            // openpyxl and Python's csv module, every number against the raw events
            List<Period> exported = new java.util.ArrayList<>();
            for (LocalDate m = r.firstDay().withDayOfMonth(1); !m.isAfter(r.lastDay()); m = m.plusMonths(1)) {
                exported.add(Period.of(Period.Kind.MONTH, m));
            }
            exported.add(Period.custom(r.firstDay(), r.lastDay()));
            int exportRows = vn.motcua.appliance.web.reports.ExportsAgainstTheEvents.check(dir, r, exported);
            long end = System.nanoTime();
            System.out.printf("SixtyOfficeDaysTest: %d tickets, %d events, %d reports and %d export rows checked;"
                            + " simulation %d ms, checks %d ms%n",
                    expected.total(Period.custom(r.firstDay(), r.lastDay())).issued(), r.rawEvents().size(), reports,
                    exportRows, (simulated - started) / 1_000_000, (end - simulated) / 1_000_000);
        }
    }

    /** Cell by cell: the finest grain, so no error can cancel out in a sum. */
    private static void assertEveryStoredCellIsTheIndependentOne(List<Cell> stored, IndependentFigures f) {
        Map<IndependentFigures.Key, Figures> byKey = new java.util.TreeMap<>(java.util.Comparator
                .comparing(IndependentFigures.Key::day).thenComparing(IndependentFigures.Key::service)
                .thenComparingInt(IndependentFigures.Key::counter).thenComparing(IndependentFigures.Key::staffId)
                .thenComparingInt(IndependentFigures.Key::hour));
        for (Cell c : stored) {
            CellKey k = c.key();
            byKey.put(new IndependentFigures.Key(k.day(), k.service(), k.counter(), k.staffId(), k.hour()), c.figures());
        }
        assertEquals(List.copyOf(f.cells().keySet()), List.copyOf(byKey.keySet()), "the cells");
        f.cells().forEach((k, t) -> assertSame("cell " + k, t, byKey.get(k)));
    }

    /** What the district receives in each day.summary is what the office stored for that day. */
    private static void assertTheDistrictGetsTheStoredCells(SimulatedOffice.Result r) throws Exception {
        int summaries = 0;
        for (var e : r.rawEvents()) {
            if (e.type().equals("day.summary")) {
                var json = vn.motcua.appliance.store.EventJson.mapper().readTree(e.payloadJson());
                LocalDate day = LocalDate.parse(json.path("day").asText());
                List<Cell> sent = new ArrayList<>();
                for (var n : json.path("cells")) {
                    sent.add(vn.motcua.appliance.store.EventJson.mapper().treeToValue(n, CellWire.class).toCell(day));
                }
                assertEquals(r.store().dayFigures(day, day), sent, "day.summary of " + day);
                summaries++;
            }
        }
        assertEquals(DAYS, summaries, "one summary a day, weekends too");
    }

    /** The run is only a test of the definitions if each of them happened. */
    private static void assertSimulationCoveredEveryCase(IndependentFigures f) {
        IndependentFigures.Tally all = new IndependentFigures.Tally();
        f.cells().values().forEach(all::add);
        assertTrue(all.issued() > 1000, "tickets: " + all.issued());
        for (Priority p : SimulatedOffice.PRIORITIES) {
            assertTrue(all.issuedByPriority()[p.ordinal()] > 0, "issued " + p);
        }
        assertTrue(all.transferred() > 10, "transfers");
        assertTrue(all.parked() > 10, "parks");
        assertTrue(all.noShows() > 10, "no-shows");
        assertTrue(all.expired() > 10, "expired");
        assertTrue(all.breaches() > 10, "breaches");
        for (int score = 0; score < 4; score++) {
            assertTrue(all.ratings()[score] > 0, "rating " + (score + 1));
        }
        assertTrue(all.served() > 500 && all.called() > all.served(), "served " + all.served());
        Set<String> clerks = new LinkedHashSet<>();
        f.cells().keySet().forEach(k -> clerks.add(k.staffId()));
        assertTrue(clerks.size() >= SimulatedOffice.CLERKS.size(), "clerks " + clerks);
    }

    /** Every month and ISO week touched, every quarter, the first days, the whole range, random custom ranges. */
    private static List<Period> periods(LocalDate first, LocalDate last) {
        Set<Period> out = new LinkedHashSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(Period.of(Period.Kind.MONTH, d));
            out.add(Period.of(Period.Kind.WEEK, d));
            out.add(Period.of(Period.Kind.QUARTER, d));
        }
        for (int i = 0; i < 7; i++) {
            out.add(Period.of(Period.Kind.DAY, first.plusDays(i)));
        }
        out.add(Period.of(Period.Kind.YEAR, first));
        out.add(Period.custom(first, last));
        Random rnd = new Random(4);
        long span = ChronoUnit.DAYS.between(first, last);
        for (int i = 0; i < 8; i++) {
            LocalDate from = first.plusDays(rnd.nextLong(span));
            out.add(Period.custom(from, from.plusDays(rnd.nextLong(ChronoUnit.DAYS.between(from, last) + 1))));
        }
        return new ArrayList<>(out);
    }

    private static void check(Report report, IndependentFigures f) {
        Period p = report.period();
        String where = p + " by " + report.grouping();
        assertSame(where + " total", f.total(p), report.total());
        assertSame(where + " previous total", f.total(p.previous()), report.previousTotal());
        Map<Comparable<?>, IndependentFigures.Tally> rows = f.tallies(p, report.grouping());
        assertEquals(new ArrayList<>(rows.keySet()), report.rows().stream().map(Report.Row::key).toList(), where + " rows");
        for (Report.Row row : report.rows()) {
            assertSame(where + " row " + row.key(), rows.get(row.key()), row.figures());
        }
        IndependentFigures.Tally[][] heat = f.heatMap(p);
        for (int wd = 0; wd < 7; wd++) {
            for (int h = 0; h < 24; h++) {
                assertSame(where + " heat " + wd + "/" + h, heat[wd][h], report.heatMap()[wd][h]);
            }
        }
    }

    /** Every count; waits and service times by count, sum, max and p50/p90 of the raw values; then every bucket. */
    static void assertSame(String where, IndependentFigures.Tally e, Figures a) {
        assertArrayEquals(e.issuedByPriority(), a.issuedByPriority(), where + " issued by priority");
        assertEquals(e.called(), a.called(), where + " called");
        assertEquals(e.served(), a.served(), where + " served");
        assertEquals(e.noShows(), a.noShows(), where + " no-shows");
        assertEquals(e.expired(), a.expired(), where + " expired");
        assertEquals(e.transferred(), a.transferred(), where + " transferred");
        assertEquals(e.parked(), a.parked(), where + " parked");
        assertEquals(e.breaches(), a.breaches(), where + " breaches");
        assertArrayEquals(e.ratings(), a.ratings(), where + " ratings");
        assertTimes(where + " waits", e.waits(), a.waits());
        assertTimes(where + " service times", e.serviceTimes(), a.serviceTimes());
        assertEquals(e.toFigures(), a, where + " buckets");
    }

    private static void assertTimes(String where, List<Long> raw, Histogram h) {
        assertEquals(raw.size(), h.count(), where + " count");
        assertEquals(raw.stream().mapToLong(Long::longValue).sum(), h.sum(), where + " sum");
        assertEquals(raw.stream().mapToLong(Long::longValue).max().orElse(0), h.max(), where + " max");
        assertEquals(IndependentFigures.percentile(raw, 0.5), h.percentile(0.5), where + " p50");
        assertEquals(IndependentFigures.percentile(raw, 0.9), h.percentile(0.9), where + " p90");
    }
}
