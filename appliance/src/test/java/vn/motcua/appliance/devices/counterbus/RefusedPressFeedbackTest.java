package vn.motcua.appliance.devices.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Refusal;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.Key;
import vn.motcua.bus.MutableClock;
import vn.motcua.bus.sim.SimulatedBoard.Shown;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * A clerk's press the queue refuses is not silent: the board over the counter flashes a code (the real bus
 * master over the simulated wire, the real store and service), then goes back to the number it showed; a call
 * made during the flash is not undone by its end.
 */
class RefusedPressFeedbackTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final SimulatedBus sim = SimulatedBus.create(
            BusConfig.defaults("sim", List.of(1)).withReplyTimeout(Duration.ofMillis(5)), Clock.systemUTC());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Shown> shown = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sim.bus().close();
        scheduler.shutdownNow();
    }

    @Test
    void aRefusedPressFlashesItsCodeThenTheBoardShowsItsNumberAgain(@TempDir Path dir) throws Exception {
        try (QueueStore store = open(dir)) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            sim.board(1).onShow(shown::add);
            new CounterBoards(sim.bus(), Map.of(1, 1), queue, queue::keypadCursors, scheduler, e -> { }).start();

            sim.board(1).press(Key.CALL_NEXT); // the counter is not open yet
            await(() -> shows(" OFF", true), "OFF flashed for a closed counter");
            await(() -> last().counter() == -1 && last().set(), "then blank again");

            queue.execute(e -> e.openCounter(1, "lan"));
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            sim.board(1).press(Key.CALL_NEXT);
            await(() -> shows("A001", true), "A001 called");
            sim.board(1).press(Key.CALL_NEXT); // nobody else waiting
            await(() -> shows("----", true), "---- flashed: nobody waiting");
            await(() -> last().equals(new Shown("A001", 1, false, true)), "back to A001, lit");

            shown.clear();
            sim.board(1).press(Key.CALL_NEXT);
            await(() -> shows("----", true), "---- again");
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            sim.board(1).press(Key.CALL_NEXT); // during the flash: A002 is called
            await(() -> last().equals(new Shown("A002", 1, false, true)), "A002 lit after its blink");
            int a002 = shown.indexOf(new Shown("A002", 1, true, true));
            assertTrue(a002 > 0, shown.toString());
            assertTrue(shown.subList(a002, shown.size()).stream().noneMatch(s -> s.text().equals("A001")),
                    "the flash's end did not put A001 back over the new call: " + shown);
        }
        assertEquals("----", BoardDisplays.refusalCode(Refusal.NOBODY_WAITING));
        assertEquals("OFF", BoardDisplays.refusalCode(Refusal.COUNTER_PAUSED));
        assertEquals("ERR", BoardDisplays.refusalCode(Refusal.NOTHING_TO_RATE));
    }

    private boolean shows(String text, boolean blink) {
        return shown.stream().anyMatch(s -> s.text().equals(text) && s.blink() == blink);
    }

    private Shown last() {
        return shown.isEmpty() ? new Shown("", -2, false, false) : shown.getLast();
    }

    private QueueStore open(Path dir) throws Exception {
        Database.Opened db = Database.open(dir, clock);
        return new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, Duration.ofSeconds(20), what);
    }
}
