package vn.motcua.appliance.uplink;

import java.time.Clock;

/**
 * Paces the backlog lane: at most {@code ratePerSecond} messages a second on average, bursts up to
 * {@code burst}. Time comes from the injected clock so tests drive it. Not thread-safe (owned by the pump).
 */
public final class TokenBucket {
    private final Clock clock;
    private final double ratePerMs;
    private final double burst;
    private double tokens;
    private long lastMs;

    /** @param ratePerSecond 0 means unpaced */
    public TokenBucket(Clock clock, int ratePerSecond, int burst) {
        if (ratePerSecond < 0 || burst < 1) {
            throw new IllegalArgumentException("rate >= 0 and burst >= 1 required");
        }
        this.clock = clock;
        this.ratePerMs = ratePerSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMs = clock.millis();
    }

    /** Takes up to {@code wanted} tokens, returns how many were granted. */
    public int take(int wanted) {
        if (ratePerMs == 0) {
            return wanted;
        }
        refill();
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return granted;
    }

    /** Milliseconds until at least one token is available (0 if one is). */
    public long millisUntilToken() {
        if (ratePerMs == 0) {
            return 0;
        }
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerMs);
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastMs) {
            tokens = Math.min(burst, tokens + (now - lastMs) * ratePerMs);
        }
        lastMs = now;
    }
}
