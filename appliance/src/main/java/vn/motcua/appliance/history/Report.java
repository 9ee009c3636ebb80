package vn.motcua.appliance.history;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report: a period's figures grouped one way, with the previous period's total beside (the trend) and an
 * hour × weekday map of arrivals and waits. Built from cells only, so a report over two years is the same code as
 * one over a day.
 *
 * @param rows    one per group, in the group's natural order (service code, counter number, staff id, hour, day)
 * @param heatMap {@code heatMap[weekday 0 = Monday][hour]}: the figures of the tickets issued then
 */
public record Report(Period period, Grouping grouping, Figures total, Figures previousTotal, List<Row> rows,
                     Figures[][] heatMap) {

    public record Row(Comparable<?> key, Figures figures) {}

    public static Report of(Period period, Grouping grouping, FigureSource source) {
        Period previous = period.previous();
        return of(period, grouping, source.cells(period.from(), period.to()),
                source.cells(previous.from(), previous.to()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Report of(Period period, Grouping grouping, List<Cell> cells, List<Cell> previousCells) {
        Figures total = Figures.NONE;
        Map<Comparable, Figures> groups = new TreeMap<>();
        Figures[][] heat = new Figures[7][24];
        for (Figures[] row : heat) {
            java.util.Arrays.fill(row, Figures.NONE);
        }
        for (Cell c : cells) {
            if (!period.contains(c.key().day())) {
                continue;
            }
            total = total.plus(c.figures());
            groups.merge(grouping.key.apply(c.key()), c.figures(), Figures::plus);
            int weekday = c.key().day().getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            heat[weekday][c.key().hour()] = heat[weekday][c.key().hour()].plus(c.figures());
        }
        Figures before = Figures.NONE;
        Period previous = period.previous();
        for (Cell c : previousCells) {
            if (previous.contains(c.key().day())) {
                before = before.plus(c.figures());
            }
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((k, f) -> rows.add(new Row(k, f)));
        return new Report(period, grouping, total, before, List.copyOf(rows), heat);
    }
}
