package vn.motcua.appliance.service;

import java.util.function.Supplier;

import vn.motcua.appliance.store.DiskSpaceWatch;
import vn.motcua.appliance.store.StoreCondition;

/**
 * The {@code store} part of /healthz: red while a durable write has failed (naming what failed and why), else what
 * the store reported at open (a database moved aside is red until a technician looks), else green with the free
 * space, flagged "low on space" below the threshold ({@code [store] low_space_mib}): a warning, not a fault, since
 * nothing has failed yet.
 */
public final class StoreHealth {
    private StoreHealth() {}

    public static Supplier<Health.Status> of(StoreCondition c, Supplier<Health.Status> atOpen) {
        return () -> {
            StoreCondition.Failure f = c.failure();
            if (f != null) {
                return Health.Status.fault(f.noSpace() ? "disk full" : "failing", f.what() + " failed since " + f.since()
                        + ": " + f.cause() + "; " + free(c) + "; new tickets paused, calls go on"
                        + (c.databaseFailed() ? " while the journal has room; the database is reopened when space returns"
                                : "; retried when space returns"));
            }
            Health.Status open = atOpen.get();
            if (!open.ok()) {
                return open;
            }
            if (c.spaceLow()) {
                return new Health.Status(true, "low on space", free(c) + ", below " + DiskSpaceWatch.mib(c.lowBytes()));
            }
            return new Health.Status(true, open.state(), c.freeBytes() < 0 ? null : free(c));
        };
    }

    private static String free(StoreCondition c) {
        return c.freeBytes() < 0 ? "free space unknown" : DiskSpaceWatch.mib(c.freeBytes()) + " free (" + c.freeBytes() + " bytes)";
    }
}
