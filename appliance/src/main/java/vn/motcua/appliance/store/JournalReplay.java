package vn.motcua.appliance.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.Ticket;

/**
 * Writes into H2 the journalled commits it does not hold: after a crash, the ones H2 had not written yet; into a
 * fresh database that replaced a broken one, the live-queue base record of the last checkpoint and everything
 * after it. The caller then checkpoints, so the journal can start its next generation.
 *
 * <p>Replay also checks continuity: every event seq from what H2 holds up to the journal's last record must be
 * either in H2 or in a replayed record. A base record or a record that jumps ahead leaves a gap: those events
 * (and, for a base, the history of the tickets it no longer lists) are lost from this store, and are reported.
 */
final class JournalReplay {
    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

    private JournalReplay() {}

    static ReplayOutcome replay(Connection c, CommitJournal.Reading reading) throws SQLException {
        long held = StateRows.loadLastSeq(c);
        long dbSeq = held;
        int replayed = 0;
        List<long[]> missing = new ArrayList<>();
        boolean liveGap = false;
        try {
            for (CommitJournal.Generation g : reading.generations()) {
                if (g.baseSeq() > dbSeq && g.entries().isEmpty()) {
                    // a generation whose base was lost: H2 had synced up to baseSeq, yet holds less
                    missing.add(new long[] {dbSeq + 1, g.baseSeq()});
                    dbSeq = g.baseSeq();
                    liveGap = true; // and no base record to give the live queue back
                }
                for (CommitJournal.Entry e : g.entries()) {
                    CommitRecord r = EventJson.mapper().readValue(e.payload(), CommitRecord.class);
                    if (r.lastSeq() <= dbSeq) {
                        if (r.bookings() != null) { // a base H2 is not behind: its bookings only where H2 lacks them
                            BookingRows.restore(c, r.bookings());
                            c.commit();
                        }
                        continue; // H2 wrote this one itself before the crash
                    }
                    long first = r.events().isEmpty() ? r.lastSeq() + 1 : r.events().getFirst().seq();
                    boolean base = e == g.entries().getFirst() && r.events().isEmpty();
                    if (first > dbSeq + 1) {
                        missing.add(new long[] {dbSeq + 1, first - 1});
                    }
                    if (base) {
                        liveGap = false; // a base record holds the whole live queue, whatever was missing before it
                    } else if (first > dbSeq + 1) {
                        liveGap = true;
                    }
                    apply(c, r, dbSeq);
                    dbSeq = r.lastSeq();
                    replayed++;
                }
            }
        } catch (IOException e) {
            c.rollback();
            throw new SQLException("commit journal unreadable: " + e.getMessage(), e);
        }
        if (replayed > 0) {
            log.info("Recovered {} commits from the journal after an unclean stop (up to event seq {})", replayed, dbSeq);
        }
        if (!missing.isEmpty()) {
            log.error("Events missing from this store after recovery: seqs {} (H2 held up to {})",
                    ranges(missing), held);
        }
        return new ReplayOutcome(held, dbSeq, replayed, List.copyOf(missing), liveGap);
    }

    static String ranges(List<long[]> ranges) {
        List<String> out = new ArrayList<>();
        for (long[] r : ranges) {
            out.add(r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1]);
        }
        return String.join(", ", out);
    }

    private static void apply(Connection c, CommitRecord r, long heldSeq) throws SQLException {
        if (r.bookings() != null) {
            BookingRows.restore(c, r.bookings()); // before the events: a check-in after the base updates its row
        }
        for (Ticket t : r.tickets()) {
            StateRows.upsertTicket(c, t);
        }
        for (Counter k : r.counters()) {
            StateRows.upsertCounter(c, k);
        }
        if (r.day() != null) {
            StateRows.upsertDay(c, r.day(), r.lastSeq(), r.services());
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE day_state SET last_seq = ? WHERE id = 1")) {
                ps.setLong(1, r.lastSeq());
                ps.executeUpdate();
            }
        }
        List<OutboxEvent> fresh = r.events().stream().filter(e -> e.seq() > heldSeq).toList();
        OutboxRows.insert(c, fresh);
        DayFigureRows.fromEvents(c, fresh);
        BookingRows.fromEvents(c, fresh);
        KeypadCursorRows.upsert(c, r.keypads());
        c.commit();
    }
}
