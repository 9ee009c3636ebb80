package vn.motcua.bus.master;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.codec.StatusReply;

/**
 * What the master knows about one board: its epoch, the last event delivered, the display it
 * should show and whether it has it, and its online state. Pure state machine, no I/O; driven
 * by the I/O thread only, except {@link #want} (any thread).
 */
final class BoardLink {
    private static final Logger log = LoggerFactory.getLogger(BoardLink.class);

    /** A delivered key with its place in the board's numbering. */
    record Delivered(KeyEvent key, BoardEventId id) {}

    /** Result of taking in one good STATUS. */
    record Outcome(List<Delivered> keys, List<BoardStatus> statusChanges, int duplicates, int invalid) {}

    final int address;
    private int epoch = -1;          // unknown until the first reply
    private int lastDelivered = -1;  // -1: nothing delivered in this epoch yet
    private int lastHandled = -1;    // what the appliance said it committed; acked instead when ackWhenHandled
    private boolean ackWhenHandled;
    private DisplayState wanted = DisplayState.BLANK;
    private long wantedVersion;  // 0: the appliance has not said anything yet
    private long sentVersion;    // version the board is known to have; -1: resend
    private int failures;
    private int reboots;
    private volatile BoardStatus status;
    Instant nextProbe = Instant.EPOCH;
    private boolean pollRejected;

    BoardLink(int address, Instant now) {
        this.address = address;
        this.status = new BoardStatus(BoardStatus.State.UNKNOWN, "not polled yet", now, 0);
    }

    /** Before the first exchange: events up to {@code id} were delivered by an earlier run. */
    synchronized void resumeAfter(BoardEventId id) {
        epoch = id.epoch();
        lastDelivered = id.seq();
        lastHandled = id.seq();
    }

    /** From now on a delivered event is acked only once {@link #handled} says so (see BusMaster). */
    synchronized void ackWhenHandled() {
        ackWhenHandled = true;
    }

    /** The appliance committed what the event caused: the next request may ack it (and all before it). */
    synchronized void handled(BoardEventId id) {
        if (id.epoch() != epoch || lastDelivered < 0) {
            return; // the board rebooted since: that epoch's events are gone with it
        }
        int ahead = lastHandled < 0 ? 1 : (id.seq() - lastHandled) & 0xFF;
        int delivered = (lastDelivered - id.seq()) & 0xFF;
        if (ahead >= 1 && ahead < 128 && delivered < 128) {
            lastHandled = id.seq();
        }
    }

    synchronized void want(DisplayState d) {
        wanted = d;
        wantedVersion++;
    }

    /** A display the board does not have yet, and its version. */
    record Pending(DisplayState display, long version) {}

    /** The display command to send instead of a plain POLL, or null if the board is in sync. */
    synchronized Pending pending() {
        return sentVersion == wantedVersion ? null : new Pending(wanted, wantedVersion);
    }

    synchronized void displayConfirmed(long version) {
        sentVersion = version;
    }

    synchronized Messages.Ack ack() {
        int upTo = ackWhenHandled ? lastHandled : lastDelivered;
        return epoch < 0 ? Messages.Ack.NONE : new Messages.Ack(epoch, Math.max(upTo, 0));
    }

    /** True the first time only: a board refusing POLLs is logged once, not 30 times a second. */
    boolean firstPollRejection() {
        boolean first = !pollRejected;
        pollRejected = true;
        return first;
    }

    BoardStatus status() {
        return status;
    }

    boolean offline() {
        return status.state() == BoardStatus.State.OFFLINE;
    }

    synchronized Outcome accept(StatusReply r, Instant now) {
        List<BoardStatus> changes = new ArrayList<>(2);
        if (status.state() != BoardStatus.State.ONLINE) {
            if (wantedVersion > 0) {
                sentVersion = -1; // whatever happened while away, show the current state again
            }
            // First contact and nothing asked yet (e.g. the appliance just restarted): leave
            // what the board shows alone until the appliance says otherwise.
            changes.add(setStatus(BoardStatus.State.ONLINE, "answering", now));
        }
        failures = 0;
        if (epoch >= 0 && r.epoch() != epoch) {
            reboots++;
            lastDelivered = -1;
            lastHandled = -1;
            sentVersion = -1;
            log.info("counter board {} rebooted (epoch {} -> {}); restoring its display", address, epoch, r.epoch());
            changes.add(setStatus(BoardStatus.State.ONLINE, "rebooted", now));
        }
        epoch = r.epoch();
        if (r.displayUnset()) {
            sentVersion = -1;
        }
        if (r.overflow()) {
            log.warn("counter board {}: key queue overflowed, a press was refused on the board", address);
        }
        List<Delivered> keys = new ArrayList<>(r.events().size());
        int duplicates = 0;
        int invalid = 0;
        for (StatusReply.Event e : r.events()) {
            int ahead = (e.seq() - lastDelivered) & 0xFF;
            if (lastDelivered >= 0 && (ahead == 0 || ahead >= 128)) {
                duplicates++; // sent again because our ack was lost: already delivered
                continue;
            }
            lastDelivered = e.seq();
            KeyEvent k = toKey(e);
            if (k == null) {
                invalid++; // acked anyway, or the board would send it forever
                log.warn("counter board {}: unknown key event code 0x{} arg {} dropped", address,
                        Integer.toHexString(e.key()), e.arg());
            } else {
                keys.add(new Delivered(k, new BoardEventId(r.epoch(), e.seq())));
            }
        }
        return new Outcome(keys, changes, duplicates, invalid);
    }

    private static KeyEvent toKey(StatusReply.Event e) {
        Key key = Key.ofCode(e.key()).orElse(null);
        if (key == null) {
            return null;
        }
        if (key == Key.TRANSFER) {
            return e.arg() >= 1 && e.arg() <= 99 ? KeyEvent.transfer(e.arg()) : null;
        }
        return e.arg() == 0 ? KeyEvent.of(key) : null;
    }

    /** An exchange failed after its retries; returns the status change, if any. */
    BoardStatus failed(String reason, int offlineAfter, Instant now) {
        failures++;
        if (status.state() != BoardStatus.State.OFFLINE && failures >= offlineAfter) {
            return setStatus(BoardStatus.State.OFFLINE, reason, now);
        }
        return null;
    }

    /** The port went away: every board is unreachable, at once. */
    BoardStatus portDown(String reason, Instant now) {
        failures = 0;
        nextProbe = now;
        if (status.state() == BoardStatus.State.OFFLINE && status.reason().equals(reason)) {
            return null;
        }
        return setStatus(BoardStatus.State.OFFLINE, reason, now);
    }

    private BoardStatus setStatus(BoardStatus.State s, String reason, Instant now) {
        status = new BoardStatus(s, reason, now, reboots);
        return status;
    }
}
