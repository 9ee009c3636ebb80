package vn.motcua.appliance.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Misses per source address in a sliding minute: past {@code limit} a source is refused, before anything is looked
 * up. The minute slides as an estimate: this clock minute's misses plus the last minute's, weighted by how much of it
 * the last 60 s still cover (the count a fixed clock minute would reset: a guesser, or a test, whose tries straddle
 * a minute's end would otherwise get twice the limit). Used where a secret could be found by trying: the phone page's links and short codes
 * ({@code phone.PhoneHandler}, only wrong tries count, so residents opening their own links are never held back) and
 * pairing codes ({@code paired.Pairing}). Memory is bounded: at most {@link #MAX_SOURCES} addresses are tracked in a
 * minute; beyond them every new address shares one count, so a flood from many addresses throttles itself rather
 * than growing the map.
 */
public final class MissesPerMinute {
    public static final int MAX_SOURCES = 4096;
    private static final String OTHERS = "*";

    private final Clock clock;
    private final int limit;
    private Map<String, Integer> misses = new HashMap<>();
    private Map<String, Integer> lastMinute = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    public MissesPerMinute(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** Whether {@code source} used up its misses in the last minute. */
    public synchronized boolean tooMany(String source) {
        roll();
        String key = key(source);
        double stillCovered = 1.0 - (clock.millis() % 60_000) / 60_000.0;
        return misses.getOrDefault(key, 0) + lastMinute.getOrDefault(key, 0) * stillCovered >= limit;
    }

    /** Counts one miss from {@code source}. */
    public synchronized void missed(String source) {
        roll();
        misses.merge(key(source), 1, Integer::sum);
    }

    private String key(String source) {
        return misses.containsKey(source) || misses.size() < MAX_SOURCES ? source : OTHERS;
    }

    private void roll() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            lastMinute = now == minute + 1 ? misses : new HashMap<>();
            misses = new HashMap<>();
            minute = now;
        }
    }
}
