package vn.motcua.appliance.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The read/ack side of the transactional outbox, as the uplink sees it. Rows are written only by
 * the store, in the same transaction as the queue-state change they describe.
 */
public interface Outbox {

    /** Undelivered events with {@code seq > afterSeq}, ascending by seq, at most {@code limit}. */
    List<OutboxEvent> pendingAfter(long afterSeq, int limit);

    /** Any events (delivered or not) with {@code fromSeq <= seq}, ascending, at most {@code limit}: for resync requests. */
    List<OutboxEvent> rangeFrom(long fromSeq, int limit);

    /** Marks these sequence numbers delivered (on PUBACK); durable before it returns. Unknown seqs are ignored. */
    void markDelivered(Collection<Long> seqs);

    /** Number of undelivered events. */
    long pendingCount();

    /** Wall time of the oldest undelivered event, if any. */
    Optional<Instant> oldestPendingWallTime();

    /** Deletes delivered events committed before {@code cutoff}; returns how many. */
    int pruneDeliveredBefore(Instant cutoff);

    /** Highest sequence number ever committed (0 if none). */
    long lastSeq();
}
