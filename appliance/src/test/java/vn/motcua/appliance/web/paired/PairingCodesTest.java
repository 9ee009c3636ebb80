package vn.motcua.appliance.web.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Pairing codes: minutes of life, taken once, handed over once and only to the claim that asked, bounded in number. */
class PairingCodesTest {
    private final MovingClock clock = new MovingClock();
    private final PairingCodes codes = new PairingCodes(clock);

    @Test
    void aCodeExpiresAfterItsMinutes() {
        PairingCodes.Pending p = codes.request("198.18.1.2");
        clock.advance(PairingCodes.TTL.minusSeconds(1));
        assertInstanceOf(PairingCodes.State.Waiting.class, codes.state(p.claim()));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(PairingCodes.State.Gone.class, codes.state(p.claim()));
        assertTrue(codes.take(p.code()).isEmpty(), "an expired code confirms nothing");
    }

    @Test
    void aCodeIsTakenOnceAndItsTokenHandedOverOnceToItsClaim() {
        PairingCodes.Pending p = codes.request("198.18.1.2");
        PairingCodes.Pending taken = codes.take(PairingCodes.shown(p.code()).toLowerCase(java.util.Locale.ROOT)).orElseThrow();
        assertTrue(codes.take(p.code()).isEmpty(), "single use");
        PairedScreen s = new PairedScreen(1, "TV", ScreenRole.DISPLAY, Set.of(), Set.of(), "h", clock.instant(), null, null, null);
        codes.deliver(taken, new PairedScreens.Paired(s, "token"));
        assertInstanceOf(PairingCodes.State.Gone.class, codes.state(p.code()), "the code itself is no claim");
        assertEquals("token", ((PairingCodes.State.Paired) codes.state(p.claim())).paired().token());
        assertInstanceOf(PairingCodes.State.Gone.class, codes.state(p.claim()), "handed over once");
    }

    @Test
    void codesAreReadableUniqueAndBoundedPerSourceAndInAll() {
        Set<String> seen = new HashSet<>();
        PairingCodes.Pending first = codes.request("198.18.1.2");
        for (int i = 0; i < PairingCodes.PER_SOURCE; i++) {
            seen.add(codes.request("198.18.1.2").code());
        }
        assertInstanceOf(PairingCodes.State.Gone.class, codes.state(first.claim()), "a source's oldest code made way");
        for (int i = 0; i < 100; i++) {
            PairingCodes.Pending p = codes.request("198.18.2." + i);
            assertTrue(p.code().matches("[" + PairingCodes.ALPHABET + "]{6}"), p.code());
            assertNotEquals(p.code(), p.claim());
            seen.add(p.code());
        }
        assertEquals(PairingCodes.MAX_PENDING, codes.pending());
        assertTrue(seen.size() > 95, "random codes");
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
