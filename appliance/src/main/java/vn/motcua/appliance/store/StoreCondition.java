package vn.motcua.appliance.store;

import java.time.Clock;
import java.time.Instant;

/**
 * How the store is doing, as data: the data folder's free space (from {@link DiskSpaceWatch}) and the last failed
 * durable write, if the store has not recovered since. Written by the store and the watch, read by /healthz, the
 * metrics and the queue service (which pauses new tickets while the store is failing).
 *
 * <p>Two kinds of failure, because they heal differently: a durable write that failed (journal, watermarks, an H2
 * checkpoint) heals when such a write succeeds again; H2 itself failing to write leaves its database unusable
 * (MVStore keeps failing, then closes itself, and never writes again), so it heals only by reopening H2 and
 * replaying the journal (see {@link QueueStore#reopen}). Meanwhile commits are made durable by the journal alone.
 */
public final class StoreCondition {
    /** What a failure is shown as; {@code noSpace} when the cause was the device being full. */
    public record Failure(String what, String cause, boolean noSpace, Instant since) {}

    /** Below this a failed write is taken as the device being full even when the error does not say so. */
    static final long NEARLY_FULL = 1024 * 1024;

    private final Clock clock;
    private volatile long freeBytes = -1;
    private volatile long lowBytes = 64L * 1024 * 1024;
    private volatile Failure failure;
    private volatile boolean databaseFailed;

    public StoreCondition(Clock clock) {
        this.clock = clock;
    }

    /** A durable write failed; new tickets are paused until {@link #recovered()}. */
    public void writeFailed(String what, Throwable cause) {
        Failure f = failure;
        failure = new Failure(what, rootMessage(cause), noSpace(cause) || (freeBytes >= 0 && freeBytes < NEARLY_FULL),
                f == null ? clock.instant() : f.since());
    }

    /** H2 could not write: its database must be reopened before it is used again. */
    public void databaseFailed(Throwable cause) {
        databaseFailed = true;
        writeFailed("database write", cause);
    }

    public boolean databaseFailed() {
        return databaseFailed;
    }

    /** Every failed write has been made good (the database reopened and synced, a test write succeeded). */
    public void recovered() {
        databaseFailed = false;
        failure = null;
    }

    public Failure failure() {
        return failure;
    }

    public boolean failing() {
        return failure != null;
    }

    void freeSpace(long bytes, long low) {
        freeBytes = bytes;
        lowBytes = low;
    }

    /** Usable bytes in the data folder at the last look, -1 before the first. */
    public long freeBytes() {
        return freeBytes;
    }

    public long lowBytes() {
        return lowBytes;
    }

    public boolean spaceLow() {
        return freeBytes >= 0 && freeBytes < lowBytes;
    }

    /** Whether {@code t} or one of its causes says the device is full (ENOSPC, or a quota). */
    public static boolean noSpace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, on one line, printable: for /healthz and the log. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.lines().findFirst().orElse("").replaceAll("[^\\x20-\\x7e\\u00a0-\\u024f\\u1e00-\\u1eff]", "?");
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
