package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The appliance's one scheduler thread (periodic jobs of every part). The executor exists from construction so that
 * parts can be handed it, but its thread runs only from {@link #start} until {@link #close}, which comes after the
 * parts that use it have closed (the uplink publishes "offline" on it) and before the store closes.
 */
final class Scheduler implements Part {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "scheduler");
        t.setDaemon(true);
        return t;
    });

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public void start() {
        executor.prestartCoreThread();
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(2, TimeUnit.SECONDS);
    }
}
