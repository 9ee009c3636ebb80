package vn.motcua.appliance;

import java.util.function.BooleanSupplier;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;

/**
 * The {@code clock} part of {@code /healthz}: whether the wall clock is trusted (time sync has synchronised) and
 * whether a new day is waiting on tickets. Never a fault: an untrusted clock is a state the office works through,
 * shown so a technician can see why opening hours are not enforced or why the numbers have not started again.
 */
final class ClockHealth {
    private ClockHealth() {}

    static void register(Health health, BooleanSupplier clockTrusted, QueueService queue) {
        health.register("clock", () -> status(clockTrusted.getAsBoolean(), queue.read(e -> e.dayRollHeld())));
    }

    static Health.Status status(boolean trusted, boolean rollHeld) {
        if (trusted) {
            return Health.Status.ok(rollHeld ? "synchronised; the day rolls once tickets issued before are done" : "synchronised");
        }
        return Health.Status.ok("not synchronised (wall time untrusted): opening hours not enforced"
                + (rollHeld ? ", the day rolls once no ticket is active" : ""));
    }
}
