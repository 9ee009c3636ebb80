package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

/**
 * What every {@link Outbox} promises the uplink, run against each implementation: the H2 store the appliance uses
 * ({@code QueueStoreOutboxContractTest}) and the in-memory one the uplink's tests stand on
 * ({@code MemoryOutboxContractTest}). A test that passes on the memory outbox then says something about the real one.
 */
public abstract class OutboxContract {
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private Outbox outbox;

    /** A new, empty outbox whose events take their wall time from {@link #clock}. */
    protected abstract Outbox open() throws Exception;

    /** Commits one event of this type the way its writer does (the store in a transaction, the memory one at once). */
    protected abstract OutboxEvent commit(String type) throws Exception;

    protected void closeOutbox() throws Exception {}

    @BeforeEach
    void openOutbox() throws Exception {
        outbox = open();
    }

    @AfterEach
    void close() throws Exception {
        closeOutbox();
    }

    private List<Long> seqs(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::seq).toList();
    }

    private void commitMany(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            commit("ticket.issued");
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void anEmptyOutboxHasNothingPendingAndNoSequence() {
        assertEquals(0, outbox.lastSeq());
        assertEquals(0, outbox.pendingCount());
        assertEquals(List.of(), outbox.pendingAfter(0, 10));
        assertEquals(List.of(), outbox.rangeFrom(1, 10));
        assertEquals(Optional.empty(), outbox.oldestPendingWallTime());
        assertEquals(0, outbox.pruneDeliveredBefore(clock.instant().plus(Duration.ofDays(1))));
    }

    @Test
    void sequenceNumbersStartAtOneWithoutGapsAndEventIdsAreUnique() throws Exception {
        commitMany(5);
        List<OutboxEvent> all = outbox.pendingAfter(0, 100);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(all));
        assertEquals(5, all.stream().map(OutboxEvent::eventId).distinct().count());
        assertEquals(5, outbox.lastSeq());
        assertEquals(5, outbox.pendingCount());
    }

    @Test
    void pendingIsAscendingAfterTheGivenSeqAndStopsAtTheLimit() throws Exception {
        commitMany(6);
        assertEquals(List.of(3L, 4L), seqs(outbox.pendingAfter(2, 2)));
        assertEquals(List.of(), outbox.pendingAfter(6, 10));
        assertEquals(List.of(), outbox.pendingAfter(99, 10));
        assertEquals(List.of(), outbox.pendingAfter(0, 0));
    }

    @Test
    void deliveredEventsLeavePendingButStayInTheRangeForResync() throws Exception {
        commitMany(5);
        outbox.markDelivered(List.of(2L, 4L));
        assertEquals(List.of(1L, 3L, 5L), seqs(outbox.pendingAfter(0, 10)));
        assertEquals(3, outbox.pendingCount());
        assertEquals(List.of(2L, 3L, 4L, 5L), seqs(outbox.rangeFrom(2, 10)));
        assertEquals(List.of(1L, 2L), seqs(outbox.rangeFrom(1, 2)));
    }

    @Test
    void markingTwiceOrAnUnknownSeqChangesNothingElse() throws Exception {
        commitMany(3);
        outbox.markDelivered(List.of(1L));
        outbox.markDelivered(List.of(1L, 77L, -1L));
        outbox.markDelivered(List.of());
        assertEquals(List.of(2L, 3L), seqs(outbox.pendingAfter(0, 10)));
        assertEquals(3, outbox.lastSeq());
    }

    @Test
    void theOldestPendingWallTimeIsThatOfTheLowestUndeliveredEvent() throws Exception {
        Instant first = clock.instant();
        commitMany(3);
        assertEquals(Optional.of(first), outbox.oldestPendingWallTime());
        outbox.markDelivered(List.of(1L));
        assertEquals(Optional.of(first.plusSeconds(1)), outbox.oldestPendingWallTime());
        outbox.markDelivered(List.of(2L, 3L));
        assertEquals(Optional.empty(), outbox.oldestPendingWallTime());
    }

    @Test
    void pruningTakesOnlyDeliveredEventsOlderThanTheCutoffAndNeverResetsTheSequence() throws Exception {
        commitMany(4); // wall times t, t+1, t+2, t+3
        Instant cutoff = outbox.rangeFrom(3, 1).getFirst().wallTime(); // before seq 3's time: seqs 1 and 2
        outbox.markDelivered(List.of(1L, 3L, 4L));
        assertEquals(1, outbox.pruneDeliveredBefore(cutoff), "seq 2 is old but undelivered: kept");
        assertEquals(List.of(2L, 3L, 4L), seqs(outbox.rangeFrom(1, 10)));
        assertEquals(List.of(2L), seqs(outbox.pendingAfter(0, 10)));
        assertEquals(0, outbox.pruneDeliveredBefore(cutoff), "pruning again finds nothing");

        outbox.markDelivered(List.of(2L));
        assertEquals(4, outbox.lastSeq());
        assertEquals(3, outbox.pruneDeliveredBefore(clock.instant().plus(Duration.ofDays(1))));
        assertEquals(List.of(), outbox.rangeFrom(1, 10));
        assertEquals(4, outbox.lastSeq(), "the sequence outlives its pruned rows");
        assertEquals(5, commit("ticket.issued").seq());
    }

    @Test
    void eventsKeepTheirTypeAndAreReadBackAsCommitted() throws Exception {
        OutboxEvent made = commit("device.fault");
        OutboxEvent read = outbox.pendingAfter(0, 1).getFirst();
        assertEquals(made, read);
        assertEquals("device.fault", read.type());
        assertTrue(!read.payloadJson().isEmpty());
    }
}
