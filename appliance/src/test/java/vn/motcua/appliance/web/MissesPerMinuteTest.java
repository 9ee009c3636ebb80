package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The per-source limit on wrong phone links and pairing codes: in a sliding minute, per address, bounded in memory. */
class MissesPerMinuteTest {
    private Instant now = Instant.parse("2026-12-07T02:00:10Z");
    private final MissesPerMinute guesses = new MissesPerMinute(new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }, 20);

    @Test
    void aSourceIsHeldAtItsLimitAndFreedAsTheMinuteSlidesOnAndOthersAreNot() {
        for (int i = 0; i < guesses.limit() - 1; i++) {
            guesses.missed("192.168.50.7");
        }
        assertFalse(guesses.tooMany("192.168.50.7"), "one miss left");
        guesses.missed("192.168.50.7");
        assertTrue(guesses.tooMany("192.168.50.7"));
        assertFalse(guesses.tooMany("192.168.50.8"), "another phone");
        now = now.plus(Duration.ofSeconds(49));
        assertTrue(guesses.tooMany("192.168.50.7"), "still this minute");
        now = now.plus(Duration.ofSeconds(2)); // 02:01:01: the last minute's 20 weigh 59/60 now
        assertFalse(guesses.tooMany("192.168.50.7"), "freed as the minute slides: one miss more");
        guesses.missed("192.168.50.7");
        assertTrue(guesses.tooMany("192.168.50.7"), "but not a whole new count");
        now = now.plus(Duration.ofSeconds(30)); // 02:01:31: 20 x 29/60 + 1
        assertFalse(guesses.tooMany("192.168.50.7"));
        now = now.plus(Duration.ofMinutes(2));
        for (int i = 0; i < guesses.limit() - 1; i++) {
            guesses.missed("192.168.50.7");
        }
        assertFalse(guesses.tooMany("192.168.50.7"), "two minutes on: the old misses are gone");
    }

    @Test
    void missesJustBeforeAMinutesEndStillCountJustAfterIt() {
        now = Instant.parse("2026-12-07T02:00:59.500Z");
        for (int i = 0; i < guesses.limit(); i++) {
            guesses.missed("192.168.50.7");
        }
        assertTrue(guesses.tooMany("192.168.50.7"));
        now = Instant.parse("2026-12-07T02:01:00.500Z");
        guesses.missed("192.168.50.7"); // the last minute's 20 weigh 119/120 now: room for this one at most
        assertTrue(guesses.tooMany("192.168.50.7"), "a clock minute's end is no reset: the limit holds across it");
    }

    @Test
    void beyondTheTrackedSourcesNewAddressesShareOneCount() {
        for (int i = 0; i < MissesPerMinute.MAX_SOURCES; i++) {
            guesses.missed("10.0." + (i / 256) + "." + (i % 256));
        }
        for (int i = 0; i < guesses.limit(); i++) {
            guesses.missed("172.16.0." + i); // each a new address: all counted together
        }
        assertTrue(guesses.tooMany("172.16.9.9"), "a flood from many addresses throttles itself");
        assertFalse(guesses.tooMany("10.0.0.1"), "a tracked source keeps its own count");
    }
}
