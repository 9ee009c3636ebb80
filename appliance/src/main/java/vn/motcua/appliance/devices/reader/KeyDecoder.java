package vn.motcua.appliance.devices.reader;

/**
 * Key events to typed bytes (pure, stateful: tracks Shift). Only presses type; releases and
 * auto-repeat do not. Enter / keypad Enter / Tab become CR / CR / TAB so {@link ScanFramer} ends the scan.
 */
final class KeyDecoder {
    private boolean leftShift;
    private boolean rightShift;

    byte[] accept(InputEvents.Event e) {
        if (e.type() != InputEvents.EV_KEY) {
            return new byte[0];
        }
        int code = e.code();
        if (code == UsKeymap.KEY_LEFTSHIFT || code == UsKeymap.KEY_RIGHTSHIFT) {
            boolean down = e.value() != InputEvents.KEY_RELEASE;
            if (code == UsKeymap.KEY_LEFTSHIFT) leftShift = down; else rightShift = down;
            return new byte[0];
        }
        if (e.value() != InputEvents.KEY_PRESS) {
            return new byte[0];
        }
        if (code == UsKeymap.KEY_ENTER || code == UsKeymap.KEY_KPENTER) {
            return new byte[] {'\r'};
        }
        if (code == UsKeymap.KEY_TAB) {
            return new byte[] {'\t'};
        }
        char c = UsKeymap.charOf(code, leftShift || rightShift);
        return c == 0 ? new byte[0] : new byte[] {(byte) c};
    }
}
