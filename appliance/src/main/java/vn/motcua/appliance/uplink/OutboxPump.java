package vn.motcua.appliance.uplink;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.store.Outbox;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * Drains the outbox over one MQTT session in two lanes, so that a week of backlog never delays
 * a ticket being called now.
 *
 * <p>When a session starts, the highest committed seq is noted as the <em>ceiling</em>. Events at
 * or below it are the <b>backlog lane</b>: sent flagged {@code replayed}, ascending, at most
 * {@code backlogWindow} unacknowledged and at most {@code backlogRate}/s (token bucket), so a
 * district broker that sees hundreds of offices return at once is not flooded. Events above it
 * are the <b>live lane</b>: sent at once, with their own small window. The server therefore sees
 * seqs out of order while a backlog drains and orders by seq itself (the contract says so);
 * each message carries its id and seq for that.
 *
 * <p>A row is marked delivered only after its PUBACK, in batches. A failed publish in the current
 * session is reported as a link failure: the supervisor drops the connection and backs off, and
 * the next session resends everything undelivered (the server drops duplicates by id).
 * Methods are synchronized: acks arrive on the MQTT client's thread, the rest on the scheduler.
 */
public final class OutboxPump {
    private static final Logger log = LoggerFactory.getLogger(OutboxPump.class);

    private final Outbox outbox;
    private final int liveWindow;
    private final int backlogWindow;
    private final TokenBucket backlogPace;
    private final Runnable onLinkFailure;
    private final Runnable wake;
    private final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
    private final List<Long> unmarked = new ArrayList<>();
    private final Set<Long> liveInflight = new HashSet<>();
    private final Set<Long> backlogInflight = new HashSet<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong replayedSent = new AtomicLong();
    /** Backlog rows read ahead, so the store is queried once per {@link #PREFETCH} rows, not once per ack. */
    private final ArrayDeque<OutboxEvent> prefetched = new ArrayDeque<>();
    private static final int PREFETCH = 512;
    private long fetchedUpTo;
    private boolean prefetchedForResync;

    private EventSender sender;
    private long session;
    private long ceiling;
    private long liveCursor;
    private long backlogCursor;
    private long resyncCursor = -1;
    private long resyncCeiling;

    /**
     * @param onLinkFailure called (at most once per session) when a publish fails
     * @param wake          asks the scheduler to run {@link #pump()} soon (an ack freed window space)
     */
    public OutboxPump(Outbox outbox, Clock clock, int liveWindow, int backlogWindow, int backlogRate,
                      Runnable onLinkFailure, Runnable wake) {
        if (liveWindow < 1 || backlogWindow < 1) {
            throw new IllegalArgumentException("windows must be >= 1");
        }
        this.outbox = outbox;
        this.liveWindow = liveWindow;
        this.backlogWindow = backlogWindow;
        this.backlogPace = new TokenBucket(clock, backlogRate, backlogWindow);
        this.onLinkFailure = onLinkFailure;
        this.wake = wake;
    }

    /** A session began: everything committed so far is backlog. */
    public synchronized void connected(EventSender newSender) {
        flushAcks();
        session++;
        sender = newSender;
        ceiling = outbox.lastSeq();
        liveCursor = ceiling;
        backlogCursor = 0;
        resyncCursor = -1;
        prefetched.clear();
        fetchedUpTo = 0;
        liveInflight.clear();
        backlogInflight.clear();
        log.info("uplink session {} started: {} events pending, backlog up to seq {}",
                session, outbox.pendingCount(), ceiling);
    }

    /** The session ended: in-flight events will be resent in the next one. */
    public synchronized void disconnected() {
        session++;
        sender = null;
        liveInflight.clear();
        backlogInflight.clear();
    }

    /** Server asked for events again from {@code fromSeq} (delivered or not), e.g. after losing data. */
    public synchronized void resyncFrom(long fromSeq) {
        resyncCursor = Math.max(0, fromSeq - 1);
        resyncCeiling = outbox.lastSeq();
        prefetched.clear();
        fetchedUpTo = resyncCursor;
        log.info("resync requested from seq {} up to {}", fromSeq, resyncCeiling);
    }

    /**
     * Records acks, then fills both windows. Returns how many ms until the backlog pace allows the
     * next send when it is what holds the pump back, else -1.
     */
    public synchronized long pump() {
        flushAcks();
        if (sender == null) {
            return -1;
        }
        fillLive();
        return fillBacklog();
    }

    public PumpStats stats() {
        return new PumpStats(sent.get(), delivered.get(), replayedSent.get());
    }

    private void fillLive() {
        int free = liveWindow - liveInflight.size();
        if (free <= 0 || outbox.lastSeq() <= liveCursor) {
            return; // nothing new committed: no query
        }
        for (OutboxEvent e : outbox.pendingAfter(liveCursor, free)) {
            if (!send(e, false, liveInflight)) {
                return;
            }
            liveCursor = e.seq();
        }
    }

    private long fillBacklog() {
        boolean resyncing = resyncCursor >= 0 && resyncCursor < resyncCeiling;
        long top = resyncing ? resyncCeiling : ceiling;
        int free = backlogWindow - backlogInflight.size();
        if ((resyncing ? resyncCursor : backlogCursor) >= top || free <= 0) {
            return -1;
        }
        int granted = backlogPace.take(free);
        if (granted == 0) {
            return Math.max(1, backlogPace.millisUntilToken());
        }
        if (prefetchedForResync != resyncing) { // switched between resync and backlog: read ahead afresh
            prefetched.clear();
            fetchedUpTo = resyncing ? resyncCursor : backlogCursor;
            prefetchedForResync = resyncing;
        }
        while (granted > 0) {
            if (prefetched.isEmpty()) {
                List<OutboxEvent> batch = resyncing ? outbox.rangeFrom(fetchedUpTo + 1, PREFETCH) : outbox.pendingAfter(fetchedUpTo, PREFETCH);
                batch.stream().filter(e -> e.seq() <= top).forEach(prefetched::add);
                if (prefetched.isEmpty()) {
                    setCursor(resyncing, top); // nothing undelivered left below the ceiling
                    return -1;
                }
                fetchedUpTo = prefetched.getLast().seq();
            }
            OutboxEvent e = prefetched.peekFirst();
            if (!send(e, true, backlogInflight)) {
                return -1; // client window full: retried on the next ack
            }
            prefetched.removeFirst();
            setCursor(resyncing, e.seq());
            granted--;
        }
        return -1;
    }

    private void setCursor(boolean resyncing, long seq) {
        if (resyncing) {
            resyncCursor = seq;
        } else {
            backlogCursor = seq;
        }
    }

    private boolean send(OutboxEvent e, boolean replayed, Set<Long> lane) {
        long mySession = session;
        long seq = e.seq();
        boolean taken = sender.send(e, replayed, new EventSender.Completion() {
            @Override public void acked() {
                acks.add(seq);
                wake.run();
            }

            @Override public void failed(String reason) {
                linkFailed(mySession, seq, reason);
            }
        });
        if (taken) {
            lane.add(seq);
            sent.incrementAndGet();
            if (replayed) {
                replayedSent.incrementAndGet();
            }
        }
        return taken;
    }

    private void linkFailed(long failedSession, long seq, String reason) {
        boolean current;
        synchronized (this) {
            current = failedSession == session && sender != null;
            if (current) {
                sender = null; // stop sending into a broken session; the supervisor reconnects
            }
        }
        if (current) {
            log.info("publish of seq {} failed ({}); treating the link as broken", seq, Sanitize.forLog(reason, 120));
            onLinkFailure.run();
        }
    }

    private void flushAcks() {
        for (Long seq; (seq = acks.poll()) != null; ) {
            unmarked.add(seq);
            liveInflight.remove(seq);
            backlogInflight.remove(seq);
        }
        if (unmarked.isEmpty()) {
            return;
        }
        try {
            outbox.markDelivered(unmarked);
            delivered.addAndGet(unmarked.size());
            unmarked.clear();
        } catch (RuntimeException ex) {
            // Kept and retried on the next pump; never resent in this session, so no flood of duplicates.
            log.warn("could not mark {} events delivered; will retry", unmarked.size(), ex);
        }
    }

    /** Counters since start: events published, confirmed by PUBACK and marked, and sent as replayed. */
    public record PumpStats(long sent, long delivered, long replayed) {}
}
