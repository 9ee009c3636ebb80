package vn.motcua.appliance.devices.reader;

/**
 * Linux key codes ({@code linux/input-event-codes.h}) to ASCII for a US-layout keyboard, which is
 * what keyboard-mode scanners emulate. ASCII only: that is all a keyboard can type, which is why CCCD
 * cards (Vietnamese names) need the reader in USB-serial mode.
 */
public final class UsKeymap {
    public static final int KEY_ENTER = 28;
    public static final int KEY_KPENTER = 96;
    public static final int KEY_TAB = 15;
    public static final int KEY_LEFTSHIFT = 42;
    public static final int KEY_RIGHTSHIFT = 54;

    private static final char[] PLAIN = new char[128];
    private static final char[] SHIFT = new char[128];

    static {
        row(2, "1234567890-=", "!@#$%^&*()_+");
        row(16, "qwertyuiop[]", "QWERTYUIOP{}");
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~");
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?");
        row(57, " ", " ");
        // keypad (Num Lock on, as scanners send it)
        row(71, "789-456+1230.", "789-456+1230.");
        row(55, "*", "*");
        row(98, "/", "/");
    }

    private UsKeymap() {}

    private static void row(int first, String plain, String shifted) {
        for (int i = 0; i < plain.length(); i++) {
            PLAIN[first + i] = plain.charAt(i);
            SHIFT[first + i] = shifted.charAt(i);
        }
    }

    /** The character a key press types, or 0 if it types none (modifiers, function keys). */
    public static char charOf(int code, boolean shift) {
        if (code < 0 || code >= PLAIN.length) {
            return 0;
        }
        return shift ? SHIFT[code] : PLAIN[code];
    }

    /** The key code and shift state that type {@code c}, for the simulator; -1 if it cannot be typed. */
    public static int[] keyFor(char c) {
        for (int code = 0; code < PLAIN.length; code++) {
            if (code >= 71 && code <= 83) {
                continue; // prefer the main block over the keypad
            }
            if (PLAIN[code] == c) return new int[] {code, 0};
            if (SHIFT[code] == c) return new int[] {code, 1};
        }
        return new int[] {-1, 0};
    }
}
