package vn.motcua.bus.codec;

/**
 * What the counter boards can draw (counter-bus.md §6): the same table as firmware/core/display.c.
 * The appliance uses {@link #canRender} to validate service prefixes when it loads its config.
 */
public final class SevenSegment {
    private static final String CHARS = "0123456789ABCDEFGHIJLNOPQRSTUY- ";
    private static final int[] SEGMENTS = {
        0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F,
        0x77, 0x7C, 0x39, 0x5E, 0x79, 0x71, 0x3D, 0x76, 0x30, 0x1E,
        0x38, 0x54, 0x5C, 0x73, 0x67, 0x50, 0x6D, 0x78, 0x3E, 0x6E,
        0x40, 0x00};

    private SevenSegment() {}

    /** Segment byte (bit 0 = a .. bit 6 = g) for a character, or -1 if it has no glyph. */
    public static int segments(char c) {
        int i = CHARS.indexOf(Character.toUpperCase(c));
        return c < 0x80 && i >= 0 ? SEGMENTS[i] : -1;
    }

    public static boolean canRender(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (segments(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 4 characters a ticket number occupies on the board, right-aligned.
     *
     * @throws IllegalArgumentException if longer than 4 or not renderable, with the reason
     */
    public static String pad(String ticket) {
        if (ticket.length() > 4) {
            throw new IllegalArgumentException("ticket number has more than 4 characters: '" + ticket + "'");
        }
        if (!canRender(ticket)) {
            throw new IllegalArgumentException("ticket number '" + ticket
                    + "' has a character the 7-segment boards cannot show (K M V W X Z and non-ASCII are refused)");
        }
        return " ".repeat(4 - ticket.length()) + ticket;
    }
}
