package vn.motcua.appliance.uplink;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a Paho callback (Paho's own threads) to the appliance's scheduler. During shutdown the scheduler is
 * already closed while Paho still reports the connection going away: that callback has nothing left to do,
 * so it is dropped quietly instead of dying as an uncaught exception on Paho's thread.
 */
final class Handoff {
    private static final Logger log = LoggerFactory.getLogger(Handoff.class);

    private Handoff() {
    }

    static void toScheduler(Executor scheduler, String what, Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("scheduler stopped: {} dropped", what);
        }
    }
}
