package vn.motcua.appliance.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, before any password is hashed, whether a login attempt may be tried at all. Three budgets:
 * <ul>
 * <li>per source address: at most {@value #ATTEMPTS_PER_SOURCE} attempts a minute, whatever the names, so a flood
 * from one host costs at most that many hashes;</li>
 * <li>per source address: {@value #MAX_FAILURES_PER_SOURCE} failures lock that source for {@link #LOCK};</li>
 * <li>per account <em>and</em> source together: {@value #MAX_FAILURES} failures lock that pair for {@link #LOCK}.</li>
 * </ul>
 * There is deliberately no lock on an account alone: guesses from one host must never lock the rightful clerk
 * out at their own PC or at the Pi (issue 21: five guesses per name every 15 minutes kept every clerk out).
 * A guesser with many addresses gets {@value #MAX_FAILURES} tries per address per {@link #LOCK}; the hash
 * budget ({@link PasswordChecks}) bounds what that costs the appliance. Keys are bounded: when the table is full
 * the oldest entries go, so a flood of made-up names or addresses cannot exhaust memory.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_SOURCE = 20;
    public static final int ATTEMPTS_PER_SOURCE = 10;
    public static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 10_000;

    /** What {@link #admit} decided. */
    public enum Verdict {
        ADMITTED,
        /** this account from this source failed too often */
        PAIR_LOCKED,
        /** this source failed too often, whatever the account */
        SOURCE_LOCKED,
        /** this source tried too often in the last minute; {@code first} is true for the first refusal of the window */
        TOO_FAST
    }

    private record Strikes(int count, Instant first, Instant lockedUntil) {}

    private final Clock clock;
    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Counts the attempt against the source's budget when it is admitted. */
    public Verdict admit(String account, String source) {
        if (locked(pair(account, source))) {
            return Verdict.PAIR_LOCKED;
        }
        if (locked("s:" + source)) {
            return Verdict.SOURCE_LOCKED;
        }
        return strike("t:" + source, ATTEMPTS_PER_SOURCE + 1, ATTEMPT_WINDOW) > ATTEMPTS_PER_SOURCE
                ? Verdict.TOO_FAST : Verdict.ADMITTED;
    }

    /**
     * Whether the source is over its attempts this minute: the LAN listener then closes its new connections at
     * once, before the TLS handshake, so a flood costs the appliance almost nothing more until the minute is over.
     */
    public boolean tooFast(String source) {
        return locked("t:" + source);
    }

    /** Whether the source's last attempt was the first refused in its window (to log once, count every time). */
    public boolean firstTooFast(String source) {
        Strikes s = strikes.get("t:" + source);
        return s != null && s.count == ATTEMPTS_PER_SOURCE + 1;
    }

    /** Whether the source has no failure in its current window: its checks are never turned away as "busy". */
    public boolean clean(String source) {
        Strikes s = strikes.get("s:" + source);
        return s == null || s.count == 0 || clock.instant().isAfter(s.first.plus(LOCK)) && !locked("s:" + source);
    }

    public void failed(String account, String source) {
        strike(pair(account, source), MAX_FAILURES, LOCK);
        strike("s:" + source, MAX_FAILURES_PER_SOURCE, LOCK);
    }

    /** The pair's failures are forgotten; the source's are not (its other guesses still count). */
    public void succeeded(String account, String source) {
        strikes.remove(pair(account, source));
    }

    private static String pair(String account, String source) {
        return "p:" + account + "@" + source;
    }

    private boolean locked(String key) {
        Strikes s = strikes.get(key);
        return s != null && s.lockedUntil != null && clock.instant().isBefore(s.lockedUntil);
    }

    /** Adds a strike in a window of {@code window}; at {@code max} the key is locked for {@code window}. */
    private int strike(String key, int max, Duration window) {
        Instant now = clock.instant();
        if (strikes.size() >= MAX_KEYS && !strikes.containsKey(key)) {
            strikes.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.first.compareTo(b.first)))
                    .ifPresent(e -> strikes.remove(e.getKey()));
        }
        return strikes.compute(key, (k, s) -> {
            if (s == null || now.isAfter(s.first.plus(window)) && (s.lockedUntil == null || now.isAfter(s.lockedUntil))) {
                s = new Strikes(0, now, null);
            }
            int n = s.count + 1;
            return new Strikes(n, s.first, n >= max && s.lockedUntil == null ? now.plus(window) : s.lockedUntil);
        }).count;
    }
}
