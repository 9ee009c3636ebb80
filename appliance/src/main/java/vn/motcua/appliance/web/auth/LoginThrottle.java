package vn.motcua.appliance.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an account (and, more loosely, a source address) after repeated failed logins, for a while, so a
 * password cannot be guessed at the counter PC or from the LAN. Keys are bounded: when the table is full the
 * oldest entries go, so a flood of made-up names cannot exhaust memory.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 10_000;

    private record Strikes(int count, Instant first, Instant lockedUntil) {}

    private final Clock clock;
    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean locked(String user, String address) {
        return lockedKey("u:" + user) || lockedKey("a:" + address);
    }

    private boolean lockedKey(String key) {
        Strikes s = strikes.get(key);
        return s != null && s.lockedUntil != null && clock.instant().isBefore(s.lockedUntil);
    }

    public void failed(String user, String address) {
        strike("u:" + user, MAX_FAILURES);
        strike("a:" + address, MAX_FAILURES_PER_ADDRESS);
    }

    public void succeeded(String user) {
        strikes.remove("u:" + user);
    }

    private void strike(String key, int max) {
        Instant now = clock.instant();
        if (strikes.size() >= MAX_KEYS && !strikes.containsKey(key)) {
            strikes.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.first.compareTo(b.first)))
                    .ifPresent(e -> strikes.remove(e.getKey()));
        }
        strikes.compute(key, (k, s) -> {
            if (s == null || now.isAfter(s.first.plus(LOCK)) && (s.lockedUntil == null || now.isAfter(s.lockedUntil))) {
                s = new Strikes(0, now, null);
            }
            int n = s.count + 1;
            return new Strikes(n, s.first, n >= max ? now.plus(LOCK) : s.lockedUntil);
        });
    }
}
