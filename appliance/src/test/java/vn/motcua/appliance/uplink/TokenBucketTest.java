package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class TokenBucketTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void burstThenTheRate() {
        TokenBucket b = new TokenBucket(clock, 100, 20);
        assertEquals(20, b.take(50), "a full bucket gives the burst");
        assertEquals(0, b.take(1));
        assertEquals(10, b.millisUntilToken(), "100/s = one token each 10 ms");
        clock.advance(Duration.ofMillis(250));
        assertEquals(20, b.take(50), "refill is capped at the burst");
        clock.advance(Duration.ofMillis(50));
        assertEquals(5, b.take(50));
    }

    @Test
    void rateZeroMeansUnpaced() {
        TokenBucket b = new TokenBucket(clock, 0, 1);
        assertEquals(1_000_000, b.take(1_000_000));
        assertEquals(0, b.millisUntilToken());
    }
}
