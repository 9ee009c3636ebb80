package vn.motcua.tests.mqtt;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting for something that happens on another thread or process. Not a timing assertion: the bound only stops a hung test. */
public final class Await {
    private Await() {}

    public static void until(Duration max, BooleanSupplier condition, Supplier<String> whatWeWaitedFor) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up after " + max.toSeconds() + " s waiting for: " + whatWeWaitedFor.get());
            }
            Thread.sleep(20);
        }
    }
}
