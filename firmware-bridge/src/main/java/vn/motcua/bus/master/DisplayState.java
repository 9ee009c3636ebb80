package vn.motcua.bus.master;

/**
 * What a board should show: 4 padded ticket characters, counter 0..99 or blank, blink.
 *
 * @param text    exactly 4 renderable characters
 * @param counter 0..99, or -1 for blank (a CLEAR)
 */
record DisplayState(String text, int counter, boolean blink) {
    static final DisplayState BLANK = new DisplayState("    ", -1, false);

    boolean blank() {
        return counter < 0;
    }
}
