package vn.motcua.appliance.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.BookingSnapshot;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.history.DayBooking;

/**
 * The district's bookings in H2 ({@code booking}, V5). The district's list of a day replaces the day's bookings
 * nobody has checked in yet; a check-in or a no-show is written from its event ({@link #fromEvents}), in the
 * transaction of the command that caused it and again on a journal replay, so a booking is checked in exactly when
 * its ticket exists.
 */
final class BookingRows {
    static final String CHECKED_IN_TYPE = "booking.checked_in";
    static final String NO_SHOW_TYPE = "booking.no_show";

    /** A booking's place in its life. */
    enum Status { BOOKED, CHECKED_IN, NO_SHOW }

    private BookingRows() {}

    /**
     * The check-ins and no-shows among {@code events}, into the booking rows. A row the database does not hold (it was
     * rebuilt from a journal whose base record did not carry it) is written from the event itself: the event holds
     * the booking whole but for its priority, so a check-in is never lost to a lost database.
     */
    static void fromEvents(Connection c, List<OutboxEvent> events) throws SQLException {
        for (OutboxEvent e : events) {
            if (CHECKED_IN_TYPE.equals(e.type())) {
                JsonNode p = payload(e);
                Instant at = Instant.parse(p.path("at").asText());
                String ticketId = p.path("ticketId").asText();
                ensure(c, p, LocalDate.parse(ticketId.substring(0, ticketId.indexOf('/'))));
                try (PreparedStatement ps = c.prepareStatement("UPDATE booking SET status = ?, ticket_id = ?, outcome = ?, "
                        + "checked_in_at = ? WHERE code = ?")) {
                    ps.setString(1, Status.CHECKED_IN.name());
                    ps.setString(2, ticketId);
                    ps.setString(3, p.path("outcome").asText());
                    ps.setObject(4, at.atOffset(java.time.ZoneOffset.UTC));
                    ps.setString(5, p.path("code").asText());
                    ps.executeUpdate();
                }
            } else if (NO_SHOW_TYPE.equals(e.type())) {
                JsonNode p = payload(e);
                ensure(c, p, LocalDate.parse(p.path("day").asText()));
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE booking SET status = ?, no_show_at = ? WHERE code = ? AND status = ?")) {
                    ps.setString(1, Status.NO_SHOW.name());
                    ps.setObject(2, Instant.parse(p.path("at").asText()).atOffset(java.time.ZoneOffset.UTC));
                    ps.setString(3, p.path("code").asText());
                    ps.setString(4, Status.BOOKED.name());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The event's booking as a BOOKED row, unless the database holds it. */
    private static void ensure(Connection c, JsonNode p, LocalDate day) throws SQLException {
        Booking b = new Booking(p.path("code").asText(), day, p.path("service").asText(),
                Instant.parse(p.path("slotStart").asText()), Instant.parse(p.path("slotEnd").asText()), Priority.NORMAL);
        insertIfAbsent(c, new BookingRow(b, Status.BOOKED.name(), null, null, null, null));
    }

    /** Writes {@code r} unless the database holds a row of its code; whether it wrote one. */
    private static boolean insertIfAbsent(Connection c, BookingRow r) throws SQLException {
        Booking b = r.booking();
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO booking KEY (code) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                + "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM booking WHERE code = ?)")) {
            ps.setString(1, b.code());
            ps.setObject(2, b.day());
            ps.setString(3, b.service());
            ps.setObject(4, utc(b.slotStart()));
            ps.setObject(5, utc(b.slotEnd()));
            ps.setString(6, b.priority().name());
            ps.setString(7, r.status());
            ps.setString(8, r.ticketId());
            ps.setString(9, r.outcome());
            ps.setObject(10, utc(r.checkedInAt()));
            ps.setObject(11, utc(r.noShowAt()));
            ps.setString(12, b.code());
            return ps.executeUpdate() > 0;
        }
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    private static JsonNode payload(OutboxEvent e) throws SQLException {
        try {
            return EventJson.mapper().readTree(e.payloadJson());
        } catch (IOException ex) {
            throw new SQLException("booking event " + e.seq() + " is not JSON", ex);
        }
    }

    /**
     * The district's bookings of {@code day} become {@code list}: new codes are added, bookings nobody checked in take
     * the district's latest slot and service, and those no longer listed (cancelled) leave. A booking checked in or
     * reported as a no-show stays as it is. A code listed under another day that is already held keeps its day.
     *
     * @return whether anything changed
     */
    static boolean replaceDay(Connection c, LocalDate day, List<Booking> list) throws SQLException {
        Map<String, Booking> held = new HashMap<>();
        Map<String, Status> status = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, business_day, service, slot_start, slot_end, priority, "
                + "status FROM booking WHERE business_day = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Booking b = booking(rs);
                    held.put(b.code(), b);
                    status.put(b.code(), Status.valueOf(rs.getString(7)));
                }
            }
        }
        boolean changed = false;
        Set<String> listed = new HashSet<>();
        for (Booking b : list) {
            listed.add(b.code());
            if (b.equals(held.get(b.code()))) {
                continue;
            }
            if (status.containsKey(b.code())) {
                if (status.get(b.code()) == Status.BOOKED) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE booking SET service = ?, slot_start = ?, slot_end = ?, "
                            + "priority = ? WHERE code = ?")) {
                        ps.setString(1, b.service());
                        ps.setObject(2, b.slotStart().atOffset(java.time.ZoneOffset.UTC));
                        ps.setObject(3, b.slotEnd().atOffset(java.time.ZoneOffset.UTC));
                        ps.setString(4, b.priority().name());
                        ps.setString(5, b.code());
                        changed |= ps.executeUpdate() > 0;
                    }
                }
                continue;
            }
            changed |= insertIfAbsent(c, new BookingRow(b, Status.BOOKED.name(), null, null, null, null));
        }
        for (Map.Entry<String, Status> h : status.entrySet()) {
            if (h.getValue() == Status.BOOKED && !listed.contains(h.getKey())) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM booking WHERE code = ? AND status = ?")) {
                    ps.setString(1, h.getKey());
                    ps.setString(2, Status.BOOKED.name());
                    changed |= ps.executeUpdate() > 0;
                }
            }
        }
        return changed;
    }

    /**
     * What the engine holds: bookings of {@code from} and later not checked in (no-shows too: a late resident may
     * still check in, as a walk-in), and the checked-in, not late bookings of {@code from}'s day with their tickets.
     */
    static BookingSnapshot load(Connection c, LocalDate from) throws SQLException {
        List<Booking> open = new ArrayList<>();
        Set<String> noShows = new HashSet<>();
        Map<String, Instant> booked = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, business_day, service, slot_start, slot_end, priority, "
                + "status, ticket_id, outcome FROM booking WHERE business_day >= ? ORDER BY slot_start, code")) {
            ps.setObject(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Booking b = booking(rs);
                    Status s = Status.valueOf(rs.getString(7));
                    if (s == Status.CHECKED_IN) {
                        if (!"late".equals(rs.getString(9)) && rs.getString(8) != null) {
                            booked.put(rs.getString(8), b.slotStart());
                        }
                    } else {
                        open.add(b);
                        if (s == Status.NO_SHOW) {
                            noShows.add(b.code());
                        }
                    }
                }
            }
        }
        return new BookingSnapshot(open, noShows, booked);
    }

    /** One booking's stored row, whatever its state. */
    static Optional<StoredBooking> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, business_day, service, slot_start, slot_end, priority, "
                + "status, ticket_id, outcome FROM booking WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredBooking(booking(rs), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
    }

    /** The day's counts: booked, checked in, on time (early or within the grace), no-shows (never checked in). */
    static BookingCounts counts(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), "
                + "SUM(CASE WHEN status = 'CHECKED_IN' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status = 'CHECKED_IN' AND outcome <> 'late' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN no_show_at IS NOT NULL THEN 1 ELSE 0 END) FROM booking WHERE business_day = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BookingCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
            }
        }
    }

    /**
     * The day's bookings as the office's history counts them: the same rows and the same reading as {@link #counts}
     * (checked in: status; on time: checked in, not late; no-show: ever reported as one).
     */
    static List<DayBooking> ofDay(Connection c, LocalDate day) throws SQLException {
        List<DayBooking> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, business_day, service, slot_start, status, outcome, "
                + "no_show_at FROM booking WHERE business_day = ? ORDER BY code")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean in = Status.CHECKED_IN.name().equals(rs.getString(5));
                    out.add(new DayBooking(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            StateRows.instant(rs, 4), in, in && !"late".equals(rs.getString(6)),
                            rs.getObject(7) != null));
                }
            }
        }
        return out;
    }

    /** Every stored booking of {@code from} and later, whole: for the journal's base record. */
    static List<BookingRow> rows(Connection c, LocalDate from) throws SQLException {
        List<BookingRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, business_day, service, slot_start, slot_end, priority, "
                + "status, ticket_id, outcome, checked_in_at, no_show_at FROM booking WHERE business_day >= ? ORDER BY code")) {
            ps.setObject(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BookingRow(booking(rs), rs.getString(7), rs.getString(8), rs.getString(9),
                            StateRows.instant(rs, 10), StateRows.instant(rs, 11)));
                }
            }
        }
        return out;
    }

    /** Writes base-record rows back (a replay into a database that lost them); a row held stays as it is. */
    static void restore(Connection c, List<BookingRow> rows) throws SQLException {
        for (BookingRow r : rows) {
            insertIfAbsent(c, r);
        }
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), StateRows.instant(rs, 4),
                StateRows.instant(rs, 5), Priority.valueOf(rs.getString(6)));
    }
}
