package vn.motcua.bus.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.Key;
import vn.motcua.bus.MutableClock;
import vn.motcua.bus.Recorder;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * A dead board costs the bus one probe per probe interval, on the injected clock: it does not
 * slow the boards that work, and it is found again as soon as a probe is due.
 */
class OfflineProbingTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private SimulatedBus sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.bus().close();
        }
    }

    @Test
    void anOfflineBoardIsProbedOnlyWhenItsIntervalHasPassed() throws InterruptedException {
        BusConfig config = BusConfig.defaults("sim", List.of(1, 2)).withReplyTimeout(Duration.ofMillis(5))
                .withOfflineProbe(Duration.ofMinutes(1));
        sim = SimulatedBus.create(config, clock);
        Recorder recorder = new Recorder();
        sim.bus().addListener(recorder);
        sim.bus().start();
        Await.until(LIMIT, () -> sim.bus().boards().values().stream().allMatch(BoardStatus::online), () -> "online");

        sim.board(1).powerOff();
        Await.until(LIMIT, () -> sim.bus().boards().get(1).state() == BoardStatus.State.OFFLINE, () -> "offline");
        long probes = sim.board(1).requestsSeen();
        long before = sim.board(2).requestsSeen();
        // Many poll rounds pass (counted on the live board, not timed: a loaded machine polls slower), the clock does
        // not: no probe is due.
        Await.until(LIMIT, () -> sim.board(2).requestsSeen() - before > 20, () -> "the live board is polled all the time");
        assertEquals(probes, sim.board(1).requestsSeen(), "the dead board is left alone");
        sim.board(2).press(Key.CALL_NEXT);
        Await.until(LIMIT, () -> recorder.pressesOn(2).size() == 1, () -> "live board served");

        sim.board(1).reboot(); // power is back, but nobody asks until the probe is due
        long polled = sim.board(2).requestsSeen();
        Await.until(LIMIT, () -> sim.board(2).requestsSeen() - polled > 20, () -> "more poll rounds");
        assertEquals(BoardStatus.State.OFFLINE, sim.bus().boards().get(1).state());
        clock.advance(Duration.ofMinutes(1));
        Await.until(LIMIT, () -> sim.bus().boards().get(1).online(), () -> "found again at the next probe");
    }
}
