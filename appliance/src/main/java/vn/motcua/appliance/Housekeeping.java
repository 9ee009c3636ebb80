package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.DiskSpaceWatch;
import vn.motcua.appliance.store.QueueStore;

/**
 * The appliance's periodic jobs, all on the one scheduler thread: time passing in the queue (new day, expired
 * no-shows), pruning delivered events, store checkpoints, the disk-space watch and, with durable commits, the
 * store healing itself once the disk has room again. A failing job is logged and runs again next time.
 */
final class Housekeeping implements Part {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ApplianceConfig config;
    private final QueueService queue;
    private final QueueStore store;
    private final Runnable storeReopened;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration outboxRetention;
    private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

    /** @param storeReopened told once healing reopened H2 (the uplink resends what the outbox holds as pending) */
    Housekeeping(ApplianceConfig config, QueueService queue, QueueStore store, Runnable storeReopened, Shared shared) {
        this.config = config;
        this.queue = queue;
        this.store = store;
        this.storeReopened = storeReopened;
        this.scheduler = shared.scheduler();
        this.clock = shared.clock();
        this.outboxRetention = config.store().outboxRetention();
    }

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public synchronized void start() {
        jobs.add(scheduler.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS));
        jobs.add(scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES));
        jobs.add(scheduler.scheduleWithFixedDelay(this::checkpoint, 5, 5, TimeUnit.MINUTES));
        jobs.add(new DiskSpaceWatch(config.identity().dataDir(), config.store().lowSpaceBytes(), store.condition())
                .schedule(scheduler));
        if (config.store().durableCommits()) {
            jobs.add(new StoreHealing(queue, config.identity().dataDir(), storeReopened).schedule(scheduler));
        }
    }

    @Override
    public synchronized void close() {
        jobs.forEach(j -> j.cancel(false));
        jobs.clear();
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
