package vn.motcua.appliance.uplink;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many backlog publishes may be unacknowledged at once, decided from the PUBACKs as TCP Vegas decides its
 * congestion window from round-trip times. I/O-free and single-threaded (owned by {@link OutboxPump}); time comes
 * from the injected clock so the tests drive it.
 *
 * <p>A round is a window's worth of acks, at least {@link #MIN_ROUND_ACKS}; every decision is taken once per round.
 *
 * <p>Why delays and not a fixed rate: a fixed rate is either slower than the district could take (500/s: a
 * week of backlog in minutes) or, unpaced, fills the queues between us and the district, and a ticket called now
 * waits in them behind thousands of replayed events. The smallest PUBACK delay seen is what the path costs with
 * nothing queued ({@code base}); whatever a round takes above it is messages queued somewhere on the path (Paho's
 * send queue, the socket, the broker). {@code window * (rtt - base) / rtt} estimates how many (Vegas' "diff").
 *
 * <ul>
 *   <li>queued below {@link #ALPHA}: the path has room: the window doubles per round while it never queued
 *       (slow start), then grows by one per round (additive increase);</li>
 *   <li>queued above {@link #BETA}, or the round's delay above twice the base (plus {@link #RISE_SLACK_NANOS}) even
 *       with few of ours in flight (the broker got slower: other offices' load; being polite means backing off
 *       too), or a <b>live</b> event's PUBACK came back late (its delay well above the live
 *       lane's own minimum: a ticket called now waited behind backlog): the window is cut by half
 *       (multiplicative decrease), at most once per round, never below the floor;</li>
 *   <li>in between: held.</li>
 *   <li>a backlog PUBACK outstanding for longer than {@link #STALL_NANOS} (or 8 rounds of the base delay, if
 *       longer): the broker is not answering; the window falls to the floor and nothing more is sent until acks
 *       come back (the keep-alive decides whether the link is dead, not this class).</li>
 * </ul>
 * The base is the minimum over the current and the previous {@link #BASE_EPOCH_NANOS} period, so a path that got
 * slower for good (another office's load on the broker) is learned again within seconds instead of looking
 * congested forever.
 */
public final class BacklogWindow {
    /** Messages that may sit queued on the path before the window stops growing; small so a live event waits little. */
    static final double ALPHA = 4;
    /**
     * Above this many queued the window is halved. 16 events are a few milliseconds of the broker's work, which is
     * what a live event may wait behind; fewer made the window collapse on a busy machine's jitter.
     */
    static final double BETA = 16;
    static final int INITIAL = 8;
    static final long STALL_NANOS = 2_000_000_000L;
    static final long BASE_EPOCH_NANOS = 10_000_000_000L;
    /** A round's delay above twice the base and this much more is a rise, whatever our share of the queue. */
    static final long RISE_SLACK_NANOS = 5_000_000L;
    /**
     * A round is a window's worth of acks but at least this many: its smallest delay is the round's figure, and on a
     * busy two-core board one ack in a few is late for reasons of its own (a GC, the other core's build); the
     * minimum of 16 is not. Measured: with one-ack rounds at a small window nearly every ack cut the window.
     */
    static final int MIN_ROUND_ACKS = 16;
    /** A live PUBACK this much above the live minimum (and at least three times it) counts as late. */
    static final long LIVE_SLACK_NANOS = 20_000_000L;

    private final Clock clock;
    private final int configuredFloor;
    private final int configuredCeiling;
    private int floor;
    private int ceiling;
    /** Backlog seqs sent and not yet acked, in send order (the first is the oldest), with their send time. */
    private final LinkedHashMap<Long, Long> backlog = new LinkedHashMap<>();
    private final Map<Long, Long> live = new HashMap<>();

    private double window;
    private boolean slowStart;
    private long base;
    private long previousBase;
    private long epochStart;
    private long liveBase;
    private long previousLiveBase;
    private boolean liveLate;
    private long roundMin;
    private int roundAcks;
    private long cuts;
    private long liveCuts;

    /**
     * @param floor   the window never goes below this (1: one message at a time still drains)
     * @param ceiling the window never goes above this ({@code uplink.backlog_window})
     */
    public BacklogWindow(Clock clock, int floor, int ceiling) {
        if (floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("need 1 <= floor <= ceiling, got " + floor + ", " + ceiling);
        }
        this.clock = clock;
        this.configuredFloor = floor;
        this.configuredCeiling = ceiling;
        reset();
    }

    /** A new session: a new path, nothing outstanding, everything learned again. */
    public void reset() {
        reset(configuredCeiling);
    }

    /**
     * A new session whose broker takes at most {@code sessionCeiling} backlog publishes unacknowledged (its receive
     * maximum less the live lane's share): the ceiling (and the floor, if it must) is lowered to it for the session.
     */
    public void reset(int sessionCeiling) {
        ceiling = Math.max(1, Math.min(configuredCeiling, sessionCeiling));
        floor = Math.min(configuredFloor, ceiling);
        backlog.clear();
        live.clear();
        window = Math.max(floor, Math.min(ceiling, INITIAL));
        slowStart = true;
        base = previousBase = liveBase = previousLiveBase = Long.MAX_VALUE;
        epochStart = now();
        liveLate = false;
        roundMin = Long.MAX_VALUE;
        roundAcks = 0;
    }

    /** How many more backlog events may be published now (0 while the window is full or the acks stalled). */
    public int room() {
        if (stalled()) {
            return 0;
        }
        return Math.max(0, (int) window - backlog.size());
    }

    /**
     * A backlog event was handed to the link at {@code at}. The caller takes the time before the publish: on a fast
     * path the PUBACK can come back before the publish call returns, and a send time taken after it would make a
     * negative delay the path's "minimum".
     */
    public void sentBacklog(long seq, Instant at) {
        backlog.put(seq, nanos(at));
    }

    /** A live event was handed to the link at {@code at} (taken before the publish, as for the backlog). */
    public void sentLive(long seq, Instant at) {
        live.put(seq, nanos(at));
    }

    /**
     * A PUBACK arrived for {@code seq} at {@code at} (either lane; unknown seqs, e.g. from an earlier session, are
     * ignored). The time is taken on the MQTT thread when the ack arrives, not when the pump gets to it, so a busy
     * scheduler does not read as a congested path.
     */
    public void acked(long seq, Instant at) {
        long t = nanos(at);
        // Never below zero: the clock is the wall clock, and a step back (NTP) must not become the path's minimum.
        Long sentLive = live.remove(seq);
        if (sentLive != null) {
            liveSample(Math.max(0, t - sentLive));
            return;
        }
        Long sent = backlog.remove(seq);
        if (sent != null) {
            backlogSample(t, Math.max(0, t - sent));
        }
    }

    /** The current window (for status and logs). */
    public int window() {
        return (int) window;
    }

    /** Smallest backlog PUBACK delay in the current base period, in microseconds, or -1 before the first ack. */
    public long baseMicros() {
        long b = Math.min(base, previousBase);
        return b == Long.MAX_VALUE ? -1 : b / 1000;
    }

    /** How many times the window was cut (rising delay, a late live event or a stall). */
    public long cuts() {
        return cuts;
    }

    /** Of {@link #cuts()}, those only a late live event caused (the backlog's own delay had not risen). */
    public long liveCuts() {
        return liveCuts;
    }

    private boolean stalled() {
        if (backlog.isEmpty()) {
            return false;
        }
        long oldest = backlog.values().iterator().next();
        long b = Math.min(base, previousBase);
        long limit = b == Long.MAX_VALUE ? STALL_NANOS : Math.max(STALL_NANOS, 8 * b);
        if (now() - oldest <= limit) {
            return false;
        }
        if (window > floor) {
            window = floor;
            slowStart = false;
            cuts++;
        }
        return true;
    }

    private void liveSample(long rtt) {
        rotateEpoch();
        long lb = Math.min(liveBase, previousLiveBase);
        liveBase = Math.min(liveBase, rtt);
        if (lb != Long.MAX_VALUE && rtt > Math.max(3 * lb, lb + LIVE_SLACK_NANOS)) {
            liveLate = true; // acted on at the end of the current backlog round
        }
    }

    private void backlogSample(long t, long rtt) {
        rotateEpoch();
        base = Math.min(base, rtt);
        roundMin = Math.min(roundMin, rtt);
        if (++roundAcks < Math.max(MIN_ROUND_ACKS, (int) window)) {
            return;
        }
        // One round (a window's worth of acks): its smallest delay filters out a single slow ack (a GC, a busy core).
        long b = Math.min(base, previousBase);
        double queued = roundMin <= b ? 0 : window * (roundMin - b) / (double) roundMin;
        boolean rose = roundMin > 2 * b + RISE_SLACK_NANOS;
        if (liveLate || rose || queued > BETA) {
            window = Math.max(floor, window / 2);
            slowStart = false;
            cuts++;
            if (liveLate && !rose && queued <= BETA) {
                liveCuts++;
            }
        } else if (queued < ALPHA) {
            window = Math.min(ceiling, slowStart ? window * 2 : window + 1);
        } else {
            slowStart = false;
        }
        liveLate = false;
        roundMin = Long.MAX_VALUE;
        roundAcks = 0;
    }

    private void rotateEpoch() {
        long t = now();
        if (t - epochStart >= BASE_EPOCH_NANOS) {
            previousBase = base;
            base = Long.MAX_VALUE;
            previousLiveBase = liveBase;
            liveBase = Long.MAX_VALUE;
            epochStart = t;
        }
    }

    private long now() {
        return nanos(clock.instant());
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
