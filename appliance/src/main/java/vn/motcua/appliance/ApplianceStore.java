package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.StoreHealth;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.JournalRoom;
import vn.motcua.appliance.store.HistoryWanted;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreCondition;
import vn.motcua.appliance.store.StoreAttention;
import vn.motcua.appliance.store.StoreIdentity;
import vn.motcua.appliance.store.Watermarks;

/**
 * Opens the appliance's store from its config: the H2 database (a damaged one moved aside and recorded), the
 * watermarks, the commit journal when commits are durable; registers the store's parts on the health page.
 *
 * <p>Whatever opening found damaged, missing or incomplete is reported the same way: one {@code store.recovered}
 * event saying what was kept where and which event seqs this store could not get back, and a
 * {@link StoreAttention} that keeps {@code /healthz} red, across restarts, until a technician acknowledges it.
 */
final class ApplianceStore implements Part {
    private static final Logger log = LoggerFactory.getLogger(ApplianceStore.class);
    /** Two generations of room for a few thousand commands between checkpoints; preallocated once. */
    static final long JOURNAL_BYTES = 8L * 1024 * 1024;

    private final ApplianceConfig config;
    private final Shared shared;
    private QueueStore store;

    ApplianceStore(ApplianceConfig config, Shared shared) {
        this.config = config;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public void start() throws SQLException, IOException {
        store = open(config, shared.clock(), shared.bootId(), shared.health());
    }

    /** The open store; null before {@link #start}. */
    QueueStore store() {
        return store;
    }

    /** The queue part closes the store first, between two commands; this closes it when no queue was built. */
    @Override
    public void close() throws SQLException {
        if (store != null) {
            store.close();
        }
    }

    /** Opens the store as a start does (also the technician's recompute, {@link FigureRecompute}). */
    static QueueStore open(ApplianceConfig config, Clock clock, String bootId, Health health)
            throws SQLException, IOException {
        ApplianceConfig.Identity id = config.identity();
        Path dir = id.dataDir();
        if (config.store().durableCommits()) {
            JournalRoom.require(dir, JOURNAL_BYTES); // before anything is written
        }
        boolean existed = StoreIdentity.existed(dir);
        Database.Opened db = Database.open(dir, clock);
        CommitJournal journal = null;
        try {
            Watermarks watermarks = Watermarks.load(dir);
            EventStamper stamper = new EventStamper(id.deviceId(), clock, bootId, Host.wallClockTrusted(id.wallClock()));
            journal = config.store().durableCommits() ? JournalRoom.open(dir, JOURNAL_BYTES) : null;
            Path keptDatabase = null;
            if (journal != null && db.movedAside().isEmpty()) {
                long synced = journal.reading().generations().stream().mapToLong(CommitJournal.Generation::baseSeq).max()
                        .orElse(0);
                if (QueueStore.heldSeq(db.connection()) < synced) {
                    // older than the seq it was proven synced at: keep it as it is, before replay writes into it
                    keptDatabase = QueueStore.keepCopy(dir.resolve("motcua.mv.db"), "broken-db-", clock);
                }
            }
            StoreCondition condition = new StoreCondition(clock);
            QueueStore store = new QueueStore(db.connection(), stamper, watermarks, journal, condition);
            StoreIdentity.ensure(dir, clock.instant());
            StoreAttention attention = new StoreAttention(dir, clock);
            Map<String, Object> finding = findings(existed, db, store, watermarks);
            watermarks.ensureWritten(); // a store stopped before its first ticket must not look like one that lost it
            if (finding != null && keptDatabase != null) {
                finding.put("database_kept_in", keptDatabase.getFileName().toString());
            }
            boolean databaseLost = db.movedAside().isPresent() || (existed && !db.fileWasThere());
            if (databaseLost && store.holdsDayState()) {
                // the journal gave back the live queue only: the day's served tickets are still to come from the district
                HistoryWanted.mark(dir, "database lost at " + clock.instant() + "; today's queue came back from the journal");
                if (finding != null) {
                    finding.put("history_wanted", true);
                }
            }
            if (finding != null) {
                store.append("store.recovered", finding);
                attention.raise(finding);
                log.error("Store needs a technician: {}", finding.get("summary"));
            }
            health.register("store", StoreHealth.of(condition, () -> attention.pending()
                    .map(s -> Health.Status.fault("recovered", s + " (acknowledge: POST /api/store/acknowledge on this machine)"))
                    .orElseGet(() -> Health.Status.ok("open"))));
            // While H2 is being reopened the outbox cannot be read: the store part says why, this one need not.
            health.register("outbox", () -> condition.databaseFailed()
                    ? Health.Status.fault("waiting for the store", "events are kept in the journal until the database is reopened")
                    : Health.Status.ok("pending " + store.pendingCount()));
            return store;
        } catch (IOException | SQLException | RuntimeException | Error e) {
            // a half-open store must not keep H2's writer thread or the journal's file open
            release(db, journal);
            throw e;
        }
    }

    private static void release(Database.Opened db, CommitJournal journal) {
        try {
            db.connection().close();
        } catch (SQLException | RuntimeException e) {
            log.debug("closing the half-open database: {}", e.toString());
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing the half-open journal: {}", e.toString());
            }
        }
    }

    /** What this open found wrong, as the {@code store.recovered} payload; null when all was sound. */
    private static Map<String, Object> findings(boolean existed, Database.Opened db, QueueStore store,
                                                Watermarks watermarks) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        db.movedAside().ifPresent(p -> {
            problems.add(db.reason() + "; moved to " + p.getFileName() + " and a fresh one started");
            out.put("moved_aside_to", p.getFileName().toString());
        });
        if (existed && !db.fileWasThere()) {
            problems.add("database file missing");
        }
        watermarks.problem().ifPresent(p -> problems.add(p + "; copy kept as watermarks.properties.broken"));
        if (existed && !watermarks.found()) {
            problems.add("watermarks file missing");
        }
        CommitJournal.Reading journal = store.journalReading();
        if (journal != null) {
            if (existed && journal.found() != CommitJournal.Found.PRESENT) {
                problems.add((journal.found() == CommitJournal.Found.EMPTY ? "journal was empty" : "journal missing")
                        + ": what was not yet in the database (up to its 30 s write delay) is lost");
            }
            problems.addAll(journal.damage());
        }
        var replayed = store.replayOutcome();
        long synced = journal == null ? 0 : journal.generations().stream().mapToLong(CommitJournal.Generation::baseSeq)
                .max().orElse(0);
        if (db.movedAside().isEmpty() && replayed.heldSeq() < synced) {
            // H2 was proven synced at that seq when the journal's generation started: it came back older
            problems.add("database holds events up to seq " + replayed.heldSeq() + ", less than the " + synced
                    + " it was synced at");
        }
        var replay = store.replayOutcome();
        List<long[]> missing = new ArrayList<>(replay.missing());
        // The watermarks are rewritten when a seq passes the reservation: whatever they reserve minus one block
        // was really issued. A store that ends below that lost the difference.
        long proven = watermarks.provenSeq();
        if (proven > replay.replayedTo()) {
            missing.add(new long[] {replay.replayedTo() + 1, proven});
            problems.add("store holds events up to seq " + replay.replayedTo() + " but seq " + proven
                    + " was made durable: at least " + (proven - replay.replayedTo()) + " events lost");
        }
        if (!replay.missing().isEmpty()) {
            problems.add("events missing from this store: seqs " + ranges(replay.missing()));
        }
        if (problems.isEmpty()) {
            return null;
        }
        out.put("reason", problems.getFirst());
        out.put("problems", problems);
        out.put("held_seq", replay.heldSeq());
        out.put("recovered_to_seq", replay.replayedTo());
        out.put("replayed_commits", replay.replayed());
        out.put("missing_seqs", missing.stream().map(r -> List.of(r[0], r[1])).toList());
        out.put("missing_count", missing.stream().mapToLong(r -> r[1] - r[0] + 1).sum());
        // the district sees these as a gap: they were never used, so that no seq issued before the loss is reused
        store.skippedSeqs().ifPresent(r -> out.put("skipped_seqs", List.of(r[0], r[1])));
        store.keptJournal().ifPresent(p -> out.put("journal_kept_in", p.getFileName().toString()));
        out.put("summary", String.join("; ", problems));
        return out;
    }

    private static String ranges(List<long[]> ranges) {
        return String.join(", ", ranges.stream().map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1])
                .toList());
    }
}
