package vn.motcua.appliance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreCondition;

/**
 * Brings the store back by itself once the disk has room again, on the one scheduler: while a durable write has
 * failed, every few seconds (and only when the data folder shows some free space, so a full disk is not hammered)
 * it reopens H2 if H2 failed, rebuilding it from the journal as at start, or else proves a synced write works
 * (a test file and an H2 checkpoint); then the queue is rebuilt from the store and new tickets are taken again.
 */
final class StoreHealing {
    private static final Logger log = LoggerFactory.getLogger(StoreHealing.class);
    static final long EVERY_SECONDS = 5;
    /** Room needed before trying: the probe, an H2 chunk or two and the journal's base record. */
    static final long MIN_FREE = 1024 * 1024;

    private final QueueService queue;
    private final StoreCondition condition;
    private final Path dir;
    private final Runnable afterReopen;
    private int failedTries;

    /** @param afterReopen told once H2 was reopened (the uplink resends what the reopened outbox holds as pending) */
    StoreHealing(QueueService queue, Path dir, Runnable afterReopen) {
        this.queue = queue;
        this.condition = queue.storeCondition();
        this.dir = dir;
        this.afterReopen = afterReopen;
    }

    java.util.concurrent.ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(this::tryOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** One attempt, if the store is failing and there seems to be room; true when it is healthy afterwards. */
    boolean tryOnce() {
        if (!condition.failing()) {
            return true;
        }
        if (condition.freeBytes() >= 0 && condition.freeBytes() < MIN_FREE) {
            return false;
        }
        try {
            boolean reopen = condition.databaseFailed();
            queue.healStore(this::heal);
            log.info("Store recovered after {} tries: {}", failedTries + 1,
                    "the database is writing again and new tickets are taken");
            failedTries = 0;
            if (reopen) {
                afterReopen.run();
            }
            return true;
        } catch (Exception e) {
            if (failedTries++ % 12 == 0) { // once a minute is enough in the log
                log.warn("Store still failing ({}); tried {} times", e.toString().lines().findFirst().orElse(""), failedTries);
            }
            return false;
        }
    }

    private void heal(QueueStore store) throws Exception {
        probeWrite();
        if (condition.databaseFailed()) {
            store.reopen(() -> Database.reopen(dir));
        } else {
            store.checkpoint();
        }
        condition.recovered();
    }

    /** A small synced write, removed again: the watermarks and the journal's neighbours need this much. */
    private void probeWrite() throws IOException {
        Path probe = dir.resolve(".motcua-space-probe");
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.allocate(64 * 1024));
            ch.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
