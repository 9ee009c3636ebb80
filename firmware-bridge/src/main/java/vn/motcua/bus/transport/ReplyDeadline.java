package vn.motcua.bus.transport;

/**
 * The deadline of one wait for a reply on a bus, with one last look once it has passed: when the waiting thread did
 * not run for the whole timeout (a GC pause, a loaded CPU), a reply already there is still read once instead of the
 * attempt failing unread. Use from one thread.
 */
public final class ReplyDeadline {
    private final long deadline;
    private boolean lastLookTaken;

    public ReplyDeadline(long timeoutNanos) {
        this.deadline = System.nanoTime() + timeoutNanos;
    }

    /** How long the next read may wait: the time left, then 0 once (the last look), then -1: stop waiting. */
    public long nextWaitNanos() {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            return left;
        }
        if (lastLookTaken) {
            return -1;
        }
        lastLookTaken = true;
        return 0;
    }
}
