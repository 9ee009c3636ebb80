package vn.motcua.tests.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, bounded, for something a real process or another thread will do. Not a timing assertion: the bound only stops a hung test. */
public final class Await {
    private Await() {}

    public static void until(Duration limit, BooleanSupplier done, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
