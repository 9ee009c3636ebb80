package vn.motcua.appliance.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/** Opens a real H2 store in a folder, the way the appliance does. */
public final class StoreFixture {
    private StoreFixture() {}

    public static QueueStore open(Path dir, Clock clock) throws SQLException, java.io.IOException {
        Database.Opened db = Database.open(dir, clock);
        return new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot-1", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }
}
