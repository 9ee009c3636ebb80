package vn.motcua.appliance;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * The appliance's periodic jobs, all on the one scheduler thread: time passing in the queue (new day, expired
 * no-shows), pruning delivered events, store checkpoints and the systemd watchdog. A failing job is logged and
 * runs again next time.
 */
final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final QueueService queue;
    private final QueueStore store;
    private final Duration outboxRetention;
    private final SystemdNotifier notifier;
    private final Clock clock;

    Housekeeping(QueueService queue, QueueStore store, Duration outboxRetention, SystemdNotifier notifier, Clock clock) {
        this.queue = queue;
        this.store = store;
        this.outboxRetention = outboxRetention;
        this.notifier = notifier;
        this.clock = clock;
    }

    void schedule(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(this::checkpoint, 5, 5, TimeUnit.MINUTES);
    }

    /** Once serving: the watchdog pings, at half systemd's interval. */
    void startWatchdog(ScheduledExecutorService scheduler) {
        notifier.watchdogInterval().ifPresent(every -> scheduler.scheduleAtFixedRate(this::watchdog, 0,
                every.dividedBy(2).toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Tells systemd the main loops are alive: this runs on the one scheduler thread, and reads the queue under
     * the lock every command takes. A stuck command or scheduler stops the pings and systemd restarts us.
     */
    private void watchdog() {
        queue.read(e -> e.day());
        notifier.watchdog();
    }

    private void tick() {
        try {
            queue.tick();
        } catch (RuntimeException e) {
            log.warn("Scheduled queue tick failed", e);
        }
    }

    private void prune() {
        try {
            int n = store.pruneDeliveredBefore(clock.instant().minus(outboxRetention));
            if (n > 0) {
                log.info("Pruned {} delivered events older than {}", n, outboxRetention);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox pruning failed", e);
        }
    }

    private void checkpoint() {
        try {
            store.checkpoint();
        } catch (SQLException | RuntimeException e) {
            log.warn("Store checkpoint failed", e);
        }
    }
}
