package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The demo's clock moves forward only, and every view of it (another zone) moves with it. */
class DemoClockTest {
    static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void advancingMovesTheTimeAndEveryZonedViewOfIt() {
        DemoClock clock = new DemoClock(Clock.fixed(T0, ZoneOffset.UTC));
        Clock hanoi = clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertEquals(T0, clock.instant());
        assertEquals(T0.plus(Duration.ofDays(1)), clock.advance(Duration.ofDays(1)));
        assertEquals(T0.plus(Duration.ofDays(1)), hanoi.instant(), "the zoned view shares the offset");
        assertEquals(T0.plus(Duration.ofDays(1)).toEpochMilli(), hanoi.millis());
        assertEquals(Duration.ofDays(1), clock.ahead());
    }

    @Test
    void itNeverMovesBack() {
        DemoClock clock = new DemoClock(Clock.fixed(T0, ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMinutes(-1)));
        assertEquals(T0, clock.instant());
    }
}
