package vn.motcua.appliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterStatus;
import vn.motcua.appliance.domain.DayState;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;

/** Maps the queue's entities to and from their rows. */
final class StateRows {
    private StateRows() {}

    static void upsertTicket(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO ticket (id, business_day, ticket_number, numeric_part, service, priority,"
                + " ordinal, status, issued_at, counter_no, target_counter, called_at, started_at, finished_at, skipped_at,"
                + " recalls, transfers, resident_key, served_by, rating, parks) KEY (id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, t.id());
            ps.setObject(2, t.day());
            ps.setString(3, t.number());
            ps.setInt(4, t.numeric());
            ps.setString(5, t.service());
            ps.setString(6, t.priority().name());
            ps.setLong(7, t.ordinal());
            ps.setString(8, t.status().name());
            ps.setObject(9, t.issuedAt());
            ps.setInt(10, t.counter());
            ps.setInt(11, t.targetCounter());
            ps.setObject(12, t.calledAt());
            ps.setObject(13, t.startedAt());
            ps.setObject(14, t.finishedAt());
            ps.setObject(15, t.skippedAt());
            ps.setInt(16, t.recalls());
            ps.setInt(17, t.transfers());
            ps.setString(18, t.residentKey());
            ps.setString(19, t.servedBy());
            ps.setInt(20, t.rating());
            ps.setInt(21, t.parks());
            ps.executeUpdate();
        }
    }

    static void upsertCounter(Connection c, Counter k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO counter_state (counter_no, status, current_ticket, staff_id,"
                + " last_finished_ticket, last_finished_at) KEY (counter_no) VALUES (?,?,?,?,?,?)")) {
            ps.setInt(1, k.number());
            ps.setString(2, k.status().name());
            ps.setString(3, k.currentTicket());
            ps.setString(4, k.staffId());
            ps.setString(5, k.lastFinishedTicket());
            ps.setObject(6, k.lastFinishedAt());
            ps.executeUpdate();
        }
    }

    static void upsertDay(Connection c, DayState d, long lastSeq, List<String> changedServices) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO day_state (id, business_day, last_ordinal, last_seq) KEY (id) VALUES (1, ?, ?, ?)")) {
            ps.setObject(1, d.day());
            ps.setLong(2, d.lastOrdinal());
            ps.setLong(3, lastSeq);
            ps.executeUpdate();
        }
        for (String s : changedServices) {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO service_day (business_day, service, last_number, issued) KEY (business_day, service) VALUES (?,?,?,?)")) {
                ps.setObject(1, d.day());
                ps.setString(2, s);
                ps.setInt(3, d.lastNumber().getOrDefault(s, 0));
                ps.setInt(4, d.issued().getOrDefault(s, 0));
                ps.executeUpdate();
            }
        }
    }

    /** The stored day, or null if the database is new. */
    static DayState loadDay(Connection c) throws SQLException {
        LocalDate day;
        long ordinal;
        try (PreparedStatement ps = c.prepareStatement("SELECT business_day, last_ordinal FROM day_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            day = rs.getObject(1, LocalDate.class);
            ordinal = rs.getLong(2);
        }
        Map<String, Integer> last = new HashMap<>();
        Map<String, Integer> issued = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT service, last_number, issued FROM service_day WHERE business_day = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getInt(2));
                    issued.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
        return new DayState(day, last, issued, ordinal);
    }

    static long loadLastSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT GREATEST(COALESCE((SELECT last_seq FROM day_state WHERE id = 1), 0),"
                        + " COALESCE((SELECT MAX(seq) FROM outbox), 0))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Ticket> loadTickets(Connection c, LocalDate day) throws SQLException {
        List<Ticket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, business_day, ticket_number, numeric_part, service, priority, ordinal,"
                + " status, issued_at, counter_no, target_counter, called_at, started_at, finished_at, skipped_at, recalls,"
                + " transfers, resident_key, served_by, rating, parks FROM ticket WHERE business_day = ? ORDER BY ordinal")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Ticket(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
                            rs.getString(5), Priority.valueOf(rs.getString(6)), rs.getLong(7),
                            TicketStatus.valueOf(rs.getString(8)), instant(rs, 9), rs.getInt(10), rs.getInt(11),
                            instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), rs.getInt(16),
                            rs.getInt(17), rs.getString(18), rs.getString(19), rs.getInt(20), rs.getInt(21)));
                }
            }
        }
        return out;
    }

    static List<Counter> loadCounters(Connection c) throws SQLException {
        List<Counter> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT counter_no, status, current_ticket, staff_id,"
                + " last_finished_ticket, last_finished_at FROM counter_state ORDER BY counter_no");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Counter(rs.getInt(1), CounterStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6)));
            }
        }
        return out;
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
