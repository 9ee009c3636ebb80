package vn.motcua.appliance.uplink;

import vn.motcua.appliance.store.Outbox;
import vn.motcua.appliance.store.OutboxContract;
import vn.motcua.appliance.store.OutboxEvent;

/** The outbox contract against the in-memory outbox the uplink's tests use: it must behave as the H2 one does. */
class MemoryOutboxContractTest extends OutboxContract {
    private MemoryOutbox outbox;

    @Override
    protected Outbox open() {
        outbox = new MemoryOutbox(clock);
        return outbox;
    }

    @Override
    protected OutboxEvent commit(String type) {
        return outbox.commit(type, "{\"device\":\"printer\"}");
    }
}
