package vn.motcua.appliance.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CrashImageExperimentTest {
    @TempDir Path dir;

    static Connection open(Path d) throws Exception {
        String url = "jdbc:h2:file:" + d.toAbsolutePath().resolve("motcua")
                + System.getProperty("h2x.url", ";FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=0");
        Connection c = DriverManager.getConnection(url, "motcua", "");
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void experiment() throws Exception {
        Path cur = Files.createDirectories(dir.resolve("s0"));
        try (Connection c = open(cur); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(seq BIGINT PRIMARY KEY, pad VARCHAR(2000))");
            st.execute("CREATE TABLE s(id INT PRIMARY KEY, last_seq BIGINT, pad VARCHAR(2000))");
            st.execute("INSERT INTO s VALUES (1, 0, '')");
            st.execute("CREATE TABLE u(id INT PRIMARY KEY, v BIGINT, pad VARCHAR(2000))");
            for (int i = 0; i < 50; i++) st.execute("INSERT INTO u VALUES (" + i + ", 0, '" + "y".repeat(300) + "')");
            c.commit();
        }
        long next = 1;
        long proven = 0;
        java.util.Random r = new java.util.Random(1);
        for (int session = 1; session <= 200; session++) {
            Path image = Files.createDirectories(dir.resolve("s" + session));
            Connection c = open(cur);
            long held;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq),0) FROM t")) {
                rs.next();
                held = rs.getLong(1);
            }
            c.commit();
            if (Boolean.getBoolean("h2x.verbose")) System.out.println("session " + session + " held " + held + " proven " + proven + " next " + next + " files " + java.util.Arrays.toString(Files.list(cur).map(f -> f.getFileName() + ":" + f.toFile().length()).toArray()));
            if (held < proven) {
                System.out.println("REGRESSED at session " + session + ": held " + held + " < proven " + proven);
                throw new AssertionError("regressed: held " + held + " proven " + proven);
            }
            next = held + 1; // the unsynced rows of the crashed session are gone: their seqs are free again
            // "replay": a few commits, then the proven sync
            int replay = r.nextInt(20);
            for (int i = 0; i < replay; i++) {
                insert(c, next++);
            }
            try (Statement st = c.createStatement()) {
                for (String x : System.getProperty("h2x.set", "SET WRITE_DELAY 30000;SET RETENTION_TIME 120000").split(";")) {
                    if (!x.isBlank()) st.execute(x);
                }
            }
            H2Sync.syncProven(c);
            proven = next - 1;
            // the session's own commits, not synced (write behind)
            int more = r.nextInt(30);
            for (int i = 0; i < more; i++) {
                insert(c, next++);
                if (r.nextInt(10) == 0) {
                    H2Sync.syncProven(c);
                    proven = next - 1;
                }
            }
            // crash image: what a SIGKILL leaves (the file as written so far)
            for (Path f : Files.list(cur).toList()) {
                Files.copy(f, image.resolve(f.getFileName()));
            }
            // abandon c without closing (like a kill); it keeps the old folder
            cur = image;
        }
    }

    private static void insert(Connection c, long seq) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, "x".repeat(500));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE s SET last_seq = ?, pad = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, "p".repeat((int) (seq % 700)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE u SET v = ?, pad = ? WHERE id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, "q".repeat((int) (seq % 900)));
            ps.setInt(3, (int) (seq % 50));
            ps.executeUpdate();
        }
        c.commit();
    }
}
