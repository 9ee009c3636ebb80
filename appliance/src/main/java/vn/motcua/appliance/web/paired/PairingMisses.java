package vn.motcua.appliance.web.paired;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairing attempts per source address, per minute: a wrong code typed on {@code /manager}, a poll with an unknown
 * claim, and every code a screen asks for. Past {@link #LIMIT} in a minute a source is refused
 * ({@code PAIRING_TOO_MANY}) until the minute ends, before anything is looked up: a code of 31^6 values, alive five
 * minutes, then cannot be found by trying. Memory is bounded as {@code phone.PhoneGuesses}: past
 * {@link #MAX_SOURCES} addresses in a minute every new one shares a count.
 */
final class PairingMisses {
    static final int LIMIT = 10;
    static final int MAX_SOURCES = 4096;
    private static final String OTHERS = "*";

    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    PairingMisses(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean tooMany(String source) {
        roll();
        return counts.getOrDefault(key(source), 0) >= LIMIT;
    }

    synchronized void count(String source) {
        roll();
        counts.merge(key(source), 1, Integer::sum);
    }

    private String key(String source) {
        return counts.containsKey(source) || counts.size() < MAX_SOURCES ? source : OTHERS;
    }

    private void roll() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            counts.clear();
        }
    }
}
