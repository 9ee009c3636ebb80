package vn.motcua.bus;

import java.time.Instant;

/**
 * A board's link state, as the health and staff pages show it and the uplink publishes it.
 *
 * @param state   UNKNOWN until the first exchange, then ONLINE or OFFLINE
 * @param reason  why, in words a technician understands: {@code "no-reply"}, {@code "bad-crc"},
 *                {@code "bad-reply"}, {@code "port-closed: ..."}, {@code "rebooted"}, ...
 * @param since   when the state or reason last changed
 * @param reboots reboots noticed since the bus started (power glitches, watchdog resets)
 */
public record BoardStatus(State state, String reason, Instant since, int reboots) {

    public enum State { UNKNOWN, ONLINE, OFFLINE }

    public boolean online() {
        return state == State.ONLINE;
    }
}
