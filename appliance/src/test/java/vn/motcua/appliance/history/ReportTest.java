package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.Priority;

class ReportTest {
    private static final LocalDate MON = LocalDate.parse("2026-11-02");

    /** {@code n} normal tickets issued and served, each waiting {@code wait} seconds. */
    private static Figures served(int n, long wait) {
        int[] issued = new int[Priority.values().length];
        issued[Priority.NORMAL.ordinal()] = n;
        Histogram w = Histogram.EMPTY;
        for (int i = 0; i < n; i++) {
            w = w.plus(wait);
        }
        return new Figures(issued, n, n, 0, 0, 0, 0, 0, w, w, new int[4]);
    }

    private static Cell cell(LocalDate day, String service, int counter, String staff, int hour, Figures f) {
        return new Cell(new CellKey(day, service, counter, staff, hour), f);
    }

    private final List<Cell> cells = List.of(
            cell(MON, "ho-tich", 1, "cb1", 8, served(3, 100)),
            cell(MON, "dat-dai", 2, "cb2", 8, served(2, 200)),
            cell(MON.plusDays(1), "ho-tich", 2, "cb2", 14, served(1, 400)),
            cell(MON.plusDays(6), "ho-tich", 1, "cb1", 9, served(5, 50)),
            cell(MON.plusDays(7), "ho-tich", 1, "cb1", 9, served(7, 50))); // next week: outside
    private final List<Cell> before = List.of(
            cell(MON.minusDays(7), "ho-tich", 1, "cb1", 8, served(4, 10)),
            cell(MON.minusDays(1), "dat-dai", 1, "cb3", 8, served(6, 10)),
            cell(MON.minusDays(8), "dat-dai", 1, "cb3", 8, served(9, 10))); // two weeks before: outside

    private static List<Object> keys(Report r) {
        return new ArrayList<>(r.rows().stream().map(Report.Row::key).toList());
    }

    private static List<Integer> issued(Report r) {
        return r.rows().stream().map(row -> row.figures().issued()).toList();
    }

    @Test
    void eachGroupingSumsTheCellsOfThePeriodInTheGroupsOrder() {
        Period week = Period.of(Period.Kind.WEEK, MON);
        Report bySvc = Report.of(week, Grouping.SERVICE, cells, before);
        assertEquals(List.of("dat-dai", "ho-tich"), keys(bySvc));
        assertEquals(List.of(2, 9), issued(bySvc));
        Report byCounter = Report.of(week, Grouping.COUNTER, cells, before);
        assertEquals(List.of(1, 2), keys(byCounter));
        assertEquals(List.of(8, 3), issued(byCounter));
        Report byClerk = Report.of(week, Grouping.CLERK, cells, before);
        assertEquals(List.of("cb1", "cb2"), keys(byClerk));
        assertEquals(List.of(8, 3), issued(byClerk));
        Report byHour = Report.of(week, Grouping.HOUR, cells, before);
        assertEquals(List.of(8, 9, 14), keys(byHour));
        assertEquals(List.of(5, 5, 1), issued(byHour));
        Report byDay = Report.of(week, Grouping.DAY, cells, before);
        assertEquals(List.of(MON, MON.plusDays(1), MON.plusDays(6)), keys(byDay));
        Report byWeekday = Report.of(week, Grouping.WEEKDAY, cells, before);
        assertEquals(List.of(1, 2, 7), keys(byWeekday));
        assertEquals(List.of(5, 1, 5), issued(byWeekday));
    }

    @Test
    void theTotalAndThePreviousTotalAreTheirPeriodsOnly() {
        Report r = Report.of(Period.of(Period.Kind.WEEK, MON), Grouping.SERVICE, cells, before);
        assertEquals(11, r.total().issued());
        assertEquals(3 * 100 + 2 * 200 + 400 + 5 * 50, r.total().waits().sum());
        assertEquals(400, r.total().waits().max());
        assertEquals(10, r.previousTotal().issued(), "the week before, not the one two weeks back");
        Report empty = Report.of(Period.of(Period.Kind.DAY, MON.plusDays(2)), Grouping.CLERK, cells, cells);
        assertEquals(Figures.NONE, empty.total());
        assertEquals(List.of(), empty.rows());
        assertEquals(1, empty.previousTotal().issued(), "the day before: Tuesday's one ticket");
    }

    @Test
    void theHeatMapIsWeekdayByHourOfIssue() {
        Report r = Report.of(Period.of(Period.Kind.MONTH, MON), Grouping.SERVICE, cells, before);
        assertEquals(5, r.heatMap()[0][8].issued(), "Monday 8-9: 3 + 2");
        assertEquals(120, r.heatMap()[0][8].waits().percentile(0.5),
                "Monday 8-9 median wait: the third of five (100 s), in the bucket up to 120 s");
        assertEquals(1, r.heatMap()[1][14].issued());
        assertEquals(5, r.heatMap()[6][9].issued(), "Sunday 9-10");
        assertEquals(7, r.heatMap()[0][9].issued(), "the next Monday 9-10, same month");
        assertEquals(Figures.NONE, r.heatMap()[2][8]);
        int all = 0;
        for (Figures[] day : r.heatMap()) {
            for (Figures f : day) {
                all += f.issued();
            }
        }
        assertEquals(r.total().issued(), all);
    }

    @Test
    void aFigureSourceIsAskedForThePeriodAndThePreviousOne() {
        List<String> asked = new ArrayList<>();
        FigureSource source = (from, to) -> {
            asked.add(from + ".." + to);
            return to.isBefore(MON) ? before : cells;
        };
        Report r = Report.of(Period.custom(MON, MON.plusDays(1)), Grouping.DAY, source);
        assertEquals(List.of("2026-11-02..2026-11-03", "2026-10-31..2026-11-01"), asked);
        assertEquals(6, r.total().issued());
        assertEquals(6, r.previousTotal().issued());
    }
}
