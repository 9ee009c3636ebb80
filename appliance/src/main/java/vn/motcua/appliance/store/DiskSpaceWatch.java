package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the data folder's free space every few seconds and tells the {@link StoreCondition}, so a filling SD
 * card shows on /healthz and /metrics before a write fails. Logs once when it falls below the threshold and once
 * when it is back above.
 */
public final class DiskSpaceWatch {
    private static final Logger log = LoggerFactory.getLogger(DiskSpaceWatch.class);
    static final long EVERY_SECONDS = 5;

    private final Path dir;
    private final long lowBytes;
    private final StoreCondition condition;
    private boolean wasLow;

    public DiskSpaceWatch(Path dir, long lowBytes, StoreCondition condition) {
        this.dir = dir;
        this.lowBytes = lowBytes;
        this.condition = condition;
    }

    /** Looks now, then every few seconds until the returned job is cancelled. */
    public java.util.concurrent.ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
        look();
        return scheduler.scheduleWithFixedDelay(this::look, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** One look; the scheduler calls it, tests may too. */
    public void look() {
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the free space of {}: {}", dir, e.toString());
            return;
        }
        condition.freeSpace(free, lowBytes);
        boolean low = free < lowBytes;
        if (low != wasLow) {
            if (low) {
                log.warn("Data folder {} is low on space: {} free, below {}", dir, mib(free), mib(lowBytes));
            } else {
                log.info("Data folder {} has room again: {} free", dir, mib(free));
            }
            wasLow = low;
        }
    }

    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
