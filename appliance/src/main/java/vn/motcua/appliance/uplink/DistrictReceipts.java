package vn.motcua.appliance.uplink;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * How many backlog events may be on their way to the district but not yet taken in by it, from the district's own
 * receipts ({@code receipt}: the last replayed seq it took in). I/O-free and single-threaded (owned by
 * {@link OutboxPump}, under its lock); time from the injected clock.
 *
 * <p>Why: the broker PUBACKs a publish as soon as it has it, whatever its queue for the district, so the
 * {@link BacklogWindow} cannot see a slow district: measured, the broker held 3,600-4,700 of a 5,000-event backlog
 * for a district taking 1,000/s, and a ticket called meanwhile reached it seconds late behind them. A receipt is
 * what TCP's receive window is to its sender: a bound on the backlog events sent and not yet receipted, sized from
 * the district's receipted pace so that a live event waits at the district behind about {@link #TARGET_DELAY_NANOS}
 * of them (never fewer than {@link #AHEAD}, never more than {@link #MOST_AHEAD}).
 *
 * <p>Backlog events are counted in the order they were sent; a receipt for seq {@code R} drops {@code R} and every
 * one sent before it (the broker's queue to one subscriber keeps one publisher's order). A receipt for a seq not
 * among them (sent in an earlier session) is a sign of life only.
 *
 * <p>Receipts are waited for only as long as a district that sends them would take: {@link #FIRST_RECEIPT_NANOS}
 * for the first one of this process's life (a district built before the contract had them never sends one: from
 * then on the window alone paces, as before, having cost one pause per start), {@link #SILENT_NANOS} once it has
 * sent some (a district rolled back, or stopped). Then receipts are not waited for until the next one comes: the
 * outbox holds the events, but an office must not stop draining for a missing courtesy.
 */
public final class DistrictReceipts {
    /**
     * The fewest backlog events kept ahead of the district's receipts: at a district taking 1,000 events/s, 32 ms a
     * live event may wait behind them (with 100: a live p50 of 69 ms, measured).
     */
    public static final int AHEAD = 32;
    /**
     * The most. A fixed 32 halved a fast district's drain (50,000 in 19 s against 8.9 s without receipts, measured
     * side by side): a receipt's round trip is 10-15 ms here, so the bound grows with the district's own pace.
     */
    public static final int MOST_AHEAD = 512;
    /**
     * How long a live event may wait behind the backlog at the district: the bound is the receipted rate times this
     * (a bandwidth-delay product, as BBR sizes what it keeps in flight), between {@link #AHEAD} and {@link #MOST_AHEAD}.
     */
    static final long TARGET_DELAY_NANOS = 30_000_000L;
    /** Receipts are counted over at least this long for one figure of the district's pace: they come in bursts. */
    static final long RATE_SAMPLE_NANOS = 100_000_000L;
    static final long SILENT_NANOS = 10_000_000_000L;
    /** A district that speaks receipts sends its first within 8 events or 50 ms of the backlog reaching it. */
    static final long FIRST_RECEIPT_NANOS = 2_000_000_000L;

    private final Clock clock;
    private final ArrayDeque<Long> ahead = new ArrayDeque<>();
    /** The district has sent a receipt in this process's life: it speaks this part of the contract. */
    private boolean heard;
    /** Silent while events were ahead: not waited for until its next receipt. */
    private boolean ignoring;
    /** The last receipt, or when something started waiting for one (nothing was ahead before). */
    private long lastReceiptNanos;
    private long silences;
    /** The district's pace, receipted events per second (smoothed); 0 until measured. */
    private double rate;
    private long sampleStartNanos;
    private long sampleCount;
    private int limit = AHEAD;

    DistrictReceipts(Clock clock) {
        this.clock = clock;
    }

    /** A session began: what was ahead is resent, and counted again as it is. */
    void sessionStarted() {
        ahead.clear();
        lastReceiptNanos = nanos();
        sampleStartNanos = 0;
        sampleCount = 0;
    }

    /** A backlog (replayed) event was handed to the client. */
    void sent(long seq) {
        if (ignoring) {
            return;
        }
        if (ahead.isEmpty()) {
            lastReceiptNanos = nanos(); // silence counts from when something waits for a receipt
        }
        ahead.addLast(seq);
    }

    /** The district took in replayed event {@code seq}, and with it every one sent before it. */
    void received(long seq) {
        heard = true;
        ignoring = false;
        long now = nanos();
        lastReceiptNanos = now;
        if (ahead.contains(seq)) {
            int before = ahead.size();
            while (!ahead.isEmpty() && ahead.pollFirst() != seq) {
                // dropped: sent before the receipted one
            }
            measure(now, before - ahead.size());
        }
    }

    /** Counts {@code taken} receipted events; once a sample is long enough, the pace and the bound follow it. */
    private void measure(long now, int taken) {
        if (sampleStartNanos == 0) {
            sampleStartNanos = now; // the first receipt of a session starts the count: what it took was sent before
            return;
        }
        sampleCount += taken;
        long span = now - sampleStartNanos;
        if (span < RATE_SAMPLE_NANOS) {
            return;
        }
        double sample = sampleCount * 1e9 / span;
        rate = rate == 0 ? sample : rate + (sample - rate) / 4;
        limit = (int) Math.max(AHEAD, Math.min(MOST_AHEAD, rate * TARGET_DELAY_NANOS / 1e9));
        sampleStartNanos = now;
        sampleCount = 0;
    }

    /** How many more backlog events may be sent now; {@link Integer#MAX_VALUE} when the receipts do not bound it. */
    int room() {
        if (ignoring) {
            return Integer.MAX_VALUE;
        }
        if (!ahead.isEmpty() && nanos() - lastReceiptNanos > (heard ? SILENT_NANOS : FIRST_RECEIPT_NANOS)) {
            ignoring = true;
            silences++;
            ahead.clear();
            return Integer.MAX_VALUE;
        }
        return Math.max(0, limit - ahead.size());
    }

    /** The bound now: {@link #AHEAD} until the district's pace is measured, then its pace times the target delay. */
    int limit() {
        return limit;
    }

    /** Backlog events sent and not yet receipted (0 while the receipts are not waited for). */
    int ahead() {
        return ahead.size();
    }

    boolean heard() {
        return heard;
    }

    /** How often the district fell silent with events ahead, since start. */
    long silences() {
        return silences;
    }

    private long nanos() {
        java.time.Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
