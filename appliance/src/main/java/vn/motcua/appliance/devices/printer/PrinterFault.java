package vn.motcua.appliance.devices.printer;

/** One reason the printer cannot (or soon cannot) print. Several may hold at once. */
public enum PrinterFault {
    /** Roll paper end sensor: no paper. Blocks printing. */
    PAPER_END(true),
    /** Roll paper near-end sensor: change the roll soon. Printing still works. */
    PAPER_NEAR_END(false),
    /** Cover open. Blocks printing. */
    COVER_OPEN(true),
    /** The printer reports itself offline (any cause, including one it does not name). */
    OFFLINE(true),
    /** Cutter jam or an unrecoverable / auto-recoverable error reported by the printer. */
    MECHANICAL_ERROR(true),
    /** A write failed or did not finish in time: the ticket may be half-printed. */
    WRITE_FAILED(true),
    /** The printer did not answer a status query in time on a two-way link. */
    NO_RESPONSE(true),
    /** The device (tty or usblp) could not be opened. */
    LINK_DOWN(true);

    private final boolean blocksPrinting;

    PrinterFault(boolean blocksPrinting) {
        this.blocksPrinting = blocksPrinting;
    }

    /** True if a ticket cannot be printed while this holds. */
    public boolean blocksPrinting() {
        return blocksPrinting;
    }
}
