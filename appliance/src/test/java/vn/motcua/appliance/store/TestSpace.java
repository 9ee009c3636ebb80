package vn.motcua.appliance.store;

/** Sets what the disk-space watch would have seen, for tests outside the store package. */
public final class TestSpace {
    private TestSpace() {}

    public static void set(StoreCondition c, long freeBytes, long lowBytes) {
        c.freeSpace(freeBytes, lowBytes);
    }
}
