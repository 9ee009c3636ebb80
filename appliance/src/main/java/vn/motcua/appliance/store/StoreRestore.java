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
     * business day's state (new, or lost) and either the watermarks prove seqs were issued here before (a reserved
     * seq above 0), or the config says this device replaces another ({@code [store] restore_from_district}, set by
     * {@code motcua-provision replace}). It asks from just above the highest seq the store holds anything for.
     */
    public static Optional<Long> needed(QueueStore store, Watermarks watermarks, boolean replacesADevice) {
        if (store.holdsDayState()) {
            return Optional.empty();
        }
        if (watermarks.reservedSeq() > 0 || replacesADevice) {
            return Optional.of(store.storedSeq() + 1);
        }
        return Optional.empty();
    }
}
