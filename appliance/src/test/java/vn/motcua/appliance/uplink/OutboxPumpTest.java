package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class OutboxPumpTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final MemoryOutbox outbox = new MemoryOutbox(clock);
    private final AtomicInteger linkFailures = new AtomicInteger();
    private final FakeSender sender = new FakeSender();

    private OutboxPump pump(int live, int backlog, int rate) {
        return new OutboxPump(outbox, clock, live, backlog, rate, linkFailures::incrementAndGet, () -> {});
    }

    /**
     * A district from before receipts: the pump waits {@code FIRST_RECEIPT} for its first (everything sent meanwhile
     * acknowledged by the broker), then no more for the rest of the test.
     */
    private void districtWithoutReceipts(OutboxPump p) {
        p.pump();
        sender.ackAll();
        clock.advance(Duration.ofMillis(2_100));
    }

    /** The district took in everything replayed so far (its receipt of the last replayed event sent). */
    private void receiptAll(OutboxPump p) {
        sender.sent.reversed().stream().filter(FakeSender.Sent::replayed).findFirst()
                .ifPresent(last -> p.districtReceipt(last.seq()));
    }

    private void commit(int n) {
        for (int i = 0; i < n; i++) {
            outbox.commit("ticket.issued", "{\"ticket\":\"A" + i + "\"}");
        }
    }

    @Test
    void aTicketCalledNowIsSentAtOnceWhileAWeekOfBacklogIsPaced() {
        commit(1000);
        OutboxPump p = pump(4, 8, 10);
        p.connected(sender);
        p.pump();
        assertEquals(LongStream.rangeClosed(1, 8).boxed().toList(), sender.seqs(), "backlog starts at seq 1, one window");
        assertTrue(sender.sent.stream().allMatch(FakeSender.Sent::replayed), "buffered events are flagged replayed");

        outbox.commit("ticket.called", "{}"); // seq 1001, while 992 wait in the backlog
        sender.ackAll();
        p.pump();
        assertEquals(new FakeSender.Sent(1001, false), sender.sent.get(8), "the live event goes first, not replayed");
        assertEquals(9, sender.sent.size(), "the backlog waits for its pace: no token left this instant");

        clock.advance(Duration.ofMillis(500)); // 10/s -> 5 more tokens
        p.pump();
        assertEquals(List.of(9L, 10L, 11L, 12L, 13L), sender.seqs().subList(9, 14));
    }

    @Test
    void theBacklogLeavesTheLiveLanesShareOfTheBrokersReceiveMaximumFree() {
        commit(1000);
        sender.receiveMaximum = 12; // a broker that takes 12 unacknowledged QoS 1 publishes
        OutboxPump p = pump(8, 64, 0);
        p.connected(sender);
        for (int i = 0; i < 10; i++) {
            p.pump();
            sender.ackAll();
            receiptAll(p); // a prompt district: its receipts never hold the window back
        }
        p.pump();
        assertEquals(4, sender.open.size(), "the backlog's window is capped at 12 - 8");
        for (int i = 0; i < 8; i++) {
            outbox.commit("ticket.called", "{}");
        }
        p.pump();
        assertEquals(12, sender.open.size(), "eight live events go out at once beside the backlog");
        assertTrue(sender.sent.subList(sender.sent.size() - 8, sender.sent.size()).stream().noneMatch(FakeSender.Sent::replayed));
    }

    @Test
    void aRowIsMarkedDeliveredOnlyAfterItsPubackAndInOneBatch() {
        commit(5);
        OutboxPump p = pump(4, 16, 0);
        p.connected(sender);
        p.pump();
        assertEquals(5, sender.sent.size());
        assertEquals(5, outbox.pendingCount(), "published but not acknowledged: still pending");
        sender.ack(1);
        sender.ack(3);
        p.pump();
        assertTrue(outbox.isDelivered(1) && outbox.isDelivered(3));
        assertFalse(outbox.isDelivered(2));
        assertEquals(1, outbox.markCalls(), "acks since the last pump are marked in one batch");
    }

    @Test
    void neverMoreUnacknowledgedThanTheWindows() {
        commit(100);
        OutboxPump p = pump(2, 5, 0);
        p.connected(sender);
        for (int i = 0; i < 10; i++) {
            p.pump();
        }
        assertEquals(5, sender.open.size());
        commit(10);
        p.pump();
        assertEquals(7, sender.open.size(), "5 backlog + 2 live");
        sender.ack(1);
        p.pump();
        assertEquals(7, sender.open.size(), "one ack frees exactly one slot");
    }

    @Test
    void aFailedPublishBreaksTheSessionAndTheNextSessionResendsInOrderAsReplayed() {
        commit(6);
        OutboxPump p = pump(4, 3, 0);
        p.connected(sender);
        p.pump();
        sender.ack(1);
        sender.fail(2);
        sender.fail(3); // same session: reported once
        assertEquals(1, linkFailures.get());
        commit(1);
        p.pump();
        assertEquals(List.of(1L, 2L, 3L), sender.seqs(), "nothing is sent into a broken session");

        p.disconnected();
        FakeSender next = new FakeSender();
        p.connected(next);
        p.pump();
        assertTrue(outbox.isDelivered(1), "the ack that arrived before the failure still counts");
        assertEquals(List.of(2L, 3L, 4L), next.seqs());
        next.ackAll();
        p.pump();
        next.ackAll();
        p.pump();
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), next.seqs());
        assertTrue(next.sent.stream().allMatch(FakeSender.Sent::replayed));
        next.ackAll();
        p.pump();
        assertEquals(0, outbox.pendingCount());
    }

    @Test
    void aLateAckFromAnEndedSessionStillMarksTheRowDelivered() {
        commit(2);
        OutboxPump p = pump(4, 4, 0);
        p.connected(sender);
        p.pump();
        p.disconnected();
        sender.ack(2);
        FakeSender next = new FakeSender();
        p.connected(next);
        p.pump();
        assertEquals(List.of(1L), next.seqs(), "seq 2 was acknowledged, it is not sent again");
    }

    @Test
    void resyncResendsDeliveredEventsFromTheRequestedSeq() {
        commit(5);
        OutboxPump p = pump(4, 8, 0);
        p.connected(sender);
        p.pump();
        sender.ackAll();
        p.pump();
        assertEquals(0, outbox.pendingCount());
        p.resyncFrom(3);
        p.pump();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 3L, 4L, 5L), sender.seqs());
    }

    @Test
    void aResyncCutShortByALinkDropGoesOnInTheNextSessionFromItsFirstUnacknowledgedEvent() {
        commit(100);
        OutboxPump p = pump(4, 8, 0);
        p.connected(sender);
        districtWithoutReceipts(p);
        for (int i = 0; i < 50 && outbox.pendingCount() > 0; i++) {
            p.pump();
            sender.ackAll();
        }
        p.pump();
        assertEquals(0, outbox.pendingCount());
        int before = sender.seqs().size();
        p.resyncFrom(1);
        p.pump();
        List<Long> resent = sender.seqs().subList(before, sender.seqs().size());
        assertTrue(resent.size() >= 4 && resent.getFirst() == 1, "the resync began at seq 1: " + resent);
        sender.ack(1);
        sender.ack(2); // 3.. were in flight when the link dropped
        p.disconnected();

        FakeSender next = new FakeSender();
        p.connected(next);
        for (int i = 0; i < 100 && (next.seqs().isEmpty() || next.seqs().getLast() < 100); i++) {
            p.pump();
            next.ackAll();
        }
        assertEquals(LongStream.rangeClosed(3, 100).boxed().toList(), next.seqs(),
                "the next session resent 3..100, and not 1 and 2, which the broker had acknowledged");
        assertTrue(next.sent.stream().allMatch(FakeSender.Sent::replayed));
        p.pump();
        assertEquals(98, next.seqs().size(), "then the resync is over: nothing more is sent");
    }

    @Test
    void aResyncInTheMiddleOfTheBacklogResumesTheBacklogAfterwards() {
        commit(2000);
        OutboxPump p = pump(4, 100, 0);
        p.connected(sender);
        districtWithoutReceipts(p); // the window alone paces: the test is about it
        for (int i = 0; i < 7; i++) { // the window grows 8, 8, 16, 32, 64, 100, 100: 328 sent and acknowledged
            p.pump();
            sender.ackAll();
        }
        p.pump(); // marks the last acks, sends the next window
        int acked = sender.seqs().size() - sender.open.size();
        int sentBefore = sender.seqs().size();
        p.resyncFrom(5);
        for (int i = 0; i < 100 && (outbox.pendingCount() > 0 || !sender.open.isEmpty()); i++) {
            sender.ackAll();
            p.pump();
        }
        assertEquals(0, outbox.pendingCount());
        java.util.Set<Long> distinct = new java.util.HashSet<>(sender.seqs());
        assertEquals(2000, distinct.size(), "every seq sent");
        long resent = sender.seqs().size() - 2000L;
        assertTrue(acked > 300, "the window grew on prompt acks: " + acked);
        assertTrue(resent >= acked - 4 && resent <= sentBefore,
                "5.." + acked + "(+in flight) sent again for the resync: " + resent);
    }

    @Test
    void aStoreThatCannotMarkIsRetriedWithoutResending() {
        FlakyOutbox flaky = new FlakyOutbox(outbox);
        commit(3);
        OutboxPump p = new OutboxPump(flaky, clock, 4, 4, 0, linkFailures::incrementAndGet, () -> {});
        p.connected(sender);
        p.pump();
        flaky.failNext = true;
        sender.ackAll();
        p.pump();
        assertEquals(3, outbox.pendingCount(), "the mark failed");
        p.pump();
        assertEquals(0, outbox.pendingCount(), "and was retried on the next pump");
        assertEquals(3, sender.sent.size(), "nothing was sent twice");
    }

    /** Delegates, but the next markDelivered throws once, as a full disk would. */
    private static final class FlakyOutbox implements vn.motcua.appliance.store.Outbox {
        private final MemoryOutbox d;
        boolean failNext;

        FlakyOutbox(MemoryOutbox d) { this.d = d; }

        @Override public List<vn.motcua.appliance.store.OutboxEvent> pendingAfter(long a, int l) { return d.pendingAfter(a, l); }

        @Override public List<vn.motcua.appliance.store.OutboxEvent> rangeFrom(long f, int l) { return d.rangeFrom(f, l); }

        @Override public void markDelivered(Collection<Long> s) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("disk full");
            }
            d.markDelivered(s);
        }

        @Override public long pendingCount() { return d.pendingCount(); }

        @Override public java.util.Optional<Instant> oldestPendingWallTime() { return d.oldestPendingWallTime(); }

        @Override public int pruneDeliveredBefore(Instant c) { return d.pruneDeliveredBefore(c); }

        @Override public long lastSeq() { return d.lastSeq(); }
    }

    @Test
    void aDistrictThatSendsReceiptsHasAtMostAheadBacklogEventsOnTheirWayAndLiveEventsStillGoFirst() {
        commit(1000);
        OutboxPump p = pump(8, 64, 0);
        p.connected(sender);
        for (int i = 0; i < 10; i++) {
            p.pump();
            sender.ackAll();
        }
        assertEquals(DistrictReceipts.AHEAD, sender.sent.size(), "AHEAD sent, then the first receipt is waited for");
        p.districtReceipt(20); // the district speaks: seqs 1..20 taken in, 20 more may go
        for (int i = 0; i < 10; i++) {
            p.pump();
            sender.ackAll(); // the broker PUBACKs all of it at once: it says nothing about the district
        }
        assertEquals(DistrictReceipts.AHEAD + 20, sender.sent.size());

        int before = sender.sent.size();
        p.districtReceipt(before); // all taken in: AHEAD more
        for (int i = 0; i < 20; i++) {
            p.pump();
            sender.ackAll(); // the broker PUBACKs all of it at once: it says nothing about the district
        }
        assertEquals(before + DistrictReceipts.AHEAD, sender.sent.size(), "at most AHEAD sent past the last receipt");

        outbox.commit("ticket.called", "{}");
        p.pump();
        assertEquals(new FakeSender.Sent(1001, false), sender.sent.getLast(), "a live event is not held by receipts");

        p.districtReceipt(before + 20); // 20 more taken in: 20 more may go
        p.pump();
        sender.ackAll();
        p.pump();
        assertEquals(before + DistrictReceipts.AHEAD + 1 + 20, sender.sent.size());
    }

    @Test
    void aDistrictThatSendsNoReceiptsIsWaitedForOnceThenDrainsAsThePubacksAllowForTheRestOfTheProcess() {
        commit(3000);
        OutboxPump p = pump(8, 64, 0);
        p.connected(sender);
        for (int i = 0; i < 10; i++) {
            p.pump();
            sender.ackAll();
        }
        assertEquals(DistrictReceipts.AHEAD, sender.sent.size(), "the first receipt is waited for");
        clock.advance(Duration.ofMillis(2_100)); // none came: a district from before receipts
        for (int i = 0; i < 10; i++) {
            p.pump();
            sender.ackAll();
        }
        int drained = sender.sent.size();
        assertTrue(drained > 3 * DistrictReceipts.AHEAD, "the window alone paces: " + drained);

        p.disconnected();
        FakeSender next = new FakeSender();
        p.connected(next);
        for (int i = 0; i < 10; i++) {
            p.pump();
            next.ackAll();
        }
        assertTrue(next.sent.size() > 3 * DistrictReceipts.AHEAD, "no second pause in the next session: " + next.sent.size());
    }

    @Test
    void aDistrictSilentWithEventsAheadIsNotWaitedForUntilItsNextReceipt() {
        commit(2000);
        OutboxPump p = pump(8, 64, 0);
        p.connected(sender);
        p.districtReceipt(1); // a seq of no event ahead: a sign of life only
        for (int i = 0; i < 20; i++) {
            p.pump();
            sender.ackAll();
        }
        assertEquals(DistrictReceipts.AHEAD, sender.sent.size());

        clock.advance(Duration.ofSeconds(11)); // no receipt for longer than SILENT
        for (int i = 0; i < 20; i++) {
            p.pump();
            sender.ackAll();
        }
        assertTrue(sender.sent.size() > 2 * DistrictReceipts.AHEAD, "drains on by the window: " + sender.sent.size());

        int now = sender.sent.size();
        p.districtReceipt(now); // back: bounded again from here
        for (int i = 0; i < 20; i++) {
            p.pump();
            sender.ackAll();
        }
        assertEquals(now + DistrictReceipts.AHEAD, sender.sent.size());
    }

    @Test
    void aNewSessionCountsWhatIsAheadAfresh() {
        commit(1000);
        OutboxPump p = pump(8, 64, 0);
        p.connected(sender);
        p.districtReceipt(1);
        for (int i = 0; i < 20; i++) {
            p.pump();
            sender.ackAll();
        }
        assertEquals(DistrictReceipts.AHEAD, sender.sent.size());
        p.disconnected();
        FakeSender next = new FakeSender();
        p.connected(next);
        for (int i = 0; i < 20; i++) {
            p.pump();
            next.ackAll();
        }
        assertEquals(DistrictReceipts.AHEAD, next.sent.size(), "bounded from the first send of the new session");
    }
}
