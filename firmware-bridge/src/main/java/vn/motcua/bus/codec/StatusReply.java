package vn.motcua.bus.codec;

import java.util.List;

/**
 * A board's STATUS reply, decoded.
 *
 * @param epoch  the board's boot epoch (1..65535)
 * @param flags  FLAG_* bits of {@link Protocol}
 * @param events unacknowledged key events, oldest first (at most 4)
 */
public record StatusReply(int epoch, int flags, List<Event> events) {

    /** A key event as it travels: per-epoch sequence number, key code, argument. */
    public record Event(int seq, int key, int arg) {}

    public StatusReply {
        events = List.copyOf(events);
    }

    public boolean displayUnset() {
        return (flags & Protocol.FLAG_DISPLAY_UNSET) != 0;
    }

    public boolean overflow() {
        return (flags & Protocol.FLAG_OVERFLOW) != 0;
    }

    public boolean rejected() {
        return (flags & Protocol.FLAG_REJECTED) != 0;
    }
}
