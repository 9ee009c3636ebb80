package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandoffTest {
    @Test
    void runsTheCallbackOnTheScheduler() throws Exception {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sched"));
        try {
            String[] ranOn = new String[1];
            Handoff.toScheduler(s, "test", () -> ranOn[0] = Thread.currentThread().getName());
            s.shutdown();
            assertTrue(s.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals("sched", ranOn[0]);
        } finally {
            s.shutdownNow();
        }
    }

    @Test
    void aCallbackAfterShutdownIsDroppedNotThrownOnPahosThread() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
        s.shutdown();
        AtomicInteger ran = new AtomicInteger();
        Handoff.toScheduler(s, "connection lost", ran::incrementAndGet); // would throw RejectedExecutionException
        assertEquals(0, ran.get());
    }
}
