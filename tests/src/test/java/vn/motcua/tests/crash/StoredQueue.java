package vn.motcua.tests.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.motcua.appliance.store.EventJson;

/** What a stopped appliance left in its H2 files, read directly. */
record StoredQueue(Map<String, String> statusByNumber, Map<String, Map<String, Integer>> eventsByNumber,
                   List<Long> seqs, List<String> eventIds, Map<String, Integer> eventsByType) {

    static StoredQueue read(Path dataDir) throws SQLException, JsonProcessingException {
        String url = "jdbc:h2:file:" + dataDir.resolve("motcua").toAbsolutePath() + ";FILE_LOCK=FS";
        try (Connection c = DriverManager.getConnection(url, "motcua", ""); Statement st = c.createStatement()) {
            Map<String, String> status = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT ticket_number, status FROM ticket")) {
                while (rs.next()) {
                    if (status.put(rs.getString(1), rs.getString(2)) != null) {
                        throw new AssertionError("ticket number stored twice: " + rs.getString(1));
                    }
                }
            }
            Map<String, Map<String, Integer>> byNumber = new HashMap<>();
            Map<String, Integer> byType = new HashMap<>();
            List<Long> seqs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT seq, event_id, event_type, payload FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    ids.add(rs.getString(2));
                    byType.merge(rs.getString(3), 1, Integer::sum);
                    String number = EventJson.mapper().readTree(rs.getString(4)).path("number").textValue();
                    if (number != null) {
                        byNumber.computeIfAbsent(number, k -> new HashMap<>()).merge(rs.getString(3), 1, Integer::sum);
                    }
                }
            }
            return new StoredQueue(status, byNumber, seqs, ids, byType);
        }
    }
}
