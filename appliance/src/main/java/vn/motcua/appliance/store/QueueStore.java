package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.DayState;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueSnapshot;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.devices.KeypadCursor;
import vn.motcua.appliance.devices.KeypadCursors;

/**
 * The queue's durable state and its event outbox, in H2.
 *
 * <p>Each {@link #commit} writes the rows a command changed and its events in one H2 transaction, then makes
 * it durable by appending the same rows to the {@link CommitJournal} and syncing that one block. H2 itself
 * writes behind, in batches (its write delay), and is synced at checkpoints; after a crash the journal's
 * newer records are written again into H2 at open. H2 alone would either lose up to its write delay of
 * committed work on a power cut, or (synced per commit) rewrite several pages per command: see
 * docs/architecture.md. Only after {@code commit} returns may the caller acknowledge anything.
 */
public final class QueueStore implements Outbox, KeypadCursors, AutoCloseable {
    /** How long H2 may keep committed pages in memory; the journal covers them meanwhile. */
    static final int WRITE_BEHIND_MILLIS = 30_000;
    private Connection c; // replaced by reopen() after H2 failed to write
    private final EventStamper stamper;
    private final Watermarks watermarks;
    private final CommitJournal journal;
    private final StoreCondition condition;
    private boolean reopening;
    private long committedSeq; // the last seq durably committed (H2 or the journal): a reopened H2 must hold it
    private final ReplayOutcome replay;
    private Path keptJournal;
    private boolean incomplete;
    private long lastSeq;
    private Set<String> knownServices = Set.of();

    /**
     * @param journal where commits are made durable; null only where losing the last seconds of work is
     *                acceptable (throw-away tests, the write-behind baseline of the benchmark)
     */
    public QueueStore(Connection connection, EventStamper stamper, Watermarks watermarks, CommitJournal journal)
            throws SQLException {
        this(connection, stamper, watermarks, journal, new StoreCondition(java.time.Clock.systemUTC()));
    }

    /** @param condition told of every failed durable write; see {@link StoreCondition} */
    public QueueStore(Connection connection, EventStamper stamper, Watermarks watermarks, CommitJournal journal,
                      StoreCondition condition) throws SQLException {
        this.c = connection;
        this.stamper = stamper;
        this.watermarks = watermarks;
        this.journal = journal;
        this.condition = condition;
        long held = StateRows.loadLastSeq(c);
        if (journal != null) {
            replay = JournalReplay.replay(c, journal.reading());
            writeBehind();
            // Something may have been issued beyond what H2 and the journal hold: the journal damaged, or lost beside a
            // database with state. (A gap below the journal's last record is lost history, not lost numbering: the
            // base record after it carries the day's numbering and the seq it reached.)
            incomplete = !journal.reading().damage().isEmpty()
                    || (held > 0 && journal.reading().found() != CommitJournal.Found.PRESENT);
        } else {
            replay = new ReplayOutcome(held, held, 0, List.of(), false);
        }
        // A database with no state is new or replaces a lost one, and an incomplete one may lack what was issued:
        // continue after the reserved block, so a sequence number is never reused. An intact database is the truth.
        long stored = StateRows.loadLastSeq(c);
        this.committedSeq = stored;
        this.lastSeq = StateRows.loadDay(c) == null || incomplete ? Math.max(stored, watermarks.reservedSeq()) : stored;
        if (journal != null) {
            if (!journal.reading().damage().isEmpty() || !replay.missing().isEmpty()) {
                keptJournal = keepCopy(journal.file(), "broken-journal-"); // before the checkpoint overwrites a generation
            }
            checkpoint();
        }
    }

    private void writeBehind() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY " + WRITE_BEHIND_MILLIS);
            // Old chunks must outlive several write-behind rounds, so a torn last chunk falls back to a whole one.
            st.execute("SET RETENTION_TIME " + (4 * WRITE_BEHIND_MILLIS));
        }
    }

    /**
     * After H2 failed to write (its MVStore never writes again): the failed database closed (H2 would hand the same
     * one back otherwise), opened afresh by {@code open}, the journal as it is now (every commit since the last
     * checkpoint, those made while H2 was failing included) written into it and checkpointed, as at start. Throws
     * when that fails (the disk still full) or when the database would hold less than was committed: the commits
     * then go on into the journal alone, and it is tried again later.
     */
    public synchronized void reopen(Opener open) throws SQLException {
        closeQuietly(c);
        c = open.open();
        reopening = true;
        try {
            ReplayOutcome r = JournalReplay.replay(c, journal.readAgain());
            writeBehind();
            long stored = StateRows.loadLastSeq(c);
            if (stored < committedSeq || !r.missing().isEmpty()) {
                throw new SQLException("reopened database holds events up to seq " + stored + ", " + committedSeq
                        + " were committed");
            }
            checkpoint();
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof SQLException s ? s : new SQLException("reopening the database failed", e);
        } finally {
            reopening = false;
        }
    }

    /** Opens a connection to the same database. */
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** The store's health: free space and failed writes. */
    public StoreCondition condition() {
        return condition;
    }

    private static void closeQuietly(Connection x) {
        try {
            x.close();
        } catch (SQLException | RuntimeException ignored) {
            // a failed H2 reports its write error again on close
        }
    }

    /** Seqs left unused at open (first, last), so none that may have been issued is issued again; empty if none. */
    public Optional<long[]> skippedSeqs() {
        long stored = replay.replayedTo();
        return lastSeq > stored ? Optional.of(new long[] {stored + 1, lastSeq}) : Optional.empty();
    }

    /** Whether opening found that something may have been issued beyond what H2 and the journal gave back. */
    public boolean incomplete() {
        return incomplete;
    }

    /** What opening found: what H2 held, what the journal gave back, which seqs neither could. */
    public ReplayOutcome replayOutcome() {
        return replay;
    }

    /** What the journal looked like at open (null without a journal). */
    public CommitJournal.Reading journalReading() {
        return journal == null ? null : journal.reading();
    }

    /** Where a damaged or incomplete journal was copied before it was written again, if it was. */
    public Optional<Path> keptJournal() {
        return Optional.ofNullable(keptJournal);
    }

    private Path keepCopy(Path file, String prefix) {
        try {
            return keepCopy(file, prefix, stamper.clock());
        } catch (IOException e) {
            throw new StoreException("could not keep a copy of the damaged " + file.getFileName(), e);
        }
    }

    /** Copies {@code file} into a new {@code <prefix><time>/} folder beside it, for a technician; returns the folder. */
    public static Path keepCopy(Path file, String prefix, java.time.Clock clock) throws IOException {
        Path aside = file.resolveSibling(prefix
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                        .format(clock.instant()));
        java.nio.file.Files.createDirectories(aside);
        java.nio.file.Files.copy(file, aside.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** The last event seq H2 holds on disk (for checks made before a store is built on the connection). */
    public static long heldSeq(Connection c) throws SQLException {
        return StateRows.loadLastSeq(c);
    }

    /** The saved queue, or an empty day if none; numbering never goes below the watermarks. */
    public synchronized QueueSnapshot loadSnapshot(LocalDate today) throws SQLException {
        DayState saved = StateRows.loadDay(c);
        DayState day = saved != null ? saved : new DayState(today, Map.of(), Map.of(), 0);
        Map<String, Integer> last = new HashMap<>(day.lastNumber());
        for (String service : knownServices) {
            int reserved = watermarks.reservedNumber(day.day(), service);
            if (reserved > last.getOrDefault(service, 0) && (saved == null || incomplete)) {
                last.put(service, reserved); // today's database lost or incomplete: skip the reserved block
            }
        }
        DayState resumed = new DayState(day.day(), last, day.issued(), day.lastOrdinal());
        return new QueueSnapshot(resumed, StateRows.loadTickets(c, day.day()), StateRows.loadCounters(c));
    }

    /** Every stored ticket of a business day (kept after the day ends, for its figures), in order of issue. */
    public synchronized List<Ticket> ticketsOf(LocalDate day) throws StoreException {
        try {
            return StateRows.loadTickets(c, day);
        } catch (SQLException e) {
            throw new StoreException("could not read the tickets of " + day, e);
        }
    }

    /** The office's history: every stored cell of {@code from}..{@code to} ({@link DayFigureRows}). */
    public synchronized List<vn.motcua.appliance.history.Cell> dayFigures(LocalDate from, LocalDate to) throws StoreException {
        try {
            return DayFigureRows.select(c, from, to);
        } catch (SQLException e) {
            throw new StoreException("could not read the figures of " + from + ".." + to, e);
        }
    }

    /** The days of {@code from}..{@code to} whose figures are stored. */
    public synchronized List<LocalDate> daysWithFigures(LocalDate from, LocalDate to) throws StoreException {
        try {
            return DayFigureRows.days(c, from, to);
        } catch (SQLException e) {
            throw new StoreException("could not list the days of " + from + ".." + to, e);
        }
    }

    /**
     * Replaces the stored figures of {@code day} (the technician's recompute from the raw events), in one
     * transaction. Not journalled: the figures are derived data, and a recompute can always be run again.
     */
    public synchronized void replaceDayFigures(LocalDate day, List<vn.motcua.appliance.history.Cell> cells) throws StoreException {
        try {
            DayFigureRows.replaceDay(c, day, cells);
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("could not replace the figures of " + day, e);
        }
    }

    /**
     * The district's bookings of {@code day} ({@link BookingRows#replaceDay}), committed and, when anything changed,
     * made durable at once (a proven checkpoint): the office may be offline for days after, and the bookings are not
     * in the journal. Returns whether anything changed.
     */
    public synchronized boolean replaceBookings(LocalDate day, List<vn.motcua.appliance.domain.Booking> bookings)
            throws StoreException {
        if (condition.databaseFailed()) {
            throw new StoreException("database failed to write; bookings are taken again once it is reopened", null);
        }
        boolean changed;
        try {
            changed = BookingRows.replaceDay(c, day, bookings);
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("could not store the bookings of " + day, e);
        }
        if (changed) {
            try {
                checkpoint();
            } catch (SQLException e) {
                throw new StoreException("bookings of " + day + " stored but not yet synced", e);
            }
        }
        return changed;
    }

    /** The bookings the engine holds, from {@code from} on ({@link BookingRows#load}). */
    public synchronized vn.motcua.appliance.domain.BookingSnapshot loadBookings(LocalDate from) throws SQLException {
        return BookingRows.load(c, from);
    }

    /** One booking as stored, whatever its state: tells a used code from an unknown one. */
    public synchronized Optional<StoredBooking> findBooking(String code) throws StoreException {
        try {
            return BookingRows.find(c, code);
        } catch (SQLException e) {
            throw new StoreException("could not read a booking", e);
        }
    }

    /** The day's booking counts for the manager. */
    public synchronized BookingCounts bookingCounts(LocalDate day) throws StoreException {
        try {
            return BookingRows.counts(c, day);
        } catch (SQLException e) {
            throw new StoreException("could not count the bookings of " + day, e);
        }
    }

    /** The day's bookings as the office's history counts them (the same reading as {@link #bookingCounts}). */
    public synchronized List<vn.motcua.appliance.history.DayBooking> dayBookings(LocalDate day) throws StoreException {
        try {
            return BookingRows.ofDay(c, day);
        } catch (SQLException e) {
            throw new StoreException("could not read the bookings of " + day, e);
        }
    }

    /** Tells the store which services exist, so a fresh database can resume numbering from the watermarks. */
    public synchronized void knowServices(Collection<String> codes) {
        knownServices = new LinkedHashSet<>(codes);
    }

    /** An event that is not the engine's, written in the same transaction as a command's (e.g. a day's summary). */
    public record Appended(String type, Object payload) {}

    /** Writes what a command changed and the events it caused, atomically and durably. */
    public synchronized List<OutboxEvent> commit(CommandResult r) throws StoreException {
        return commit(r, null, List.of());
    }

    /**
     * Writes what a command changed, the events it caused and {@code extra} events after them, all in one
     * transaction and one journal record: either all of them survive a crash or none does. {@code press}, when
     * a keypad press caused the command, is written with them, so the press is applied exactly once across
     * restarts.
     */
    public synchronized List<OutboxEvent> commit(CommandResult r, KeypadCursor press, List<Appended> extra)
            throws StoreException {
        if (r.isEmpty()) {
            return List.of();
        }
        List<String> payloadTypes = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (QueueEvent e : r.events()) {
            payloadTypes.add(e.type());
            payloads.add(EventJson.write(e));
        }
        for (Appended a : extra) {
            payloadTypes.add(a.type());
            payloads.add(EventJson.write(a.payload()));
        }
        Set<String> services = new LinkedHashSet<>();
        for (Ticket t : r.changedTickets()) {
            if (t.ordinal() == r.day().lastOrdinal()) {
                services.add(t.service());
            }
        }
        return write(r.day(), services, r.changedTickets(), r.changedCounters(), payloadTypes, payloads,
                press == null ? List.of() : List.of(press));
    }

    /** Records an event that changes no queue state (a device fault, a scan, a heartbeat). */
    public synchronized OutboxEvent append(String type, Object payload) throws StoreException {
        return write(null, Set.of(), List.of(), List.of(), List.of(type), List.of(EventJson.write(payload)),
                List.of()).getFirst();
    }

    /**
     * Order matters for a failing disk: the journal record is written before H2 commits, so H2's memory never
     * holds a commit that is not durable (a failed append rolls H2 back: nothing happened). If H2 fails (it
     * cannot write its file), the commit is durable in the journal alone and goes on being acknowledged, until
     * the journal's generation is full; {@link #reopen} then writes those commits into a freshly opened H2.
     */
    private List<OutboxEvent> write(DayState day, Set<String> services, List<Ticket> tickets, List<Counter> counters,
                                    List<String> types, List<String> payloads, List<KeypadCursor> keypads)
            throws StoreException {
        boolean toDatabase = journal == null || !condition.databaseFailed();
        if (toDatabase) {
            try {
                if (c.isClosed()) {
                    throw new SQLException("database closed");
                }
            } catch (SQLException e) {
                if (journal == null) {
                    throw new StoreException("store unusable: " + types, e);
                }
                condition.databaseFailed(e);
                toDatabase = false;
            }
        }
        long seq = lastSeq;
        List<OutboxEvent> stamped = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            stamped.add(stamper.stamp(++seq, types.get(i), payloads.get(i)));
        }
        CommitRecord record = new CommitRecord(day, new ArrayList<>(services), tickets, counters, stamped, seq, keypads);
        byte[] bytes = journal == null ? null : roomInJournal(record);
        try {
            watermarks.noteDurable(lastSeq); // every commit before this one is on disk
            if (day != null) {
                watermarks.cover(day.day(), day.lastNumber(), seq);
            } else {
                watermarks.coverSeq(seq);
            }
        } catch (IOException e) {
            condition.writeFailed("watermarks", e);
            throw new StoreException("could not reserve numbers for " + types + " (storage failing?)", e);
        }
        if (toDatabase) {
            toDatabase = rows(day, services, tickets, counters, stamped, keypads, seq, types);
        }
        if (journal != null) {
            try {
                journal.append(stamped.getFirst().seq(), bytes);
            } catch (IOException e) {
                rollbackQuietly();
                condition.writeFailed("journal", e);
                throw new StoreException("could not make the commit durable (storage failing?)", e);
            }
        }
        if (toDatabase) {
            try {
                c.commit();
            } catch (SQLException e) {
                if (journal == null) {
                    rollbackQuietly();
                    throw new StoreException("could not commit " + types, e);
                }
                condition.databaseFailed(e); // durable in the journal: acknowledged all the same
            }
        }
        lastSeq = seq;
        committedSeq = seq;
        return stamped;
    }

    /**
     * The command's rows in H2's open transaction. False when H2 failed to use its file and the journal will carry
     * the commit alone; throws when there is no journal, or for any other SQL error.
     */
    private boolean rows(DayState day, Set<String> services, List<Ticket> tickets, List<Counter> counters,
                         List<OutboxEvent> stamped, List<KeypadCursor> keypads, long seq, List<String> types) {
        try {
            for (Ticket t : tickets) {
                StateRows.upsertTicket(c, t);
            }
            for (Counter k : counters) {
                StateRows.upsertCounter(c, k);
            }
            if (day != null) {
                StateRows.upsertDay(c, day, seq, new ArrayList<>(services));
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE day_state SET last_seq = ? WHERE id = 1")) {
                    ps.setLong(1, seq);
                    ps.executeUpdate();
                }
            }
            OutboxRows.insert(c, stamped);
            DayFigureRows.fromEvents(c, stamped);
            BookingRows.fromEvents(c, stamped);
            KeypadCursorRows.upsert(c, keypads);
            return true;
        } catch (SQLException e) {
            rollbackQuietly();
            if (journal == null || !H2Failure.isStorage(e)) {
                throw new StoreException("could not commit " + types, e); // an SQL error: refused, nothing written
            }
            condition.databaseFailed(e);
            return false;
        }
    }

    /** Whether the store holds a business day's state (numbering, counters): false for a new or lost database. */
    public synchronized boolean holdsDayState() {
        try {
            return StateRows.loadDay(c) != null;
        } catch (SQLException e) {
            throw new StoreException("could not read the day state", e);
        }
    }

    /** The highest seq the store holds a row or a state for (0 if none), whatever the watermarks reserve above it. */
    public synchronized long storedSeq() {
        try {
            return StateRows.loadLastSeq(c);
        } catch (SQLException e) {
            throw new StoreException("could not read the last seq", e);
        }
    }

    public Watermarks watermarks() {
        return watermarks;
    }

    /**
     * Writes a queue rebuilt from the district's copy of this device's events, in one transaction: the day's
     * numbering (never below what the watermarks reserve for that day, so a number printed on a ticket the district
     * never heard of is not issued again), every rebuilt ticket and counter, the events themselves with their original
     * seqs and ids, marked delivered (the district has them), and {@code restored} (a {@code store.restored} event) as
     * the next seq. Event numbering then continues after it; H2 is synced and the journal starts over from this state.
     */
    public synchronized OutboxEvent restore(QueueSnapshot rebuilt, List<OutboxEvent> history, Appended restored)
            throws StoreException {
        try {
            long last = history.isEmpty() ? 0 : history.getLast().seq();
            // Right after the last restored seq, so the district sees no hole; above any row this store already holds
            // (an event recorded at open), which keeps its seq. Not above the watermarks' reserved seq: a seq the
            // district never received belongs to an event lost with the old store, and is free again.
            long seq = Math.max(last, StateRows.loadLastSeq(c)) + 1;
            OutboxEvent event = stamper.stamp(seq, restored.type(), EventJson.write(restored.payload()));
            DayState day = rebuilt.day();
            Map<String, Integer> numbering = new HashMap<>(day.lastNumber());
            for (String service : knownServices) {
                int reserved = watermarks.reservedNumber(day.day(), service);
                if (reserved > numbering.getOrDefault(service, 0)) {
                    numbering.put(service, reserved);
                }
            }
            day = new DayState(day.day(), numbering, day.issued(), day.lastOrdinal());
            watermarks.cover(day.day(), numbering, seq);
            for (Ticket t : rebuilt.tickets()) {
                StateRows.upsertTicket(c, t);
            }
            for (Counter k : rebuilt.counters()) {
                StateRows.upsertCounter(c, k);
            }
            Set<String> services = new LinkedHashSet<>(numbering.keySet());
            services.addAll(day.issued().keySet());
            StateRows.upsertDay(c, day, seq, new ArrayList<>(services));
            List<OutboxEvent> fresh = notHeld(history); // asked before the insert: after it every one is held
            OutboxRows.insert(c, fresh, true);
            DayFigureRows.fromEvents(c, fresh); // the district's copy of past days' summaries
            BookingRows.fromEvents(c, fresh); // the district's copy of today's check-ins and no-shows
            OutboxRows.insert(c, List.of(event));
            c.commit();
            lastSeq = seq;
            checkpoint(); // durable at once, and the journal's base record now holds the restored queue
            return event;
        } catch (SQLException | IOException e) {
            rollbackQuietly();
            throw new StoreException("could not write the restored queue", e);
        }
    }

    /**
     * The events of {@code history} whose seq the outbox does not hold yet. One it holds was recorded here (before
     * the restore, e.g. at open, or on a device that never stored a day): this store's own row stays as it is.
     */
    private List<OutboxEvent> notHeld(List<OutboxEvent> history) throws SQLException {
        if (history.isEmpty()) {
            return history;
        }
        Set<Long> held = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM outbox WHERE seq BETWEEN ? AND ?")) {
            ps.setLong(1, history.getFirst().seq());
            ps.setLong(2, history.getLast().seq());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        return held.isEmpty() ? history : history.stream().filter(e -> !held.contains(e.seq())).toList();
    }

    /**
     * The record's bytes, once the journal has room for them: when it would overflow, H2 is checkpointed first (the
     * journal then starts its next generation). Refused, changing nothing, when H2 cannot be checkpointed.
     */
    private byte[] roomInJournal(CommitRecord record) {
        try {
            byte[] bytes = EventJson.mapper().writeValueAsBytes(record);
            if (journal.wouldOverflow(bytes.length)) {
                if (condition.databaseFailed()) {
                    throw new StoreException("journal full while the database cannot write", null);
                }
                checkpoint();
            }
            return bytes;
        } catch (IOException | SQLException e) {
            throw new StoreException("could not make room in the journal (storage failing?)", e);
        }
    }

    /**
     * Syncs H2's own files and proves it ({@link H2Sync}), after which the journal starts its next generation with a
     * base record: the live queue (the day's numbering, every counter, every ticket not yet finished or expired). H2 has shown it can be
     * left unopenable by a crash (h2database #4383); with that base, a fresh database rebuilt from the journal
     * alone still holds every waiting resident's ticket.
     */
    public synchronized void checkpoint() throws SQLException {
        if (condition.databaseFailed() && !reopening) {
            // this H2 lacks the commits made while it failed: a new generation now would lose them
            throw new SQLException("the database failed to write; it is checkpointed when reopened");
        }
        try {
            H2Sync.syncProven(c);
        } catch (SQLException | RuntimeException e) {
            condition.databaseFailed(e); // H2 could not write its file: it must be reopened (see StoreCondition)
            throw e;
        }
        if (journal == null) {
            return;
        }
        DayState day = StateRows.loadDay(c);
        byte[] bytes = null;
        if (day != null) {
            List<Ticket> live = StateRows.loadTickets(c, day.day()).stream().filter(t -> !t.status().isTerminal()).toList();
            CommitRecord base = new CommitRecord(day, new ArrayList<>(day.lastNumber().keySet()), live,
                    StateRows.loadCounters(c), List.of(), lastSeq, KeypadCursorRows.load(c),
                    BookingRows.rows(c, day.day().minusDays(1)));
            try {
                bytes = EventJson.mapper().writeValueAsBytes(base);
            } catch (IOException e) {
                throw new SQLException("could not write the journal's base record", e);
            }
        }
        try {
            journal.startGeneration(lastSeq, bytes);
        } catch (IOException e) {
            throw new SQLException("could not start the journal's next generation", e);
        }
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    // ---- Outbox ----

    /**
     * An outbox read or mark on H2: refused at once while H2 has failed (it is reopened, then the outbox drains);
     * an H2 storage error seen here is the first sign of it failing.
     */
    private <T> T watched(java.util.function.Supplier<T> work) {
        if (journal != null && condition.databaseFailed()) {
            throw new StoreException("database failed to write; the outbox waits for it to be reopened", null);
        }
        try {
            return work.get();
        } catch (StoreException e) {
            if (journal != null && H2Failure.isStorage(e.getCause())) {
                condition.databaseFailed(e.getCause());
            }
            throw e;
        }
    }

    @Override
    public synchronized List<OutboxEvent> pendingAfter(long afterSeq, int limit) {
        return watched(() -> OutboxRows.select(c, "WHERE delivered = FALSE AND seq > ? ORDER BY seq LIMIT ?", afterSeq, limit));
    }

    /**
     * The events of {@code type} written at or after {@code since}, oldest first, delivered or not (until pruned): what a
     * part that keeps its own durable facts as events reads back at start (the satellites' press keys).
     */
    public synchronized List<OutboxEvent> eventsOfTypeSince(String type, Instant since) {
        return watched(() -> OutboxRows.ofTypeSince(c, type, since));
    }

    @Override
    public synchronized List<OutboxEvent> rangeFrom(long fromSeq, int limit) {
        return watched(() -> OutboxRows.select(c, "WHERE seq >= ? ORDER BY seq LIMIT ?", fromSeq, limit));
    }

    @Override
    public synchronized void markDelivered(Collection<Long> seqs) {
        watched(() -> {
            OutboxRows.markDelivered(c, seqs);
            return null;
        });
    }

    @Override
    public synchronized long pendingCount() {
        return watched(() -> OutboxRows.count(c, "WHERE delivered = FALSE"));
    }

    @Override
    public synchronized Optional<Instant> oldestPendingWallTime() {
        List<OutboxEvent> first = pendingAfter(0, 1);
        return first.isEmpty() ? Optional.empty() : Optional.of(first.getFirst().wallTime());
    }

    @Override
    public synchronized int pruneDeliveredBefore(Instant cutoff) {
        return watched(() -> OutboxRows.prune(c, cutoff));
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Asks H2 the smallest question (SELECT 1) under the store's lock: the watchdog's look at a store that should work. */
    public synchronized void answer() {
        watched(() -> withConnection(conn -> {
            try (java.sql.Statement st = conn.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT 1")) {
                return rs.next();
            }
        }));
    }

    /** SQL against the store's connection under its lock, for small side tables (e.g. the dossier cache). */
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    public synchronized <T> T withConnection(SqlWork<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("store query failed", e);
        }
    }

    @Override
    public synchronized List<KeypadCursor> keypadCursors() {
        return withConnection(KeypadCursorRows::load);
    }

    /** Events in the outbox (delivered or not, until pruned) by type: for technicians and tests. */
    public synchronized Map<String, Long> countsByType() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_type, COUNT(*) FROM outbox GROUP BY event_type");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("count failed", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                // H2's SHUTDOWN below writes everything anyway
            }
        }
        if (!c.isClosed()) {
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                c.close();
            }
        }
    }
}
