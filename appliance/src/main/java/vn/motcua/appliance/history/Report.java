package vn.motcua.appliance.history;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A report: a period's figures grouped one way, with the previous period's total beside (the trend) and an
 * hour × weekday map of arrivals and waits. Built from cells only, so a report over two years is the same code as
 * one over a day; from a {@link FigureSource} the cells stream through and only the groups are kept.
 *
 * @param rows    one per group, in the group's natural order (service code, counter number, staff id, hour, day)
 * @param heatMap {@code heatMap[weekday 0 = Monday][hour]}: the figures of the tickets issued then
 */
public record Report(Period period, Grouping grouping, Figures total, Figures previousTotal, List<Row> rows,
                     Figures[][] heatMap) {

    public record Row(Comparable<?> key, Figures figures) {}

    public static Report of(Period period, Grouping grouping, FigureSource source) {
        return of(period, Set.of(grouping), source).get(grouping);
    }

    /**
     * Every grouping asked for over {@code period}, from one pass over its cells and one over the previous
     * period's, streamed from {@code source}: the exports' sheets and the page's trend without reading twice.
     */
    public static Map<Grouping, Report> of(Period period, Set<Grouping> groupings, FigureSource source) {
        Tally tally = new Tally(period, groupings);
        source.forEachCell(period.from(), period.to(), tally::add);
        Period previous = period.previous();
        source.forEachCell(previous.from(), previous.to(), tally::addPrevious);
        return tally.reports();
    }

    public static Report of(Period period, Grouping grouping, List<Cell> cells, List<Cell> previousCells) {
        Tally tally = new Tally(period, Set.of(grouping));
        cells.forEach(tally::add);
        previousCells.forEach(tally::addPrevious);
        return tally.reports().get(grouping);
    }

    /** The running sums of a report: per group of each grouping, the total, the previous total, the heat map. */
    private static final class Tally {
        private final Period period;
        private final Period previous;
        private final Map<Grouping, Map<Comparable<?>, Figures>> groups = new EnumMap<>(Grouping.class);
        private final Figures[][] heat = new Figures[7][24];
        private Figures total = Figures.NONE;
        private Figures before = Figures.NONE;

        Tally(Period period, Set<Grouping> groupings) {
            this.period = period;
            this.previous = period.previous();
            groupings.forEach(g -> groups.put(g, new TreeMap<>()));
            for (Figures[] row : heat) {
                Arrays.fill(row, Figures.NONE);
            }
        }

        void add(Cell c) {
            if (!period.contains(c.key().day())) {
                return;
            }
            total = total.plus(c.figures());
            groups.forEach((g, rows) -> rows.merge(g.key.apply(c.key()), c.figures(), Figures::plus));
            int weekday = c.key().day().getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            heat[weekday][c.key().hour()] = heat[weekday][c.key().hour()].plus(c.figures());
        }

        void addPrevious(Cell c) {
            if (previous.contains(c.key().day())) {
                before = before.plus(c.figures());
            }
        }

        Map<Grouping, Report> reports() {
            Map<Grouping, Report> out = new EnumMap<>(Grouping.class);
            groups.forEach((g, byKey) -> {
                List<Row> rows = new ArrayList<>(byKey.size());
                byKey.forEach((k, f) -> rows.add(new Row(k, f)));
                Figures[][] copy = new Figures[7][];
                for (int d = 0; d < 7; d++) {
                    copy[d] = heat[d].clone();
                }
                out.put(g, new Report(period, g, total, before, List.copyOf(rows), copy));
            });
            return out;
        }
    }
}
