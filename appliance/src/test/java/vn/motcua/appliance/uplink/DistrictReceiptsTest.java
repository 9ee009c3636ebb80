package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

/** The bound on the backlog ahead of the district's receipts follows the district's pace: 30 ms of it, 32-512. */
class DistrictReceiptsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final DistrictReceipts r = new DistrictReceipts(clock);
    private long seq;

    /** The district takes in {@code perSecond} events/s for {@code millis}, receipting every 8 as the contract says. */
    private void district(int perSecond, int millis) {
        long every = 8_000_000_000L / perSecond; // ns per 8 events
        for (long t = 0; t < millis * 1_000_000L; t += every) {
            while (r.room() > 0 && r.ahead() < 8 + r.limit()) {
                r.sent(++seq);
            }
            clock.advance(Duration.ofNanos(every));
            long receipted = seq - r.ahead() + 8;
            r.received(Math.min(receipted, seq));
        }
    }

    @Test
    void aSlowDistrictKeepsTheSmallestBound() {
        r.sessionStarted();
        r.received(1); // it speaks receipts
        district(1_000, 2_000);
        assertEquals(DistrictReceipts.AHEAD, r.limit(), "1,000/s x 30 ms is 30: the floor");
    }

    @Test
    void aFastDistrictGetsABoundThatKeepsItsPace() {
        r.sessionStarted();
        r.received(1);
        district(10_000, 2_000);
        assertTrue(r.limit() >= 250 && r.limit() <= 310, "10,000/s x 30 ms is about 300: " + r.limit());
    }

    @Test
    void theBoundNeverPassesItsCeiling() {
        r.sessionStarted();
        r.received(1);
        district(100_000, 1_000);
        assertEquals(DistrictReceipts.MOST_AHEAD, r.limit());
    }
}
