package vn.motcua.bus;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one bounded wait of every module's tests (shared through firmware-bridge's test-jar): waits for something a
 * real process or another thread will do, checking every 10 ms. The limit only stops a hung test; it is not a
 * timing assertion, so give it room (tens of seconds for anything that crosses a process).
 */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {}

    /** Fails the test with {@code what} (read only then, so it may describe the state at the deadline). */
    public static void until(Duration limit, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get(), e);
            }
        }
    }

    public static void until(Duration limit, BooleanSupplier condition, String what) {
        until(limit, condition, () -> what);
    }
}
