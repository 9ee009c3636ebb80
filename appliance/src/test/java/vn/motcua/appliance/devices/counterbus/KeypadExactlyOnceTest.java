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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.master.BusMaster;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * The appliance stops after committing a keypad press but before the board heard its ack; the board sends the
 * press again to the next run. The real bus master over the simulated wire, the real store and service.
 */
class KeypadExactlyOnceTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    private final OfficeLayout office = TestOffices.small();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final BusConfig config = BusConfig.defaults("sim", List.of(1)).withReplyTimeout(Duration.ofMillis(5));
    private final SimulatedBus sim = SimulatedBus.create(config, Clock.systemUTC());
    private ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aPressDeliveredButNotYetCommittedWhenTheApplianceStopsIsAppliedByTheNextRun(@TempDir Path dir)
            throws Exception {
        CountDownLatch busyScheduler = new CountDownLatch(1);
        List<BoardEventId> delivered = new CopyOnWriteArrayList<>();
        try (QueueStore store = open(dir)) {
            QueueService queue = new QueueService(office, clock, store);
            queue.execute(e -> e.openCounter(1, "lan"));
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            new CounterBoards(sim.bus(), Map.of(1, 1), queue, queue::keypadCursors, scheduler, e -> { }).start();
            sim.bus().addListener(recording(delivered));
            scheduler.execute(() -> awaitQuietly(busyScheduler)); // the press waits behind other work...
            sim.board(1).press(Key.CALL_NEXT);
            await(() -> delivered.size() == 1, "the press delivered");
            long polled = sim.board(1).requestsSeen();
            await(() -> sim.board(1).requestsSeen() > polled + 20, "polls after the delivery");
            assertEquals(1, sim.board(1).unacknowledged(), "not acked before its command is committed");
            sim.bus().close(); // ...when the appliance stops: the command was never committed
            scheduler.shutdownNow();
            assertEquals(null, serving(queue));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor();
        BusMaster restarted = new BusMaster(config, sim.wire(), Clock.systemUTC());
        try (QueueStore store = open(dir); restarted) {
            QueueService queue = new QueueService(office, clock, store);
            new CounterBoards(restarted, Map.of(1, 1), queue, queue::keypadCursors, scheduler, e -> { }).start();
            await(() -> "A001".equals(serving(queue)), "the press applied by the next run");
            await(() -> sim.board(1).unacknowledged() == 0, "and acked once committed");
            drainScheduler();
            assertEquals(1L, (long) queue.read(e -> e.waiting("ho-tich")), "applied once");
        }
    }

    @Test
    void aPressCommittedBeforeTheApplianceStoppedIsNotAppliedAgainAfterItsRestart(@TempDir Path dir) throws Exception {
        try (QueueStore store = open(dir)) {
            QueueService queue = new QueueService(office, clock, store);
            queue.execute(e -> e.openCounter(1, "lan"));
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
            CounterBoards boards = new CounterBoards(sim.bus(), Map.of(1, 1), queue, queue::keypadCursors, scheduler, e -> { });
            boards.start();
            sim.bus().addListener(cableBreaksAfterDelivery());
            sim.board(1).press(Key.CALL_NEXT);
            await(() -> "A001".equals(serving(queue)), "the press called A001");
            await(() -> sim.bus().boards().get(1).state() == BoardStatus.State.OFFLINE, "the board cut off");
            sim.bus().close(); // the appliance stops; the board still holds the press, unacknowledged
        }
        assertEquals(1, sim.board(1).unacknowledged());
        sim.board(1).missNextRequests(0);

        BusMaster restarted = new BusMaster(config, sim.wire(), Clock.systemUTC());
        try (QueueStore store = open(dir); restarted) {
            QueueService queue = new QueueService(office, clock, store);
            new CounterBoards(restarted, Map.of(1, 1), queue, queue::keypadCursors, scheduler, e -> { }).start();
            await(() -> sim.board(1).unacknowledged() == 0, "the press sent again and acked by the new run");
            drainScheduler();
            assertEquals("A001", serving(queue), "CALL_NEXT applied once: A002 is still waiting");
            assertEquals(1L, (long) queue.read(e -> e.waiting("ho-tich")));

            sim.board(1).press(Key.CALL_NEXT); // presses after the restart still work
            await(() -> "A002".equals(serving(queue)), "the next press called A002");
            assertTrue(queue.keypadCursors().getFirst().seq() > 0);
        }
    }

    private static CounterBusListener recording(List<BoardEventId> delivered) {
        return new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
            }

            @Override
            public void onKey(int address, KeyEvent event, BoardEventId id) {
                delivered.add(id);
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ack for the press never reaches the board, as when the appliance stops right after handling it. */
    private CounterBusListener cableBreaksAfterDelivery() {
        return new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
            }

            @Override
            public void onKey(int address, KeyEvent event, BoardEventId id) {
                sim.board(address).missNextRequests(1000);
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {
            }
        };
    }

    private QueueStore open(Path dir) throws Exception {
        Database.Opened db = Database.open(dir, clock);
        return new QueueStore(db.connection(), new EventStamper("test-device", clock, "boot", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    private static String serving(QueueService queue) {
        return queue.read(e -> {
            Counter c = e.counters().stream().filter(k -> k.number() == 1).findFirst().orElseThrow();
            return e.tickets().stream().filter(t -> t.id().equals(c.currentTicket())).map(Ticket::number)
                    .findFirst().orElse(null);
        });
    }

    private void drainScheduler() throws Exception {
        scheduler.submit(() -> { }).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void await(BooleanSupplier condition, String what) {
        vn.motcua.bus.Await.until(LIMIT, condition, what);
    }
}
