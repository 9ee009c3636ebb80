package vn.motcua.appliance;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;

/**
 * Opens the appliance's store from its config: the H2 database (a damaged one moved aside and recorded), the
 * watermarks, the commit journal when commits are durable; registers the store's parts on the health page.
 */
final class ApplianceStore {
    /** Room for a few thousand commands between checkpoints; preallocated once. */
    private static final long JOURNAL_BYTES = 4L * 1024 * 1024;

    private ApplianceStore() {}

    static QueueStore open(ApplianceConfig config, Clock clock, String bootId, Health health)
            throws SQLException, IOException {
        ApplianceConfig.Identity id = config.identity();
        Database.Opened db = Database.open(id.dataDir(), clock);
        Watermarks watermarks = Watermarks.load(id.dataDir());
        EventStamper stamper = new EventStamper(id.deviceId(), clock, bootId, Host.wallClockTrusted(id.wallClock()));
        CommitJournal journal = config.store().durableCommits() ? CommitJournal.open(id.dataDir(), JOURNAL_BYTES) : null;
        QueueStore store = new QueueStore(db.connection(), stamper, watermarks, journal);
        if (db.movedAside().isPresent()) {
            String where = db.movedAside().get().getFileName().toString();
            store.append("store.recovered", Map.of("moved_aside_to", where, "reason", "database failed to open"));
            health.register("store", () -> Health.Status.fault("recovered",
                    "database failed to open; moved to " + where + " and a fresh one started"));
        } else {
            health.register("store", () -> Health.Status.ok("open"));
        }
        health.register("outbox", () -> Health.Status.ok("pending " + store.pendingCount()));
        return store;
    }
}
