package vn.motcua.appliance.uplink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import vn.motcua.appliance.store.Outbox;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * An in-memory {@link Outbox} with the same contract as the H2 one, for unit tests of the uplink and the
 * end-to-end uplink rig (shared through the appliance's test-jar).
 */
public final class MemoryOutbox implements Outbox {
    private record Row(OutboxEvent event, boolean delivered) {}

    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private final Clock clock;
    private long lastSeq;
    private int markCalls;

    public MemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    /** Commits one event as the store would, returns it. */
    public synchronized OutboxEvent commit(String type, String payloadJson) {
        long seq = ++lastSeq;
        OutboxEvent e = new OutboxEvent(seq, UUID.randomUUID().toString(), "kiosk-1", clock.instant(), seq * 1000,
                "boot-1", true, type, payloadJson);
        rows.put(seq, new Row(e, false));
        return e;
    }

    @Override public synchronized List<OutboxEvent> pendingAfter(long afterSeq, int limit) {
        List<OutboxEvent> out = new ArrayList<>();
        for (Row r : rows.tailMap(afterSeq, false).values()) {
            if (out.size() >= limit) {
                break;
            }
            if (!r.delivered()) {
                out.add(r.event());
            }
        }
        return out;
    }

    @Override public synchronized List<OutboxEvent> rangeFrom(long fromSeq, int limit) {
        return rows.tailMap(fromSeq, true).values().stream().limit(limit).map(Row::event).toList();
    }

    @Override public synchronized void markDelivered(Collection<Long> seqs) {
        markCalls++;
        for (Long s : seqs) {
            rows.computeIfPresent(s, (k, r) -> new Row(r.event(), true));
        }
    }

    @Override public synchronized long pendingCount() {
        return rows.values().stream().filter(r -> !r.delivered()).count();
    }

    @Override public synchronized Optional<Instant> oldestPendingWallTime() {
        return rows.values().stream().filter(r -> !r.delivered()).map(r -> r.event().wallTime()).findFirst();
    }

    @Override public synchronized int pruneDeliveredBefore(Instant cutoff) {
        List<Long> gone = rows.entrySet().stream()
                .filter(e -> e.getValue().delivered() && e.getValue().event().wallTime().isBefore(cutoff))
                .map(java.util.Map.Entry::getKey).toList();
        gone.forEach(rows::remove);
        return gone.size();
    }

    @Override public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized boolean isDelivered(long seq) {
        Row r = rows.get(seq);
        return r != null && r.delivered();
    }

    public synchronized int markCalls() {
        return markCalls;
    }
}
