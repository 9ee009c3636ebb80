package vn.motcua.appliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL of the outbox table. Callers hold the store's lock. */
final class OutboxRows {
    private static final String COLUMNS =
            "seq, event_id, device_id, wall_time, mono_nanos, boot_id, clock_trusted, event_type, payload";

    private OutboxRows() {}

    static void insert(Connection c, List<OutboxEvent> events) throws SQLException {
        insert(c, events, false);
    }

    /** @param delivered true for events the district is known to hold already (a restore from its copy) */
    static void insert(Connection c, List<OutboxEvent> events, boolean delivered) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (" + COLUMNS + ", delivered)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (OutboxEvent e : events) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.eventId());
                ps.setString(3, e.deviceId());
                ps.setObject(4, e.wallTime());
                ps.setLong(5, e.monoNanos());
                ps.setString(6, e.bootId());
                ps.setBoolean(7, e.clockTrusted());
                ps.setString(8, e.type());
                ps.setString(9, e.payloadJson());
                ps.setBoolean(10, delivered);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<OutboxEvent> select(Connection c, String where, long from, int limit) {
        List<OutboxEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox " + where)) {
            ps.setLong(1, from);
            ps.setInt(2, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new StoreException("outbox read failed", e);
        }
    }

    /** One row of {@link #COLUMNS}, in their order. */
    private static OutboxEvent event(ResultSet rs) throws SQLException {
        return new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), StateRows.instant(rs, 4),
                rs.getLong(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9));
    }

    static List<OutboxEvent> ofTypeSince(Connection c, String type, Instant since) {
        List<OutboxEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE event_type = ?"
                + " AND wall_time >= ? ORDER BY seq")) {
            ps.setString(1, type);
            ps.setObject(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new StoreException("outbox read failed", e);
        }
    }

    /**
     * Not synced: a delivery mark lost to a power cut only means the event is sent again, and the server drops
     * it by its id. Syncing here would double the SD-card writes of every event.
     */
    static void markDelivered(Connection c, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET delivered = TRUE WHERE seq = ?")) {
            for (long s : seqs) {
                ps.setLong(1, s);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw new StoreException("outbox ack failed", e);
        }
    }

    static long count(Connection c, String where) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox " + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new StoreException("outbox count failed", e);
        }
    }

    static int prune(Connection c, Instant cutoff) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE delivered = TRUE AND wall_time < ?")) {
            ps.setObject(1, cutoff);
            int n = ps.executeUpdate();
            c.commit();
            return n;
        } catch (SQLException e) {
            rollback(c);
            throw new StoreException("outbox prune failed", e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // report the first failure
        }
    }
}
