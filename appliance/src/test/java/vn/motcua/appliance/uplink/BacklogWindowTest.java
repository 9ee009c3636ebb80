package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

/** The window's decisions, driven by a hand-moved clock: no sleeping, no timing of the test itself. */
class BacklogWindowTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private long nextSeq = 1;

    /** Sends what the window allows, lets {@code rtt} pass and acks them all; returns how many were sent. */
    private int round(BacklogWindow w, Duration rtt) {
        int n = w.room();
        long first = nextSeq;
        for (int i = 0; i < n; i++) {
            w.sentBacklog(nextSeq++, clock.instant());
        }
        clock.advance(rtt);
        for (long s = first; s < nextSeq; s++) {
            w.acked(s, clock.instant());
        }
        return n;
    }

    @Test
    void growsWhileTheDelayStaysAtItsMinimumUpToTheCeiling() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        assertEquals(8, w.window(), "starts at a small window");
        assertEquals(8, round(w, Duration.ofMillis(2)));
        assertEquals(8, w.window(), "a round is at least 16 acks: one ack in a few is late for its own reasons");
        assertEquals(8, round(w, Duration.ofMillis(2)));
        assertEquals(16, w.window(), "slow start: doubles per round while nothing queues");
        round(w, Duration.ofMillis(2));
        assertEquals(32, w.window());
        for (int i = 0; i < 10; i++) {
            round(w, Duration.ofMillis(2));
        }
        assertEquals(64, w.window(), "never above the ceiling (uplink.backlog_window)");
        assertEquals(64, w.room(), "nothing outstanding: the whole window is free");
        assertEquals(0, w.cuts());
    }

    @Test
    void halvesWhenTheDelayRisesAndGrowsOnlyByOneAfterwards() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        for (int i = 0; i < 4; i++) {
            round(w, Duration.ofMillis(2));
        }
        assertEquals(64, w.window());
        // The broker queues: the same window now takes 5 times as long (about 51 messages waiting, far above BETA).
        round(w, Duration.ofMillis(10));
        assertEquals(32, w.window(), "multiplicative decrease");
        assertEquals(1, w.cuts());
        round(w, Duration.ofMillis(10));
        assertEquals(16, w.window(), "still rising: halved again, once per round");
        round(w, Duration.ofMillis(2)); // the queue is gone
        assertEquals(17, w.window(), "after a cut, growth is additive: one per round");
        round(w, Duration.ofMillis(2));
        assertEquals(18, w.window());
    }

    @Test
    void holdsWhenAFewMessagesQueueAndOneSlowAckIsNotARise() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        round(w, Duration.ofMillis(2));
        round(w, Duration.ofMillis(2));
        round(w, Duration.ofMillis(2));
        assertEquals(32, w.window());
        // 32 * (2.5 - 2) / 2.5 = 6.4 queued: between ALPHA and BETA, held.
        round(w, Duration.ofNanos(2_500_000));
        assertEquals(32, w.window(), "held between alpha and beta");
        // One round where only the last ack is slow: the round's minimum is still the base.
        for (int i = 0; i < 32; i++) {
            w.sentBacklog(nextSeq + i, clock.instant());
        }
        clock.advance(Duration.ofMillis(2));
        for (int i = 0; i < 31; i++) {
            w.acked(nextSeq + i, clock.instant());
        }
        clock.advance(Duration.ofMillis(40));
        w.acked(nextSeq + 31, clock.instant());
        nextSeq += 32;
        assertEquals(33, w.window(), "a single late ack (a GC pause) does not cut the window");
    }

    @Test
    void neverBelowTheFloor() {
        BacklogWindow w = new BacklogWindow(clock, 2, 16);
        round(w, Duration.ofMillis(1));
        round(w, Duration.ofMillis(1));
        assertEquals(16, w.window());
        Duration rtt = Duration.ofMillis(50); // far above twice the 1 ms base: every round is a rise
        for (int i = 0; i < 40; i++) {
            round(w, rtt);
            assertTrue(w.window() >= 2, "never below the floor");
        }
        assertEquals(2, w.window(), "rising delays push it down to the floor and no further");
        assertTrue(round(w, rtt) > 0, "at the floor the backlog still moves");
        assertThrows(IllegalArgumentException.class, () -> new BacklogWindow(clock, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new BacklogWindow(clock, 5, 4));
    }

    @Test
    void aLateLiveAckCutsTheBacklogWindow() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        for (int i = 0; i < 4; i++) {
            w.sentLive(1000 + i, clock.instant()); // the live lane's own minimum: 3 ms
            clock.advance(Duration.ofMillis(3));
            w.acked(1000 + i, clock.instant());
            round(w, Duration.ofMillis(2));
        }
        assertEquals(64, w.window());
        // A ticket called now took 30 ms to its PUBACK: it waited behind backlog. The backlog's own delay did not rise.
        w.sentLive(2000, clock.instant());
        clock.advance(Duration.ofMillis(30));
        w.acked(2000, clock.instant());
        round(w, Duration.ofMillis(2));
        assertEquals(32, w.window(), "the live lane's delay is a signal too");
        round(w, Duration.ofMillis(2));
        assertEquals(33, w.window(), "one late live event costs one cut, not one per round");
    }

    @Test
    void aStalledAckStopsTheBacklogAndDropsTheWindowToTheFloor() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        round(w, Duration.ofMillis(2));
        round(w, Duration.ofMillis(2));
        round(w, Duration.ofMillis(2));
        assertEquals(32, w.window());
        for (int i = 0; i < 32; i++) {
            w.sentBacklog(nextSeq++, clock.instant());
        }
        clock.advance(Duration.ofMillis(1900));
        assertEquals(0, w.room(), "window full, not yet stalled");
        assertEquals(32, w.window());
        clock.advance(Duration.ofMillis(200)); // the oldest PUBACK is 2.1 s late
        assertEquals(0, w.room(), "stalled: nothing more into a path that does not answer");
        assertEquals(1, w.window(), "down to the floor");
        assertEquals(1, w.cuts());
        for (long s = nextSeq - 32; s < nextSeq; s++) {
            w.acked(s, clock.instant()); // the broker answers again (one slow round: the window stays at the floor)
        }
        assertEquals(1, w.room(), "acks back: sending resumes from the floor");
    }

    @Test
    void aNewSessionStartsOverAndForgetsWhatWasOutstanding() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        round(w, Duration.ofMillis(2));
        round(w, Duration.ofMillis(2));
        for (int i = 0; i < 10; i++) {
            w.sentBacklog(nextSeq++, clock.instant());
        }
        w.reset();
        assertEquals(8, w.window());
        assertEquals(8, w.room(), "the old session's unacknowledged events do not count");
        assertEquals(-1, w.baseMicros(), "the new path's delay is measured again");
        w.acked(nextSeq - 1, clock.instant()); // a late ack of the old session: ignored
        assertEquals(8, w.room());
    }

    @Test
    void aSessionsCeilingIsLoweredToWhatTheBrokerTakes() {
        BacklogWindow w = new BacklogWindow(clock, 4, 64);
        w.reset(12); // receive maximum 20, live lane 8
        for (int i = 0; i < 6; i++) {
            round(w, Duration.ofMillis(2));
        }
        assertEquals(12, w.window(), "never above the session's ceiling");
        w.reset(2);
        assertEquals(2, w.room(), "a broker that takes only a few lowers the floor too");
        w.reset();
        assertEquals(8, w.window(), "the next session starts from the configured ceiling again");
    }

    @Test
    void aWallClockSteppingBackIsNotANegativeDelay() {
        BacklogWindow w = new BacklogWindow(clock, 1, 64);
        java.time.Instant sent = clock.instant();
        w.sentBacklog(1, sent);
        w.acked(1, sent.minusMillis(3)); // NTP stepped the clock back between the publish and its PUBACK
        assertEquals(0, w.baseMicros(), "clamped at zero, never below");
    }
}
