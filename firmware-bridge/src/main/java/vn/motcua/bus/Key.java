package vn.motcua.bus;

import java.util.Optional;

/**
 * The counter keypad's function keys and the resident's rating buttons, with their wire codes
 * (hardware-docs/counter-bus.md §4; the shared vectors list the same names and codes).
 */
public enum Key {
    CALL_NEXT(0x01),
    RECALL(0x02),
    /** The resident did not come: no-show. */
    SKIP(0x03),
    /** Comes with the target counter typed on the keypad's digits, see {@link KeyEvent#transferTarget}. */
    TRANSFER(0x04),
    START(0x05),
    DONE(0x06),
    PAUSE(0x07),
    /** The resident must fetch a missing paper: the ticket waits aside (protocol 1.1). */
    PARK(0x08),
    /** Calls back the ticket this counter parked first (protocol 1.1). */
    CALL_PARKED(0x09),
    /** Calls back the ticket this counter skipped last, within the recall window (protocol 1.1). */
    RECALL_NO_SHOW(0x0A),
    /** Rất hài lòng (very satisfied). */
    RATE_1(0x11),
    /** Hài lòng (satisfied). */
    RATE_2(0x12),
    /** Bình thường (neutral). */
    RATE_3(0x13),
    /** Không hài lòng (not satisfied). */
    RATE_4(0x14);

    private final int code;

    Key(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isRating() {
        return code >= 0x11;
    }

    public static Optional<Key> ofCode(int code) {
        for (Key k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
