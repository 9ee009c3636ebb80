package vn.motcua.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The one retry policy of motcua, for the district link's reconnects and a serial port's reopening: exponential
 * from {@code initial}, capped at {@code max}, with "equal jitter" (half fixed, half random). The jitter spreads
 * the reconnects of hundreds of offices after a district outage so they do not hit the broker in the same second,
 * and keeps two buses on one flaky USB hub from retrying in step. Not thread-safe: owned by the one thread that
 * retries (the uplink's link supervisor on the appliance scheduler, a bus's I/O thread).
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random yields uniform values in [0,1); injected so tests are deterministic */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    /** Delay before the next attempt; each call counts as one more failed attempt. */
    public Duration next() {
        long ceiling = attempt >= 30 ? maxMs : Math.min(maxMs, initialMs << attempt);
        attempt++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half + 1)));
    }

    /** After a connection that held: start again from {@code initial}. */
    public void reset() { attempt = 0; }

    public int attempts() { return attempt; }
}
