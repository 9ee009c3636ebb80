package vn.motcua.bus.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.Await;
import vn.motcua.bus.MutableClock;
import vn.motcua.bus.sim.InMemoryTransport;
import vn.motcua.retry.Backoff;

/**
 * The port supervision both buses share, on a simulated adapter and a clock the test moves: the spacing of
 * attempts to open (0.2 s doubling, capped, the jitter taking at most half of a step), what the bus is told, and the reopen
 * after a lost link. The clock stands still between steps, so no attempt can come early by accident.
 */
class PortSupervisorTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryTransport adapter = new InMemoryTransport(List.of(), 0);
    private final List<String> told = new CopyOnWriteArrayList<>();
    private volatile boolean failWork;
    /** The jitter's draw: near 1 each delay is its whole step, at 0 half of it. */
    private volatile double draw = 0.999;
    private final PortSupervisor supervisor = new PortSupervisor("test bus", "/dev/test", adapter, clock,
            new Backoff(PortSupervisor.MIN_BACKOFF, Duration.ofSeconds(1), () -> draw));

    private final PortSupervisor.Bus bus = new PortSupervisor.Bus() {
        @Override
        public void portOpened(Instant now) {
            told.add("opened");
        }

        @Override
        public void portDown(String reason, Instant now) {
            told.add(reason);
        }

        @Override
        public void work() throws IOException {
            if (failWork) {
                failWork = false;
                throw new IOException("cable pulled");
            }
            LockSupport.parkNanos(2_000_000L);
        }
    };

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private long attempts() {
        return told.stream().filter(t -> t.startsWith("port-unavailable")).count();
    }

    /**
     * Moves the clock, waits for the attempts to reach {@code expected}, then gives the loop time for many more
     * turns (it parks at most 50 ms) and checks that no further attempt came at this time.
     */
    private void advance(long millis, long expected) throws InterruptedException {
        clock.advance(Duration.ofMillis(millis));
        Await.until(LIMIT, () -> attempts() >= expected, () -> expected + " attempts: " + told);
        Thread.sleep(150);
        assertEquals(expected, attempts(), () -> "attempts after " + millis + " ms more: " + told);
    }

    @Test
    void attemptsToOpenBackOffFromAFifthOfASecondDoublingUpToTheCap() throws Exception {
        adapter.unplug();
        supervisor.start("test-io", bus);
        advance(0, 1);
        assertEquals("port-unavailable: no device (simulated adapter unplugged)", told.getFirst());
        advance(199, 1);  // not before 0.2 s
        advance(1, 2);
        advance(399, 2);  // then not before 0.4 s
        advance(1, 3);
        advance(799, 3);  // 0.8 s
        advance(1, 4);
        advance(999, 4);  // then the cap, 1 s
        advance(1, 5);
        advance(999, 5);  // and it stays at the cap
        advance(1, 6);
        assertEquals(0, supervisor.opens());
    }

    @Test
    void theJitterTakesAtMostHalfOfEachStep() throws Exception {
        draw = 0.0;
        adapter.unplug();
        supervisor.start("test-io", bus);
        advance(0, 1);
        advance(99, 1);   // half of 0.2 s at the earliest
        advance(1, 2);
        advance(199, 2);  // half of 0.4 s
        advance(1, 3);
        advance(399, 3);  // half of 0.8 s
        advance(1, 4);
        advance(499, 4);  // half of the cap
        advance(1, 5);
        assertEquals(0, supervisor.opens());
    }

    @Test
    void aLostLinkTakesEveryBoardDownAndIsReopenedAfterTheShortestWait() throws Exception {
        supervisor.start("test-io", bus);
        Await.until(LIMIT, () -> supervisor.opens() == 1, () -> "opened: " + told);
        failWork = true;
        Await.until(LIMIT, () -> told.contains("port-closed"), () -> "lost: " + told);
        clock.advance(Duration.ofMillis(199));
        Thread.sleep(150);
        assertEquals(1, supervisor.opens(), "not reopened before 0.2 s");
        clock.advance(Duration.ofMillis(1));
        Await.until(LIMIT, () -> told.size() == 3, () -> "reopened: " + told);
        assertEquals(List.of("opened", "port-closed", "opened"), told);
        assertEquals(2, supervisor.opens());
        assertThrows(IllegalStateException.class, () -> supervisor.start("again", bus));
    }
}
