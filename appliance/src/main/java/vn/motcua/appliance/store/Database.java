package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded H2 database in file mode and migrates it.
 *
 * <p>A database that will not open is never deleted: its files are moved aside into
 * {@code broken-<time>/} for inspection and a fresh database is started, and the caller is told so it
 * can report the fault and keep numbering from the {@link Watermarks}.
 */
public final class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String NAME = "motcua";
    /** Above this the database file is compacted at start (an office's year of live data is far smaller). */
    static final long COMPACT_ABOVE_BYTES = 64L * 1024 * 1024;

    private Database() {}

    /**
     * An open connection; where a broken database was moved to if one had to be, and why; whether the database
     * file was there at all before this open (a folder whose store existed, {@link StoreIdentity}, and has no
     * database file lost it).
     */
    public record Opened(Connection connection, Optional<Path> movedAside, String reason, boolean fileWasThere) {
        public Opened(Connection connection, Optional<Path> movedAside) {
            this(connection, movedAside, movedAside.isPresent() ? "database failed to open" : null, true);
        }
    }

    public static Opened open(Path dir, Clock clock) throws SQLException {
        return open(dir, clock, COMPACT_ABOVE_BYTES);
    }

    static Opened open(Path dir, Clock clock, long compactAbove) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SQLException("cannot create data folder " + dir + ": " + e.getMessage(), e);
        }
        Connection c;
        Optional<Path> aside = Optional.empty();
        String reason = null;
        Path file = dir.resolve(NAME + ".mv.db");
        boolean fileWasThere = Files.exists(file);
        if (fileWasThere && size(file) == 0) {
            // H2 would take an empty file for a new database: keep it as evidence instead, and say so
            Path moved = moveAside(dir, clock);
            log.error("Database file {} is empty; moved it to {} and started a fresh one, rebuilt from the commit"
                    + " journal", file, moved);
            restoreJournal(moved, dir);
            aside = Optional.of(moved);
            reason = "database file was empty";
        }
        try {
            c = connect(dir);
            if (fileWasThere && size(file) > compactAbove) {
                c = compacted(c, dir, file);
            }
        } catch (SQLException e) {
            if (!Files.exists(dir.resolve(NAME + ".mv.db")) || isLocked(e)) {
                throw e;
            }
            Path moved = moveAside(dir, clock);
            log.error("Database in {} failed to open ({}); moved it to {} and started a fresh one, rebuilt from"
                    + " the commit journal", dir, firstLine(e.getMessage()), moved);
            restoreJournal(moved, dir);
            c = connect(dir);
            aside = Optional.of(moved);
            reason = "database failed to open";
        }
        // A failing migration is a software fault, not a damaged file: refuse to start, keep the data as it is.
        try {
            Migrations.apply(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        if (aside.isEmpty()) {
            try {
                probe(c);
            } catch (SQLException e) {
                // H2 can open a damaged file and fail only when a page is read ("Chunk N not found").
                c.close();
                Path moved = moveAside(dir, clock);
                log.error("Database in {} is damaged ({}); moved it to {} and started a fresh one, rebuilt from"
                        + " the commit journal", dir, firstLine(e.getMessage()), moved);
                restoreJournal(moved, dir);
                c = connect(dir);
                Migrations.apply(c);
                aside = Optional.of(moved);
                reason = "database damaged";
            }
        }
        return new Opened(c, aside, reason, fileWasThere);
    }

    /**
     * Opens the database again in the same process, after H2 failed to write and must be reopened (a full disk):
     * no migration, and a failure is only reported, never a reason to move the files aside.
     */
    public static Connection reopen(Path dir) throws SQLException {
        Connection c = connect(dir);
        try {
            probe(c);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Reads every row the queue needs at start: today's state, the counters, the undelivered events. */
    private static void probe(Connection c) throws SQLException {
        String[] reads = {"SELECT * FROM day_state", "SELECT * FROM service_day", "SELECT * FROM counter_state",
            "SELECT * FROM ticket WHERE business_day >= (SELECT COALESCE(MAX(business_day), DATE '1970-01-01')"
                    + " FROM day_state)", "SELECT * FROM outbox WHERE delivered = FALSE"};
        try (Statement st = c.createStatement()) {
            for (String sql : reads) {
                try (java.sql.ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            c.commit();
        }
    }

    /** The broken database's journal goes aside with it; a copy comes back to rebuild the fresh one. */
    private static void restoreJournal(Path aside, Path dir) throws SQLException {
        Path journal = aside.resolve(NAME + ".journal");
        if (Files.exists(journal)) {
            try {
                Files.copy(journal, dir.resolve(NAME + ".journal"));
            } catch (IOException e) {
                throw new SQLException("cannot copy the journal back from " + aside, e);
            }
        }
    }

    private static long size(Path f) throws SQLException {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new SQLException("cannot read the size of " + f, e);
        }
    }

    /**
     * H2 rewrites the database into a new file holding only live data (written aside, then renamed; H2 cleans up a
     * half-done one at the next open), before anything else touches it. Only at start: the file grows between
     * starts because chunks are never written over (see {@link #connect}).
     */
    private static Connection compacted(Connection c, Path dir, Path file) throws SQLException {
        long before = size(file);
        try (Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        log.info("Database compacted at start: {} KiB -> {} KiB", before / 1024, size(file) / 1024);
        return connect(dir);
    }

    /** Another process holds the database: moving its files aside would destroy a live database. */
    private static boolean isLocked(SQLException e) {
        return e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static Connection connect(Path dir) throws SQLException {
        // FILE_LOCK=FS: a second appliance on the same folder fails fast instead of corrupting it.
        // DB_CLOSE_ON_EXIT=FALSE: we close it ourselves in the shutdown hook, after the last commit.
        // AUTO_COMPACT_FILL_RATE=0: no background moving of live pages between chunks; H2's open
        // "Chunk N not found" corruption after a kill (h2database #4383, #2067) involves chunk movement.
        // COMPRESS: fewer bytes per chunk written to the SD card.
        // REUSE_SPACE=FALSE: every chunk is appended at the end of the file, never written over an old one. With
        // space reuse, a kill soon after H2 had written a chunk into reused space made the next open reject that
        // chunk (and everything after it, up to a minute of checkpoints): the store came back older than the seq
        // it had been synced at (seen in KillLoopResyncTest, ~1 start in 30; the dump showed a chunk id written
        // twice). The file then only grows: it is compacted at start above COMPACT_ABOVE_BYTES.
        // CACHE_SIZE=1024 (KB): H2's page cache, by default 64 MB per GB of heap (2.5 MB at the launcher's old 40 MB),
        // held 3 MB of a busy day's live heap; the queue itself is in memory and the store is written at its end, so
        // 1 MB holds the pages being appended to (BENCHMARKS.md, "Memory through busy days").
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(NAME)
                + ";FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=0;REUSE_SPACE=FALSE"
                + ";CACHE_SIZE=1024";
        Connection c = DriverManager.getConnection(url, "motcua", "");
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // Read every table's metadata and a row, so a damaged file fails here rather than mid-day.
                st.execute("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private static Path moveAside(Path dir, Clock clock) throws SQLException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path aside = dir.resolve("broken-" + stamp);
        try {
            Files.createDirectories(aside);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().startsWith(NAME + ".")).forEach(files::add);
            }
            for (Path f : files) {
                Files.move(f, aside.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            return aside;
        } catch (IOException e) {
            throw new SQLException("database failed to open and could not be moved aside to " + aside, e);
        }
    }
}
