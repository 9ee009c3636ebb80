package vn.motcua.appliance.uplink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.appliance.store.OutboxEvent;

/** An {@link EventSender} whose PUBACKs the test gives by hand; refuses when {@code capacity} publishes are open. */
final class FakeSender implements EventSender {
    record Sent(long seq, boolean replayed) {}

    final List<Sent> sent = new ArrayList<>();
    final Map<Long, Completion> open = new LinkedHashMap<>();
    int capacity = Integer.MAX_VALUE;
    int receiveMaximum = 65_535;

    @Override public int receiveMaximum() {
        return receiveMaximum;
    }

    @Override public boolean send(OutboxEvent event, boolean replayed, Completion done) {
        if (open.size() >= capacity) {
            return false;
        }
        sent.add(new Sent(event.seq(), replayed));
        open.put(event.seq(), done);
        return true;
    }

    void ack(long seq) {
        open.remove(seq).acked();
    }

    void ackAll() {
        new ArrayList<>(open.keySet()).forEach(this::ack);
    }

    void fail(long seq) {
        open.remove(seq).failed("timeout");
    }

    List<Long> seqs() {
        return sent.stream().map(Sent::seq).toList();
    }
}
