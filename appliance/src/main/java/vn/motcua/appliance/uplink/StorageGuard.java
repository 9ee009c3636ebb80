package vn.motcua.appliance.uplink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.store.Outbox;

/**
 * Watches the outbox and the disk it lives on. Always prunes delivered rows older than the
 * retention; under pressure prunes every delivered row and asks the appliance to shed telemetry
 * (see {@link #admitTelemetry()}): heartbeats and telemetry are never written to the outbox then,
 * so seqs stay gapless. Queue events are never dropped: at CRITICAL the condition is logged at
 * error, published retained and shown on the health page, so a person can act.
 */
public final class StorageGuard {
    private static final Logger log = LoggerFactory.getLogger(StorageGuard.class);

    public enum Level { OK, PRESSURE, CRITICAL }

    private final Outbox outbox;
    private final LongSupplier freeBytes;
    private final long minFree;
    private final long maxPending;
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong shed = new AtomicLong();
    private volatile Level level = Level.OK;

    /** @param freeBytes usable bytes where the store lives, or -1 when unknown */
    public StorageGuard(Outbox outbox, LongSupplier freeBytes, long minFree, long maxPending, Duration retention, Clock clock) {
        this.outbox = outbox;
        this.freeBytes = freeBytes;
        this.minFree = minFree;
        this.maxPending = maxPending;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs one check (on the scheduler) and returns the condition to publish. */
    public StatusMessages.Storage check() {
        Instant now = clock.instant();
        Level before = level;
        Instant everything = now.plusSeconds(1); // "before" is exclusive; a row committed this instant counts too
        int pruned = prune(before == Level.OK ? now.minus(retention) : everything);
        long pending = outbox.pendingCount();
        long free = freeBytes.getAsLong();
        Level now2 = classify(free, pending);
        if (now2 != Level.OK && before == Level.OK) {
            pruned += prune(everything); // make room at once rather than at the next check
        }
        level = now2;
        String detail = switch (now2) {
            case OK -> "ok";
            case PRESSURE -> "storage low: delivered events pruned, telemetry shed; queue events kept";
            case CRITICAL -> "storage nearly full: telemetry shed; queue events kept, free space needed now";
        };
        if (now2 != before) {
            if (now2 == Level.CRITICAL) {
                log.error("{} ({} events pending, {} bytes free)", detail, pending, free);
            } else {
                log.warn("storage condition {} -> {}: {} ({} pending, {} bytes free)", before, now2, detail, pending, free);
            }
        }
        return new StatusMessages.Storage(1, now, now2.name().toLowerCase(java.util.Locale.ROOT), pending,
                free < 0 ? null : free, shed.get(), pruned, detail);
    }

    /** Whether a heartbeat/telemetry event may be written to the outbox now; counts the ones shed. */
    public boolean admitTelemetry() {
        if (level == Level.OK) {
            return true;
        }
        shed.incrementAndGet();
        return false;
    }

    public Level level() { return level; }

    public long shedCount() { return shed.get(); }

    private Level classify(long free, long pending) {
        boolean freeKnown = free >= 0;
        if ((freeKnown && free < minFree) || pending > maxPending) {
            return Level.CRITICAL;
        }
        if ((freeKnown && free < 2 * minFree) || pending > maxPending * 8 / 10) {
            return Level.PRESSURE;
        }
        return Level.OK;
    }

    private int prune(Instant cutoff) {
        try {
            return outbox.pruneDeliveredBefore(cutoff);
        } catch (RuntimeException e) {
            log.warn("pruning delivered events failed", e);
            return 0;
        }
    }
}
