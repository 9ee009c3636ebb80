package vn.motcua.appliance;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.bus.Await;

/** Test helpers around a store or a running appliance. */
public final class TestStores {
    private TestStores() {}

    /** Every column of every row of the tables, one row a line, columns separated by {@code |}: to grep for data. */
    public static String rows(QueueStore store, List<String> tables) {
        return store.withConnection(c -> {
            StringBuilder all = new StringBuilder();
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            all.append(rs.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
            return all.toString();
        });
    }

    /** The demo office's config (src/main/dist/demo.conf) with its data in {@code dataDir} and a free web port. */
    public static String demoToml(java.nio.file.Path dataDir) throws java.io.IOException {
        return clearOfTheDailyRoll(java.nio.file.Files.readString(java.nio.file.Path.of("src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dataDir + "\"")
                .replace("port           = 8080", "port = 0"));
    }

    /**
     * The config with its {@code day_starts_at} moved about 12 hours away from now (office time). Tests that run the
     * appliance on the wall clock may start at any hour; at the real 04:00 roll the waiting tickets of a test running
     * across it would expire and its numbering restart. Tests of the roll itself use a clock of their own instead.
     */
    public static String clearOfTheDailyRoll(String toml) {
        java.util.regex.Matcher m = DAY_STARTS_AT.matcher(toml);
        if (!m.find()) {
            throw new IllegalArgumentException("no day_starts_at line in the config to move");
        }
        java.time.LocalTime roll = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusHours(12)
                .withSecond(0).withNano(0);
        return m.replaceFirst("day_starts_at$1= \"" + roll + "\"");
    }

    private static final java.util.regex.Pattern DAY_STARTS_AT =
            java.util.regex.Pattern.compile("(?m)^day_starts_at(\\s*)=\\s*\"[0-9:]+\"");

    /** Waits, at most {@code limit}, for something an appliance does in the background ({@link Await}). */
    public static void await(BooleanSupplier done, Duration limit, String what) {
        Await.until(limit, done, what);
    }
}
