package vn.motcua.appliance.domain;

import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * Whether the wall clock can be believed now, and which of today's tickets were issued while it could not.
 *
 * <p>The Pi has no real-time clock: after a power cut it comes back at the last saved time until NTP syncs, maybe
 * for days if the district link is down. While the clock is untrusted, opening hours are not enforced (no resident
 * is turned away by a clock that may be hours off) and the day rolls only in an idle office (no active ticket);
 * once it is trusted again, the roll still waits for every ticket issued under it to end, so nobody's ticket
 * expires because the clock jumped when it synchronised. Numbering and the call order never use the clock.
 */
final class UntrustedClock {
    private final BooleanSupplier trusted;

    /**
     * The first and last ordinals of today issued while the wall clock was untrusted (first &gt; last: none). Those
     * residents came in on a day the clock could not vouch for: the next roll waits until none of them is active.
     */
    private long first = Long.MAX_VALUE;
    private long last = -1;

    /** @param lastOrdinal the last ordinal issued before this engine started */
    UntrustedClock(BooleanSupplier trusted, long lastOrdinal) {
        this.trusted = trusted;
        // Restarted under an untrusted clock: any resident waiting may have come in under it.
        if (!trusted.getAsBoolean()) {
            first = 0;
            last = lastOrdinal;
        }
    }

    boolean trusted() {
        return trusted.getAsBoolean();
    }

    /** Notes ticket {@code ordinal}, issued when the clock read {@code trustedThen}. */
    void issued(long ordinal, boolean trustedThen) {
        if (!trustedThen) {
            first = Math.min(first, ordinal);
            last = ordinal;
        }
    }

    /**
     * Whether a new day, were it due now, would wait: the clock is untrusted and a ticket is active, or a ticket
     * issued while it was untrusted is still active.
     */
    boolean holdsDayRoll(Collection<Ticket> today) {
        boolean now = trusted.getAsBoolean();
        return today.stream().anyMatch(t -> !t.status().isTerminal()
                && (!now || (t.ordinal() >= first && t.ordinal() <= last)));
    }

    /** A new day began: none of its tickets was issued yet, under any clock. */
    void forgetDay() {
        first = Long.MAX_VALUE;
        last = -1;
    }

    /** Carries what is known here into the bookkeeping of a replacement engine (rebuilt, restored, re-laid out). */
    void handOverTo(UntrustedClock next) {
        next.first = Math.min(next.first, first);
        next.last = Math.max(next.last, last);
    }
}
