package vn.motcua.appliance.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Makes H2 hold on disk everything committed so far, and proves it, before the commit journal may let go of it.
 *
 * <p>{@code CHECKPOINT SYNC} alone is not that proof in H2 2.x: it asks the MVStore to store its changes, which it
 * skips when its background writer changed the version meanwhile, and the chunk the background writer started
 * is serialised and written by executor threads that {@code CHECKPOINT SYNC}'s fsync does not wait for (read in
 * H2's {@code MVStore.commit} and {@code FileStore.storeIt}). So the journal used to start over while the last
 * commits could still be only in H2's memory. Here: store, wait for H2's write executors to drain, check that
 * nothing is left unsaved (else store again, a bounded number of times), then fsync.
 */
final class H2Sync {
    private static final int ATTEMPTS = 10;

    private H2Sync() {}

    static void syncProven(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
        MVStore mv = mvStore(c);
        if (mv == null) {
            return; // not an embedded file database (an in-memory one in a test): nothing to prove
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            mv.executeFilestoreOperation(() -> { }); // returns once every chunk started is written
            if (!mv.hasUnsavedChanges()) {
                mv.sync();
                return;
            }
            mv.commit();
        }
        throw new SQLException("H2 still holds unsaved changes after " + ATTEMPTS + " stores: not proven durable");
    }

    private static MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var store = session.getDatabase().getStore();
        return store == null || !store.getMvStore().isPersistent() ? null : store.getMvStore();
    }
}
