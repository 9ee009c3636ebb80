package vn.motcua.appliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.appliance.devices.KeypadCursor;

/** Maps {@link KeypadCursor}s to and from the {@code keypad_cursor} table. */
final class KeypadCursorRows {
    private KeypadCursorRows() {}

    static void upsert(Connection c, List<KeypadCursor> cursors) throws SQLException {
        if (cursors == null || cursors.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO keypad_cursor (address, epoch, seq) KEY (address) VALUES (?,?,?)")) {
            for (KeypadCursor k : cursors) {
                ps.setInt(1, k.address());
                ps.setInt(2, k.epoch());
                ps.setInt(3, k.seq());
                ps.executeUpdate();
            }
        }
    }

    static List<KeypadCursor> load(Connection c) throws SQLException {
        List<KeypadCursor> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT address, epoch, seq FROM keypad_cursor ORDER BY address");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new KeypadCursor(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
            }
        }
        return out;
    }
}
