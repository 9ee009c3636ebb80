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

    /**
     * What an unknown name is checked against, so the answer takes as long as for a known name and reveals nothing;
     * its memory is kept while such checks come (one 7 MiB block, held softly: given back when unknown names stop),
     * and each check of it takes a permit like any.
     */
    private PasswordHash.Reusable unknownName;
    /**
     * How long a check against an account's hash takes lately (nanoseconds, a moving average). Reusing memory makes
     * the unknown name's check faster (measured 58 ms against 115 ms), which would tell a guesser which names
     * exist; so its answer is held back, with its permit, until it has taken as long.
     */
    private final AtomicLong freshNanos = new AtomicLong();
    private final Semaphore permits;
    private final int size;
    /** Checks waiting or computing now: bounded for sources with failures, so a queue of guesses stays short. */
    private final java.util.concurrent.atomic.AtomicInteger inLine = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong computed = new AtomicLong();

    /** Builds the budget only; the hashing it needs is done by {@link #prepare}, not on the start path. */
    public PasswordChecks(int permits) {
        this.size = permits;
        // fair: a clerk's login waits behind at most the checks already queued, never behind later ones
        this.permits = new Semaphore(permits, true);
    }

    /**
     * Makes the unknown name's reusable hash and a first figure for its answer (one fresh hash's time), once. Both
     * cost a cold JVM over a second (Argon2's first runs): the appliance calls this after READY, and a check of an
     * unknown name calls it too, in case a login comes first.
     */
    public synchronized void prepare() {
        if (unknownName != null) {
            return;
        }
        long t0 = System.nanoTime();
        PasswordHash.hash("calibration".toCharArray());
        freshNanos.compareAndSet(0, System.nanoTime() - t0); // an account's check may have given a figure already
        unknownName = new PasswordHash.Reusable("not-a-password".toCharArray());
    }

    /** Whether {@link #prepare} ran. */
    synchronized boolean prepared() {
        return unknownName != null;
    }

    private synchronized PasswordHash.Reusable unknownName() {
        prepare();
        return unknownName;
    }

    /** Sized for this JVM: {@code min(heap / 4 / cost, processors / 2)}, at least 1. */
    public static PasswordChecks forThisMachine() {
        long cost = PasswordHash.MEMORY_KIB * 1024L + OVERHEAD_BYTES;
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / cost;
        long byCpu = Runtime.getRuntime().availableProcessors() / 2;
        return new PasswordChecks((int) Math.max(1, Math.min(byHeap, byCpu)));
    }

    /**
     * Whether {@code password} matches {@code stored} (an account's hash, or null for a name that does not exist:
     * then always false, at the same cost); empty when no permit came within {@code wait} (nothing was computed).
     */
    public Optional<Boolean> verify(char[] password, String stored, Duration wait) {
        return verify(password, stored, wait, true);
    }

    /**
     * As {@link #verify(char[], String, Duration)}; a check from a source with recent failures ({@code clean} false)
     * is not even queued when {@link #maxInLine()} checks are waiting or computing already: it is answered "busy" at
     * once. So a flood of guesses can make the line only that long, and a clerk whose PC never failed waits behind
     * at most that many checks (issue 21: behind every guess of the flood, a clerk waited 9 s).
     */
    public Optional<Boolean> verify(char[] password, String stored, Duration wait, boolean clean) {
        if (inLine.incrementAndGet() > maxInLine() && !clean) {
            inLine.decrementAndGet();
            return Optional.empty();
        }
        try {
            return check(password, stored, wait);
        } finally {
            inLine.decrementAndGet();
        }
    }

    /** Checks from sources with failures allowed to wait or compute at once: twice the permits. */
    public int maxInLine() {
        return 2 * size;
    }

    private Optional<Boolean> check(char[] password, String stored, Duration wait) {
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
            long t0 = System.nanoTime();
            if (stored == null) {
                unknownName().verify(password); // the work is the point: the answer is no
                long left = freshNanos.get() - (System.nanoTime() - t0);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
                return Optional.of(false);
            }
            boolean ok = PasswordHash.verify(password, stored);
            long took = System.nanoTime() - t0;
            freshNanos.getAndUpdate(avg -> avg == 0 ? took : avg + (took - avg) / 8);
            return Optional.of(ok);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(false);
        } finally {
            permits.release();
        }
    }

    /**
     * A new password's hash (a manager setting one), under the same permits as the checks: the heap budget holds
     * whoever asks. Empty when no permit came within {@code wait} (nothing was computed).
     */
    public Optional<String> hash(char[] password, Duration wait) {
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
            return Optional.of(PasswordHash.hash(password));
        } finally {
            permits.release();
        }
    }

    /** Checks waiting for a permit or computing now. */
    public int inLine() {
        return inLine.get();
    }

    public int permits() {
        return size;
    }

    /** Hashes computed since start. */
    public long computed() {
        return computed.get();
    }
}
