package vn.motcua.appliance.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The office's history as cells: the stored days of a range and, when the range holds today, today's cells as they
 * stand now. What every report, export and the monthly report read.
 */
public interface FigureSource {
    /** Every cell of the days {@code from}..{@code to} (both included), sorted by key. */
    List<Cell> cells(LocalDate from, LocalDate to);

    /**
     * The same cells one at a time, in the same order: what a report over years reads, so that no list of them is
     * kept. A source over the store overrides it to read a few days at a time.
     */
    default void forEachCell(LocalDate from, LocalDate to, Consumer<Cell> each) {
        cells(from, to).forEach(each);
    }

    /** Collects {@link #forEachCell}: for a source that streams, the list form of it. */
    static List<Cell> collect(FigureSource source, LocalDate from, LocalDate to) {
        List<Cell> out = new ArrayList<>();
        source.forEachCell(from, to, out::add);
        return out;
    }
}
