package vn.motcua.appliance.store;

import java.util.Optional;

/**
 * Decides at start-up whether the store must be restored from the district's copy of this device's events, from
 * which seq, and how the answer joins what the store holds. One small function on purpose: each way of knowing "the
 * store holds less than was issued" is one more condition here.
 */
public final class StoreRestore {
    private StoreRestore() {}

    /** How the district's events join the store. */
    public enum Mode {
        /** The store holds no day: the day is rebuilt from the events alone. */
        WHOLE_DAY,
        /**
         * The store holds the day, but not all of it: its journal came back damaged or incomplete, or its database was
         * lost and the journal's base record (which keeps only tickets still in the queue) gave back the live queue.
         * The day's events, from its start, are joined with what is held; those after it go on top.
         */
        HELD_DAY
    }

    /** What to ask the district for. */
    public record Request(long fromSeq, boolean fromDayStart, Mode mode) {}

    /**
     * The request to make, or empty when the store is to be trusted as it is.
     * <ul>
     * <li>No business day held (new, or lost), and either the watermarks prove tickets were issued here before (a
     * reserved day), or the config says this device replaces another ({@code [store] restore_from_district}, set by
     * {@code motcua-provision replace}): the whole day, from seq 1, which the district may answer from its last day
     * start. (Rows recorded at open, e.g. a {@code store.recovered}, do not count as a day: they keep their seqs, see
     * {@link QueueStore#restore}.)
     * <li>A day held but not all of it: its journal damaged, or lost beside the database ({@link
     * QueueStore#incomplete()}), seqs missing from what it replayed, or its database lost while the journal gave back
     * the live queue ({@link HistoryWanted}): the whole day again, joined with what is held.
     * </ul>
     *
     * @param historyLost the database was lost and the journal gave the day back ({@link HistoryWanted#isMarked})
     */
    public static Optional<Request> needed(QueueStore store, Watermarks watermarks, boolean replacesADevice,
                                           boolean historyLost) {
        if (store.holdsDayState()) {
            boolean lostSome = historyLost || store.incomplete() || !store.replayOutcome().missing().isEmpty();
            return lostSome ? Optional.of(new Request(1, true, Mode.HELD_DAY)) : Optional.empty();
        }
        // a reserved day, not a reserved seq: a new device that recorded only device events (a board offline,
        // a printer without paper) before its first ticket has nothing to restore, and must not wait for the district
        if (watermarks.reservedADay() || replacesADevice) {
            return Optional.of(new Request(1, true, Mode.WHOLE_DAY));
        }
        return Optional.empty();
    }
}
