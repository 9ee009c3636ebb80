package vn.motcua.appliance.web.phone;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong phone links and codes per source address, per minute: past {@link #LIMIT} misses in a minute a source gets
 * {@code TOO_MANY_GUESSES} before any key is computed, until the minute ends. Only misses count, so residents opening
 * their own links are never held back by it. Memory is bounded: at most {@link #MAX_SOURCES} addresses are tracked in
 * a minute; beyond them every new address shares one count, so a flood from many addresses throttles itself rather
 * than growing the map.
 */
final class PhoneGuesses {
    static final int LIMIT = 20;
    static final int MAX_SOURCES = 4096;
    private static final String OTHERS = "*";

    private final Clock clock;
    private final Map<String, Integer> misses = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    PhoneGuesses(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code source} used up its misses this minute. */
    synchronized boolean tooMany(String source) {
        roll();
        return misses.getOrDefault(key(source), 0) >= LIMIT;
    }

    /** Counts a wrong link or code from {@code source}. */
    synchronized void missed(String source) {
        roll();
        misses.merge(key(source), 1, Integer::sum);
    }

    private String key(String source) {
        return misses.containsKey(source) || misses.size() < MAX_SOURCES ? source : OTHERS;
    }

    private void roll() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            misses.clear();
        }
    }
}
