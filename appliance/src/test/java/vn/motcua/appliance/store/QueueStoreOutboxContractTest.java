package vn.motcua.appliance.store;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract against the H2 store, opened the way the appliance opens it. */
class QueueStoreOutboxContractTest extends OutboxContract {
    @TempDir
    Path dir;
    private QueueStore store;

    @Override
    protected Outbox open() throws Exception {
        store = StoreFixture.open(dir, clock);
        return store;
    }

    @Override
    protected OutboxEvent commit(String type) {
        return store.append(type, Map.of("device", "printer"));
    }

    @Override
    protected void closeOutbox() throws Exception {
        store.close();
    }
}
