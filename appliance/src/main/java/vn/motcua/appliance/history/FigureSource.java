package vn.motcua.appliance.history;

import java.time.LocalDate;
import java.util.List;

/**
 * The office's history as cells: the stored days of a range and, when the range holds today, today's cells as they
 * stand now. What every report, export and the monthly report read.
 */
public interface FigureSource {
    /** Every cell of the days {@code from}..{@code to} (both included), sorted by key. */
    List<Cell> cells(LocalDate from, LocalDate to);
}
