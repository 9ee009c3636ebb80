package vn.motcua.appliance.web.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget for password hashes: at most {@link #permits()} Argon2 computations at once, each needing
 * {@link PasswordHash#MEMORY_KIB} KiB of heap. Issue 21: with no bound, 16 logins at once ran a 128 MB heap out
 * of memory. The permits are sized from the heap (a quarter of it for hashing) and the processors (half of them,
 * at least one left to the queue), so the kiosk keeps its CPU and memory under any login flood. A check that
 * cannot get a permit within the wait is not made: the caller answers "busy" instead.
 */
public final class PasswordChecks {
    /** Heap an Argon2 computation takes beyond its memory blocks (objects, arrays), rounded up. */
    private static final long OVERHEAD_BYTES = 2L << 20;

    private final Semaphore permits;
    private final int size;
    private final AtomicLong computed = new AtomicLong();

    public PasswordChecks(int permits) {
        this.size = permits;
        // fair: a clerk's login waits behind at most the checks already queued, never behind later ones
        this.permits = new Semaphore(permits, true);
    }

    /** Sized for this JVM: {@code min(heap / 4 / cost, processors / 2)}, at least 1. */
    public static PasswordChecks forThisMachine() {
        long cost = PasswordHash.MEMORY_KIB * 1024L + OVERHEAD_BYTES;
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / cost;
        long byCpu = Runtime.getRuntime().availableProcessors() / 2;
        return new PasswordChecks((int) Math.max(1, Math.min(byHeap, byCpu)));
    }

    /**
     * Whether {@code password} matches {@code stored}; empty when no permit came within {@code wait} (nothing was
     * computed).
     */
    public Optional<Boolean> verify(char[] password, String stored, Duration wait) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            computed.incrementAndGet();
            return Optional.of(PasswordHash.verify(password, stored));
        } finally {
            permits.release();
        }
    }

    public int permits() {
        return size;
    }

    /** Hashes computed since start. */
    public long computed() {
        return computed.get();
    }
}
