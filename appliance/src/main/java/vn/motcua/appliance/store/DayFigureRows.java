package vn.motcua.appliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.CellWire;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Histogram;

/**
 * The office's history in H2 ({@code day_figures}, V4; the booking figures V6). Rows are written from the {@code day.summary} event itself,
 * wherever that event is written to H2: the roll's own commit and a replay of the journal after H2 was lost. So the
 * figures of a day exist exactly when its summary does, in the same transaction, and a restored database has them
 * without a second source of truth.
 */
final class DayFigureRows {
    /** {@code service.DaySummary.TYPE}; the store does not depend on the service layer. */
    static final String SUMMARY_TYPE = "day.summary";

    private DayFigureRows() {}

    /** Writes the cells of every day summary among {@code events}, replacing what that day held. */
    static void fromEvents(Connection c, List<OutboxEvent> events) throws SQLException {
        for (OutboxEvent e : events) {
            if (SUMMARY_TYPE.equals(e.type())) {
                JsonNode summary;
                try {
                    summary = EventJson.mapper().readTree(e.payloadJson());
                } catch (java.io.IOException ex) {
                    throw new SQLException("day summary " + e.seq() + " is not JSON", ex);
                }
                LocalDate day = LocalDate.parse(summary.path("day").asText());
                List<Cell> cells = new ArrayList<>();
                for (JsonNode n : summary.path("cells")) {
                    try {
                        cells.add(EventJson.mapper().treeToValue(n, CellWire.class).toCell(day));
                    } catch (java.io.IOException | RuntimeException ex) {
                        throw new SQLException("day summary " + e.seq() + " holds a malformed cell", ex);
                    }
                }
                replaceDay(c, day, cells);
            }
        }
    }

    /** The day's rows become {@code cells} (the technician's recompute uses this too). In the caller's transaction. */
    static void replaceDay(Connection c, LocalDate day, List<Cell> cells) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM day_figures WHERE business_day = ?")) {
            del.setObject(1, day);
            del.executeUpdate();
        }
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_figures (business_day, service, counter_no,"
                + " staff_id, hour_of_day, issued, issued_by_priority, called, served, no_shows, expired, transferred,"
                + " parked, breaches, wait_sum, wait_max, wait_hist, service_sum, service_max, service_hist, ratings,"
                + " booked, checked_in, booked_on_time, booking_no_shows)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Cell cell : cells) {
                CellKey k = cell.key();
                Figures f = cell.figures();
                ps.setObject(1, k.day());
                ps.setString(2, k.service());
                ps.setInt(3, k.counter());
                ps.setString(4, k.staffId());
                ps.setInt(5, k.hour());
                ps.setInt(6, f.issued());
                ps.setString(7, ints(f.issuedByPriority()));
                ps.setInt(8, f.called());
                ps.setInt(9, f.served());
                ps.setInt(10, f.noShows());
                ps.setInt(11, f.expired());
                ps.setInt(12, f.transferred());
                ps.setInt(13, f.parked());
                ps.setInt(14, f.breaches());
                ps.setLong(15, f.waits().sum());
                ps.setInt(16, f.waits().max());
                ps.setString(17, f.waits().encoded());
                ps.setLong(18, f.serviceTimes().sum());
                ps.setInt(19, f.serviceTimes().max());
                ps.setString(20, f.serviceTimes().encoded());
                ps.setString(21, ints(f.ratings()));
                ps.setInt(22, f.booked());
                ps.setInt(23, f.checkedIn());
                ps.setInt(24, f.bookedOnTime());
                ps.setInt(25, f.bookingNoShows());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every stored cell of {@code from}..{@code to}, sorted by key. */
    static List<Cell> select(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<Cell> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT business_day, service, counter_no, staff_id, hour_of_day,"
                + " issued_by_priority, called, served, no_shows, expired, transferred, parked, breaches, wait_sum,"
                + " wait_max, wait_hist, service_sum, service_max, service_hist, ratings, booked, checked_in,"
                + " booked_on_time, booking_no_shows FROM day_figures"
                + " WHERE business_day BETWEEN ? AND ? ORDER BY business_day, service, counter_no, staff_id, hour_of_day")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Cell(new CellKey(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getInt(5)),
                            new Figures(parseInts(rs.getString(6)), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                                    rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                                    Histogram.decode(rs.getString(16), rs.getLong(14), rs.getInt(15)),
                                    Histogram.decode(rs.getString(19), rs.getLong(17), rs.getInt(18)),
                                    parseInts(rs.getString(20)), rs.getInt(21), rs.getInt(22), rs.getInt(23),
                                    rs.getInt(24))));
                }
            }
        }
        return out;
    }

    /** The days {@code from}..{@code to} that hold figures. */
    static List<LocalDate> days(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT business_day FROM day_figures"
                + " WHERE business_day BETWEEN ? AND ? ORDER BY business_day")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return out;
    }

    private static String ints(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static int[] parseInts(String s) {
        return s.isEmpty() ? new int[0] : Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
