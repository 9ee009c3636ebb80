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
 * or below it are the <b>backlog lane</b>: sent flagged {@code replayed}, ascending, as many
 * unacknowledged as the {@link BacklogWindow} allows: it grows while PUBACKs come back as fast as the
 * path allows and halves when their delay rises or a live event's PUBACK comes back late, so the backlog drains
 * as fast as the broker takes it without queueing in front of live events. An optional {@code backlogRate}
 * (token bucket, 0 = none) caps it further for a district that asks for a fixed ceiling, and the district's own
 * receipts ({@link DistrictReceipts}) bound how much of it waits in the broker for a district slower than the broker. Events above the
 * ceiling are the <b>live lane</b>: sent first on every pump, with their own small window, never counted
 * against the backlog window. The server therefore sees seqs out of order while a backlog drains and orders
 * by seq itself (the contract says so); each message carries its id and seq for that.
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
    private final Clock clock;
    private final BacklogWindow backlogWindow;
    /** Optional fixed ceiling on the backlog pace; null when {@code backlogRate} is 0 (the window alone paces). */
    private final TokenBucket backlogPace;
    /** The district's own word on how far the backlog reached it: bounds what waits in the broker's queue for it. */
    private final DistrictReceipts receipts;
    private final Runnable onLinkFailure;
    private final Runnable wake;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final List<Long> unmarked = new ArrayList<>();
    private final Set<Long> liveInflight = new HashSet<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong replayedSent = new AtomicLong();
    /** Backlog rows read ahead, so the store is queried once per {@link #PREFETCH} rows, not once per ack. */
    private final ArrayDeque<OutboxEvent> prefetched = new ArrayDeque<>();
    /*
     * The store is one H2 connection behind one monitor, shared with the queue's commands (QueueStore is
     * synchronized). The pump's reads and delivery marks therefore take that monitor, and a command waits while
     * they run: both are kept short and bounded rather than moved to a second connection. A read-ahead is at most 128
     * rows (was 512) and a mark at most 64 seqs per store call (was every ack since the last pump, up to the whole
     * window), and the monitor is released between calls, so a command waits behind one bounded piece of the
     * pump's work, never a whole batch. (Not timed on its own; the live lane's p99 in UplinkDrainTest and the
     * benchmark, committed through this store during the drain, is the figure that covers it.)
     * A second connection was not taken: the store's failure handling (a write failure marks the database failed,
     * the outbox waits for QueueStore.reopen, which swaps the one connection) and the checkpoint that reads the
     * outbox's delivered flags all assume one connection; and both connections would commit into the one MVStore
     * file, so a durable command's write would still share its write path with the marks. Marks stay "durable
     * before markDelivered returns" and an event is still marked only after its PUBACK: nothing about delivery
     * (at least once, deduplicated by id at the district) changes.
     */
    private static final int PREFETCH = 128;
    private static final int MARK_CHUNK = 64;
    private long fetchedUpTo;
    /** Read by stats() from other threads without the pump's lock: a figure for status lines only. */
    private volatile int backlogWindowNow;
    private volatile long backlogCuts;
    private volatile long liveCuts;
    private volatile int receiptBoundNow;
    /** Sessions begun since start; read by stats(). */
    private volatile long sessionsBegun;
    private boolean prefetchedForResync;

    private EventSender sender;
    private long session;
    private long ceiling;
    private long liveCursor;
    private long backlogCursor;
    private long resyncCursor = -1;
    private long resyncCeiling;
    /**
     * Resync events sent and not yet PUBACKed, whatever the session: a resync the office acknowledged as done must
     * reach its end even when the link drops half-way (the district does not ask twice), so a new session resumes it
     * from the lowest of these.
     */
    private final java.util.TreeSet<Long> resyncUnacked = new java.util.TreeSet<>();

    /**
     * @param backlogWindow the most backlog events unacknowledged at once: the ceiling of the {@link BacklogWindow}
     * @param backlogRate   an optional fixed ceiling on the backlog pace, events/s; 0 = none (the window paces)
     * @param onLinkFailure called (at most once per session) when a publish fails
     * @param wake          asks the scheduler to run {@link #pump()} soon (an ack freed window space)
     */
    public OutboxPump(Outbox outbox, Clock clock, int liveWindow, int backlogWindow, int backlogRate,
                      Runnable onLinkFailure, Runnable wake) {
        if (liveWindow < 1 || backlogWindow < 1) {
            throw new IllegalArgumentException("windows must be >= 1");
        }
        this.outbox = outbox;
        this.clock = clock;
        this.liveWindow = liveWindow;
        // Floor 4, not 1: at a window of 1 or 2 each event costs a store mark and a scheduler turn of its own
        // (measured: under 800 events/s in UplinkDrainTest); a stalled path gets nothing more either way.
        this.backlogWindow = new BacklogWindow(clock, Math.min(4, backlogWindow), backlogWindow);
        this.backlogPace = backlogRate == 0 ? null : new TokenBucket(clock, backlogRate, backlogWindow);
        this.receipts = new DistrictReceipts(clock);
        this.onLinkFailure = onLinkFailure;
        this.wake = wake;
    }

    /**
     * A session began: everything committed so far is backlog. A resync the district asked for in an earlier session
     * and not finished goes on from its first event the broker did not acknowledge.
     */
    public synchronized void connected(EventSender newSender) {
        flushAcks();
        session++;
        sender = newSender;
        ceiling = outbox.lastSeq();
        liveCursor = ceiling;
        backlogCursor = 0;
        if (!resyncUnacked.isEmpty()) {
            resyncCursor = Math.min(resyncCursor, resyncUnacked.first() - 1); // what the last session left unacked
            resyncUnacked.clear();
        }
        if (resyncCursor >= 0 && resyncCursor < resyncCeiling) {
            log.info("resync resumed from seq {} up to {}", resyncCursor + 1, resyncCeiling);
        }
        prefetched.clear();
        fetchedUpTo = 0;
        prefetchedForResync = false; // the first fill reads ahead afresh from whichever cursor it serves
        liveInflight.clear();
        receipts.sessionStarted();
        sessionsBegun++;
        // The broker's receive maximum bounds both lanes together: the live lane's share stays free of backlog.
        backlogWindow.reset(newSender.receiveMaximum() - liveWindow);
        log.info("uplink session {} started: {} events pending, backlog up to seq {}, broker receive maximum {}",
                session, outbox.pendingCount(), ceiling, newSender.receiveMaximum());
    }

    /** The session ended: in-flight events will be resent in the next one. */
    public synchronized void disconnected() {
        log.info("uplink session {} ended: backlog window {}, cut {} times, base PUBACK delay {} us; district receipts {}",
                session, backlogWindow.window(), backlogWindow.cuts(), backlogWindow.baseMicros(), !receipts.heard()
                        ? "none heard" : receipts.ahead() + " events ahead (bound " + receipts.limit() + "), silent " + receipts.silences()
                        + " times");
        session++;
        sender = null;
        liveInflight.clear();
        backlogWindow.reset();
    }

    /** Server asked for events again from {@code fromSeq} (delivered or not), e.g. after losing data. */
    public synchronized void resyncFrom(long fromSeq) {
        resyncUnacked.clear(); // a new resync from its own start replaces what was left of an earlier one
        resyncCursor = Math.max(0, fromSeq - 1);
        resyncCeiling = outbox.lastSeq();
        prefetched.clear();
        fetchedUpTo = resyncCursor;
        log.info("resync requested from seq {} up to {}", fromSeq, resyncCeiling);
    }

    /**
     * The district took in replayed event {@code replayedSeq} (its {@code receipt}); the caller runs the pump after.
     */
    public synchronized void districtReceipt(long replayedSeq) {
        receipts.received(replayedSeq);
    }

    /**
     * Records acks, then fills the live lane and after it the backlog window. Returns how many ms until the
     * optional rate ceiling allows the next backlog send when it is what holds the pump back, else -1 (the next
     * ack, or the periodic tick for a stalled window, runs the pump again).
     */
    public synchronized long pump() {
        flushAcks();
        if (sender == null) {
            return -1;
        }
        fillLive();
        long wait = fillBacklog();
        backlogWindowNow = backlogWindow.window();
        backlogCuts = backlogWindow.cuts();
        liveCuts = backlogWindow.liveCuts();
        receiptBoundNow = receipts.limit();
        return wait;
    }

    public PumpStats stats() {
        return new PumpStats(sent.get(), delivered.get(), replayedSent.get(), backlogWindowNow, backlogCuts, liveCuts,
                sessionsBegun, receiptBoundNow);
    }

    private void fillLive() {
        int free = liveWindow - liveInflight.size();
        if (free <= 0 || outbox.lastSeq() <= liveCursor) {
            return; // nothing new committed: no query
        }
        for (OutboxEvent e : outbox.pendingAfter(liveCursor, free)) {
            if (!send(e, false)) {
                return;
            }
            liveCursor = e.seq();
        }
    }

    private long fillBacklog() {
        boolean resyncing = resyncCursor >= 0 && resyncCursor < resyncCeiling;
        long top = resyncing ? resyncCeiling : ceiling;
        int free = Math.min(backlogWindow.room(), receipts.room());
        if ((resyncing ? resyncCursor : backlogCursor) >= top || free <= 0) {
            return -1;
        }
        int granted = backlogPace == null ? free : backlogPace.take(free);
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
            if (!send(e, true)) {
                return -1; // client window full: retried on the next ack
            }
            if (resyncing) {
                resyncUnacked.add(e.seq());
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

    private boolean send(OutboxEvent e, boolean replayed) {
        long mySession = session;
        long seq = e.seq();
        java.time.Instant handedOver = clock.instant(); // before the publish: its PUBACK may beat the call's return
        boolean taken = sender.send(e, replayed, new EventSender.Completion() {
            @Override public void acked() {
                acks.add(new Ack(seq, mySession, clock.instant())); // the PUBACK's time, not the pump's
                wake.run();
            }

            @Override public void failed(String reason) {
                linkFailed(mySession, seq, reason);
            }
        });
        if (taken) {
            if (replayed) {
                backlogWindow.sentBacklog(seq, handedOver);
                receipts.sent(seq);
            } else {
                liveInflight.add(seq);
                backlogWindow.sentLive(seq, handedOver);
            }
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
        for (Ack a; (a = acks.poll()) != null; ) {
            unmarked.add(a.seq());
            resyncUnacked.remove(a.seq()); // the broker has it, in whichever session it was sent
            if (a.session() == session) { // an ack of an earlier session says nothing about this path
                liveInflight.remove(a.seq());
                backlogWindow.acked(a.seq(), a.at());
            }
        }
        while (!unmarked.isEmpty()) {
            List<Long> chunk = unmarked.subList(0, Math.min(MARK_CHUNK, unmarked.size()));
            try {
                outbox.markDelivered(List.copyOf(chunk)); // one short hold of the store's lock per chunk
            } catch (RuntimeException ex) {
                // Kept and retried on the next pump; never resent in this session, so no flood of duplicates.
                log.warn("could not mark {} events delivered; will retry", unmarked.size(), ex);
                return;
            }
            delivered.addAndGet(chunk.size());
            chunk.clear();
        }
    }


    private record Ack(long seq, long session, java.time.Instant at) {}

    /**
     * Counters since start: events published, confirmed by PUBACK and marked, and sent as replayed; the backlog
     * window as the last pump left it, how often it was cut since start and how many of those only for a late
     * live event; and how many sessions it has begun. The link supervisor reports "connected" a moment before the
     * pump begins its session and takes the backlog's ceiling: an event committed in that moment is backlog. Last,
     * the district receipts' bound on the backlog sent and not yet receipted, as the last pump left it.
     */
    public record PumpStats(long sent, long delivered, long replayed, int backlogWindow, long backlogCuts,
                            long liveCuts, long sessions, int receiptBound) {}
}
