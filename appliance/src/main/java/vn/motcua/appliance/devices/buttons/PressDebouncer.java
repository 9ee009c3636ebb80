package vn.motcua.appliance.devices.buttons;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns raw pin edges into presses (pure; time passed in). A press is accepted on its first
 * active edge (lowest latency: the ticket starts printing on contact) when the line was quiet for
 * the debounce time before it and the last accepted press of that button is older than the repeat
 * guard. Bounce edges, a held button and a quick double press therefore give one ticket.
 */
public final class PressDebouncer {
    private final long debounceNanos;
    private final long repeatNanos;
    private final Map<Integer, long[]> pins = new HashMap<>(); // [lastEdge, lastAccepted]

    public PressDebouncer(long debounceNanos, long repeatNanos) {
        this.debounceNanos = debounceNanos;
        this.repeatNanos = repeatNanos;
    }

    /** An edge on {@code pin}; returns true if it is a new press. */
    public synchronized boolean edge(int pin, boolean active, long nowNanos) {
        long[] s = pins.computeIfAbsent(pin, p -> new long[] {Long.MIN_VALUE / 2, Long.MIN_VALUE / 2});
        boolean quiet = nowNanos - s[0] >= debounceNanos;
        s[0] = nowNanos;
        if (!active || !quiet || nowNanos - s[1] < repeatNanos) {
            return false;
        }
        s[1] = nowNanos;
        return true;
    }
}
