package vn.motcua.tests.uplink;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import vn.motcua.tests.district.ReceivedEvents;

/** Bookkeeping of one benchmark run: when each event was committed and when it first reached the district. */
final class DrainRun {
    final int backlog;
    final Map<Long, Long> liveCommittedNanos = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> liveLatencyNanos = new ConcurrentLinkedQueue<>();
    final Set<Long> arrived = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger backlogArrived = new java.util.concurrent.atomic.AtomicInteger();
    volatile long startNanos;
    volatile long backlogDoneNanos;
    volatile long fillNanos;
    /** Most events the broker held for the district at once (PUBACKed to us, not yet arrived), sampled every 50 ms. */
    volatile long maxOutstanding;
    volatile int maxWindow;
    /** The district receipts' bound on what the broker holds for it: least and most sampled, and the last. */
    volatile int minBound = Integer.MAX_VALUE;
    volatile int maxBound;
    volatile int lastBound;
    volatile long cuts;
    volatile long liveCuts;
    volatile long lastSeq;

    DrainRun(int backlog) {
        this.backlog = backlog;
    }

    /** The stand-in's arrival hook. */
    void arrived(ReceivedEvents.Event e) {
        long now = System.nanoTime();
        if (!arrived.add(e.seq())) {
            return;
        }
        Long t0 = liveCommittedNanos.get(e.seq());
        if (t0 != null) {
            liveLatencyNanos.add(now - t0);
        }
        if (e.seq() <= backlog && backlogArrived.incrementAndGet() == backlog) {
            backlogDoneNanos = now;
        }
    }

    /** A sample: {@code delivered} events PUBACKed and marked so far, the backlog window now. */
    synchronized void sampled(long delivered, int window, int receiptBound) {
        maxOutstanding = Math.max(maxOutstanding, delivered - arrived.size());
        maxWindow = Math.max(maxWindow, window);
        if (backlogDoneNanos == 0 && receiptBound > 0) { // 0: the pump has not run yet
            minBound = Math.min(minBound, receiptBound);
            maxBound = Math.max(maxBound, receiptBound);
            lastBound = receiptBound;
        }
    }

    long backlogArrived() {
        return backlogArrived.get();
    }

    double drainSeconds() {
        return (backlogDoneNanos - startNanos) / 1e9;
    }

    double eventsPerSecond() {
        return backlog / drainSeconds();
    }

    double liveMillis(double percentile) {
        long[] a = liveLatencyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(percentile * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))] / 1e6;
    }

    String summary(String name) {
        if (backlog == 0) {
            return String.format("%-34s no backlog                                  | live p50 %8.1f ms p99 %8.1f ms (n=%d)",
                    name, liveMillis(0.50), liveMillis(0.99), liveLatencyNanos.size());
        }
        return String.format("%-34s fill %6.1f s | drain %6.2f s | %8.0f events/s | live p50 %8.1f ms p99 %8.1f ms (n=%d)"
                        + " | broker held <= %d | window max %d, cut %d (%d for live) | receipts' bound %d-%d, last %d",
                name, fillNanos / 1e9, drainSeconds(), eventsPerSecond(), liveMillis(0.50), liveMillis(0.99),
                liveLatencyNanos.size(), maxOutstanding, maxWindow, cuts, liveCuts, minBound, maxBound, lastBound);
    }
}
