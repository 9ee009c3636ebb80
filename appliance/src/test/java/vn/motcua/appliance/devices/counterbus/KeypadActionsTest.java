package vn.motcua.appliance.devices.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterStatus;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.Key;
import vn.motcua.bus.MutableClock;
import vn.motcua.bus.master.BusMaster;
import vn.motcua.bus.sim.SimulatedBoard;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * Every keypad action on simulated boards over the real bus master, the real store and queue: what each key does to
 * the ticket, and that the board of the counter a ticket left goes blank at once while the board of the counter
 * that calls it shows it (issue 15: counter 9's board kept showing F006 after its transfer to counter 3).
 */
class KeypadActionsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final SimulatedBus sim = SimulatedBus.create(
            BusConfig.defaults("sim", List.of(1, 3)).withReplyTimeout(Duration.ofMillis(5)), Clock.systemUTC());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private QueueService queue;

    @AfterEach
    void stop() {
        sim.bus().close();
        scheduler.shutdownNow();
    }

    @Test
    void everyKeyActsOnTheQueueAndTheBoardsFollowTheTicket(@TempDir Path dir) throws Exception {
        try (QueueStore store = open(dir)) {
            queue = new QueueService(TestOffices.small(), clock, store);
            new CounterBoards(sim.bus(), Map.of(1, 1, 3, 3), queue, queue::keypadCursors, scheduler, e -> { }).start();
            for (int i = 0; i < 3; i++) {
                queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            }
            press(1, Key.PAUSE); // a closed counter opens with the pause key
            press(3, Key.PAUSE);
            await(() -> open(1) && open(3), "counters 1 and 3 open");

            press(1, Key.CALL_NEXT);
            awaitTicket("A001", TicketStatus.CALLED, 1);
            awaitBoard(1, "A001");
            press(1, Key.RECALL);
            await(() -> ticket("A001").recalls() == 1, "A001 recalled once");

            press(1, Key.SKIP);
            awaitTicket("A001", TicketStatus.NO_SHOW, 1);
            awaitBlank(1);
            press(1, Key.RECALL_NO_SHOW); // the ticket this counter skipped last
            awaitTicket("A001", TicketStatus.CALLED, 1);
            awaitBoard(1, "A001");

            press(1, Key.START);
            awaitTicket("A001", TicketStatus.SERVING, 1);
            press(1, Key.PARK);
            awaitTicket("A001", TicketStatus.PARKED, 1);
            awaitBlank(1);

            press(1, Key.CALL_NEXT);
            awaitTicket("A002", TicketStatus.CALLED, 1);
            awaitBoard(1, "A002");
            press(1, Key.START);
            press(1, Key.DONE);
            awaitTicket("A002", TicketStatus.FINISHED, 1);
            awaitBlank(1);
            press(1, Key.RATE_1);
            await(() -> ticket("A002").rating() == 1, "A002 rated 1, rất hài lòng / very satisfied");

            press(1, Key.CALL_PARKED); // the ticket this counter parked first
            awaitTicket("A001", TicketStatus.CALLED, 1);
            awaitBoard(1, "A001");

            sim.board(1).pressTransfer(3);
            await(() -> ticket("A001").status() == TicketStatus.WAITING && ticket("A001").targetCounter() == 3,
                    "A001 waiting for counter 3");
            awaitBlank(1); // the board it left goes blank at once
            press(3, Key.CALL_NEXT);
            awaitTicket("A001", TicketStatus.CALLED, 3);
            awaitBoard(3, "A001"); // the board of the counter that called it shows it
            awaitBlank(1);
            press(3, Key.START);
            press(3, Key.DONE);
            awaitTicket("A001", TicketStatus.FINISHED, 3);
            awaitBlank(3);
            press(3, Key.RATE_4);
            await(() -> ticket("A001").rating() == 4, "A001 rated 4, không hài lòng / not satisfied");

            // Nothing parked or skipped is left here: the board flashes "nobody", then is blank again.
            press(1, Key.CALL_PARKED);
            await(() -> sim.board(1).shown().text().equals("----"), "---- flashed: nothing to call back");
            awaitBlank(1);

            press(1, Key.CALL_NEXT);
            awaitTicket("A003", TicketStatus.CALLED, 1);
            awaitBoard(1, "A003");
            // Pause is refused while a ticket is at the counter (the queue's rule): the board flashes and keeps A003.
            press(1, Key.PAUSE);
            await(() -> sim.board(1).shown().text().strip().equals("ERR"), "ERR flashed: pause refused with A003 called");
            awaitBoard(1, "A003");
            assertEquals(CounterStatus.OPEN, counter(1).status());
            press(1, Key.DONE);
            awaitTicket("A003", TicketStatus.FINISHED, 1);
            awaitBlank(1);
            press(1, Key.PAUSE);
            await(() -> counter(1).status() == CounterStatus.PAUSED, "counter 1 paused");
            awaitBlank(1);
        }
    }

    @Test
    void aTicketMovedFromTheStaffPageLeavesItsBoardBlankToo(@TempDir Path dir) throws Exception {
        try (QueueStore store = open(dir)) {
            queue = new QueueService(TestOffices.small(), clock, store);
            new CounterBoards(sim.bus(), Map.of(1, 1, 3, 3), queue, queue::keypadCursors, scheduler, e -> { }).start();
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            queue.execute(e -> e.openCounter(1, "lan"));
            press(1, Key.CALL_NEXT);
            awaitBoard(1, "A001");
            queue.execute(e -> e.transferToService(1, "dat-dai")); // as /counter or the API does it
            awaitTicket("A001", TicketStatus.WAITING, 1);
            awaitBlank(1);
        }
    }

    @Test
    void afterARestartABoardNoLongerShowsWhatWasFinishedMeanwhile(@TempDir Path dir) throws Exception {
        BusConfig config = BusConfig.defaults("sim", List.of(1, 3)).withReplyTimeout(Duration.ofMillis(5));
        try (QueueStore store = open(dir)) {
            queue = new QueueService(TestOffices.small(), clock, store);
            queue.execute(e -> e.openCounter(1, "lan"));
            sim.bus().start(); // the last run lit A001, whose DONE was committed as the appliance stopped
            sim.bus().show(1, "A001", 1, false);
            awaitBoard(1, "A001");
            sim.bus().close();
            BusMaster next = new BusMaster(config, sim.wire(), Clock.systemUTC());
            try {
                new CounterBoards(next, Map.of(1, 1, 3, 3), queue, queue::keypadCursors, scheduler, e -> { }).start();
                awaitBlank(1);
            } finally {
                next.close();
            }
        }
    }

    private void press(int address, Key key) {
        sim.board(address).press(key);
    }

    private boolean open(int counter) {
        return counter(counter).status() == CounterStatus.OPEN;
    }

    private Counter counter(int number) {
        return queue.read(e -> e.counters().stream().filter(c -> c.number() == number).findFirst().orElseThrow());
    }

    private Ticket ticket(String number) {
        return queue.read(e -> e.ticket(number).orElseThrow());
    }

    private void awaitTicket(String number, TicketStatus status, int counter) throws InterruptedException {
        await(() -> ticket(number).status() == status && ticket(number).counter() == counter,
                number + " " + status + " at counter " + counter + " (is " + ticket(number) + ")");
    }

    private void awaitBoard(int address, String text) throws InterruptedException {
        await(() -> {
            SimulatedBoard.Shown s = sim.board(address).shown();
            return s.text().equals(text) && s.counter() == address;
        }, "board " + address + " to show " + text + " (shows " + sim.board(address).shown() + ")");
    }

    private void awaitBlank(int address) throws InterruptedException {
        await(() -> sim.board(address).shown().equals(new SimulatedBoard.Shown("    ", -1, false, true)),
                "board " + address + " blank (shows " + sim.board(address).shown() + ")");
    }

    private QueueStore open(Path dir) throws Exception {
        Database.Opened db = Database.open(dir, clock);
        return new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, LIMIT, what);
    }
}
