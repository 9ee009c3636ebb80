package vn.motcua.appliance.store;

import java.util.Optional;

/**
 * Decides at start-up whether the store must be restored from the district's copy of this device's events, and
 * from which seq. One small function on purpose: each way of knowing "the store holds less than was issued" is one
 * more condition here.
 */
public final class StoreRestore {
    private StoreRestore() {}

    /**
     * The seq to ask the district from, or empty when the store is to be trusted as it is. Today: the store holds no
     * business day (new, or lost) and either the watermarks prove tickets were issued here before (a reserved day), or the config says this device replaces another ({@code [store] restore_from_district}, set by
     * {@code motcua-provision replace}). With no day held the whole day is wanted: from seq 1, which the district
     * may answer from its last day start. (Rows recorded at open, e.g. a {@code store.recovered}, do not count as
     * a day: they keep their seqs, see {@link QueueStore#restore}.)
     *
     * <p>A store that holds a day but came back incomplete (its journal damaged, or lost beside the database: see
     * {@link QueueStore#incomplete()}) asks from the seq after the last one it could replay; the restore then
     * rebuilds on top of the stored day.
     */
    public static Optional<Long> needed(QueueStore store, Watermarks watermarks, boolean replacesADevice) {
        if (store.holdsDayState()) {
            return store.incomplete() ? Optional.of(store.replayOutcome().replayedTo() + 1) : Optional.empty();
        }
        // a reserved day, not a reserved seq: a new device that recorded only device events (a board offline,
        // a printer without paper) before its first ticket has nothing to restore, and must not wait for the district
        if (watermarks.reservedADay() || replacesADevice) {
            return Optional.of(1L);
        }
        return Optional.empty();
    }
}
