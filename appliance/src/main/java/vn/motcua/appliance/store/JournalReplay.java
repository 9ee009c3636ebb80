package vn.motcua.appliance.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.Ticket;

/**
 * Writes into H2 the journalled commits it does not hold: after a crash, the ones H2 had not written yet; into a
 * fresh database that replaced a broken one, the live-queue base record of the last checkpoint and everything
 * after it. The caller then checkpoints, so the journal can restart.
 */
final class JournalReplay {
    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

    private JournalReplay() {}

    static int replay(Connection c, CommitJournal journal) throws SQLException {
        long dbSeq = StateRows.loadLastSeq(c);
        int replayed = 0;
        try {
            for (CommitJournal.Entry e : journal.readAll()) {
                CommitRecord r = EventJson.mapper().readValue(e.payload(), CommitRecord.class);
                if (r.lastSeq() <= dbSeq) {
                    continue; // H2 wrote this one itself before the crash
                }
                apply(c, r);
                dbSeq = r.lastSeq();
                replayed++;
            }
        } catch (IOException e) {
            c.rollback();
            throw new SQLException("commit journal unreadable: " + e.getMessage(), e);
        }
        if (replayed > 0) {
            log.info("Recovered {} commits from the journal after an unclean stop (up to event seq {})", replayed, dbSeq);
        }
        return replayed;
    }

    private static void apply(Connection c, CommitRecord r) throws SQLException {
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
        OutboxRows.insert(c, r.events());
        KeypadCursorRows.upsert(c, r.keypads());
        c.commit();
    }
}
