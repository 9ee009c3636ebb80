package vn.motcua.appliance;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreCondition;

/**
 * What a watchdog ping vouches for: the queue's lock can be taken within a bound (every command and the queue's
 * periodic jobs take it) and the store answers a query (under its own lock), unless the store is waiting to be
 * reopened after an H2 failure: the appliance heals that itself (StoreHealing), a restart would not do better, so
 * it does not withhold a ping. Both locks are monitors, which cannot be tried with a timeout, so the look runs on a
 * probe thread that the caller waits for; a probe stuck on a wedged lock stays the one probe (it is waited for
 * again, no second one piles up behind it) and the look fails until it gets through.
 */
final class Liveness {
    private static final Logger log = LoggerFactory.getLogger(Liveness.class);
    private static final Executor PROBES = r -> Thread.ofVirtual().name("liveness-probe").start(r);

    private final QueueService queue;
    private final QueueStore store;
    private final StoreCondition condition;
    private final AtomicLong failed = new AtomicLong();
    private CompletableFuture<Void> probe;
    private boolean failing;

    Liveness(QueueService queue, QueueStore store) {
        this.queue = queue;
        this.store = store;
        this.condition = store.condition();
    }

    /** True when the queue and the store answered within {@code bound}; a failure is logged when it starts. */
    synchronized boolean check(Duration bound) {
        if (probe == null || probe.isDone()) {
            probe = CompletableFuture.runAsync(this::look, PROBES);
        }
        String why;
        try {
            probe.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            if (failing) {
                log.info("Queue and store answer again: watchdog pings resume");
                failing = false;
            }
            return true;
        } catch (TimeoutException e) {
            why = "the queue or the store did not answer within " + bound.toMillis() + " ms";
        } catch (ExecutionException e) {
            why = "the store failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        failed.incrementAndGet();
        if (!failing) {
            log.error("Watchdog ping withheld ({}); systemd restarts the appliance if this lasts", why);
            failing = true;
        }
        return false;
    }

    /** Looks that failed so far (each withheld a ping). */
    long failedCount() {
        return failed.get();
    }

    private void look() {
        queue.read(e -> e.day());
        if (condition.databaseFailed()) {
            return; // waiting to be reopened: StoreHealing's job, not systemd's
        }
        try {
            store.answer();
        } catch (RuntimeException e) {
            if (!condition.databaseFailed()) { // it may have failed just now: then it is healing's job too
                throw e;
            }
        }
    }
}
