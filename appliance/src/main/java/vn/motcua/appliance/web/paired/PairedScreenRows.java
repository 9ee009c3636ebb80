package vn.motcua.appliance.web.paired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps {@link PairedScreen}s to and from the {@code paired_screen} table (V7). Sets are stored comma-separated. */
final class PairedScreenRows {
    private static final String COLUMNS = "id, name, role, services, counters, token_hash, created_at, last_seen, revoked_at, revoked_by";

    private PairedScreenRows() {}

    /** Stores a new screen; its id. */
    static long insert(Connection c, String name, ScreenRole role, Set<String> services, Set<Integer> counters,
                       String tokenHash, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paired_screen (name, role, services, counters,"
                + " token_hash, created_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, role.word());
            ps.setString(3, String.join(",", services));
            ps.setString(4, counters.stream().map(String::valueOf).collect(Collectors.joining(",")));
            ps.setString(5, tokenHash);
            ps.setObject(6, time(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                c.commit();
                return id;
            }
        }
    }

    /** Every screen ever paired, revoked ones too, oldest first. */
    static List<PairedScreen> all(Connection c) throws SQLException {
        List<PairedScreen> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM paired_screen ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PairedScreen(rs.getLong(1), rs.getString(2), ScreenRole.of(rs.getString(3)).orElseThrow(),
                        split(rs.getString(4)), Set.copyOf(split(rs.getString(5)).stream().map(Integer::valueOf).toList()),
                        rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10)));
            }
        }
        return out;
    }

    /** Marks a working screen revoked; false when there is none of that id, or it was revoked already. */
    static boolean revoke(Connection c, long id, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE paired_screen SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, time(at));
            ps.setString(2, by);
            ps.setLong(3, id);
            boolean done = ps.executeUpdate() == 1;
            c.commit();
            return done;
        }
    }

    static void lastSeen(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paired_screen SET last_seen = ? WHERE id = ?")) {
            ps.setObject(1, time(at));
            ps.setLong(2, id);
            ps.executeUpdate();
            c.commit();
        }
    }

    private static Set<String> split(String text) {
        return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
