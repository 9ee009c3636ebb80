package vn.motcua.bus.bench;

/**
 * The floor the line rate sets on press-to-shown with {@code boards} boards polled round robin:
 * a press waits for its board's poll (uniform over one cycle of POLL + empty STATUS exchanges),
 * then its STATUS carries the event, then one SHOW + STATUS exchange lights the digits.
 * Bytes on the wire divided by the line rate, 10 bits per byte; no turnaround or OS time.
 */
record WireLimit(int boards, int baud) {
    static final int POLL = 10;
    static final int STATUS_EMPTY = 11;
    static final int STATUS_ONE_EVENT = 14;
    static final int SHOW = 16;

    double byteMs() {
        return 10_000.0 / baud;
    }

    double cycleMs() {
        return boards * (POLL + STATUS_EMPTY) * byteMs();
    }

    /** Limit at percentile p: the poll wait is the p-quantile of uniform(0, cycle). */
    double atPercentile(double p) {
        return p * cycleMs() + (STATUS_ONE_EVENT - STATUS_EMPTY + SHOW + STATUS_EMPTY) * byteMs();
    }
}
