package vn.motcua.bus.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.Recorder;
import vn.motcua.bus.sim.SimulatedBoard;
import vn.motcua.bus.sim.SimulatedBus;

/** The real master against pure-Java boards on an in-memory wire at 115200 baud. */
class BusMasterSimulatedTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    private final Recorder recorder = new Recorder();
    private SimulatedBus sim;

    private SimulatedBus start(Integer... addresses) {
        BusConfig config = BusConfig.defaults("sim", List.of(addresses))
                .withReplyTimeout(Duration.ofMillis(5)).withOfflineProbe(Duration.ofMillis(100));
        sim = SimulatedBus.create(config, Clock.systemUTC());
        sim.bus().addListener(recorder);
        sim.bus().start();
        Await.until(LIMIT, () -> sim.bus().boards().values().stream().allMatch(BoardStatus::online),
                () -> "all boards online: " + sim.bus().boards());
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.bus().close();
        }
    }

    @Test
    void clerkPressesCallNextAndTheBoardShowsTheNumber() {
        start(1, 2, 3);
        sim.bus().addListener(new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
                if (event.key() == Key.CALL_NEXT) {
                    sim.bus().show(address, "A023", 5, true);
                }
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {}
        });
        sim.board(2).press(Key.CALL_NEXT);
        Await.until(LIMIT, () -> sim.board(2).shown().text().equals("A023"), () -> "board 2 shows A023");
        assertEquals(new SimulatedBoard.Shown("A023", 5, true, true), sim.board(2).shown());
        assertEquals(List.of(KeyEvent.of(Key.CALL_NEXT)), recorder.pressesOn(2));
        assertEquals("    ", sim.board(1).shown().text());
        Await.until(LIMIT, () -> sim.board(2).unacknowledged() == 0, () -> "press acknowledged");
    }

    @Test
    void everyKindOfKeyArrivesOnceAndInOrder() {
        start(4);
        List<KeyEvent> expected = new ArrayList<>();
        for (Key k : Key.values()) {
            if (k == Key.TRANSFER) {
                sim.board(4).pressTransfer(12);
                expected.add(KeyEvent.transfer(12));
            } else {
                sim.board(4).press(k);
                expected.add(KeyEvent.of(k));
            }
        }
        Await.until(LIMIT, () -> recorder.pressesOn(4).size() >= expected.size(), () -> "all keys");
        Await.until(LIMIT, () -> sim.board(4).unacknowledged() == 0, () -> "all acknowledged");
        assertEquals(expected, recorder.pressesOn(4));
    }

    @Test
    void corruptedAndLostRepliesNeitherLoseNorDoublePresses() {
        start(1, 2);
        List<KeyEvent> expected = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            Key k = round % 3 == 0 ? Key.RECALL : round % 3 == 1 ? Key.DONE : Key.SKIP;
            sim.board(2).press(k);
            expected.add(KeyEvent.of(k));
            // Alternate: the reply carrying the event is lost, or garbled, or the ack after it is.
            switch (round % 3) {
                case 0 -> sim.board(2).dropNextReplies(1 + round % 4);
                case 1 -> sim.board(2).corruptNextReplies(1 + round % 4);
                default -> sim.board(2).missNextRequests(1 + round % 4);
            }
            int want = expected.size();
            Await.until(LIMIT, () -> recorder.pressesOn(2).size() >= want, () -> "press " + want);
        }
        Await.until(LIMIT, () -> sim.board(2).unacknowledged() == 0, () -> "all acknowledged");
        assertEquals(expected, recorder.pressesOn(2));
        assertTrue(sim.bus().stats().retries() > 0);
        assertTrue(sim.bus().stats().badFrames() > 0, "corrupted replies were seen: " + sim.bus().stats());
    }

    @Test
    void aRebootedBoardIsNoticedAndItsDisplayRestored() {
        start(7);
        sim.bus().show(7, "B105", 12, false);
        Await.until(LIMIT, () -> sim.board(7).shown().text().equals("B105"), () -> "shown");
        sim.board(7).reboot();
        assertEquals("    ", sim.board(7).shown().text());
        Await.until(LIMIT, () -> sim.board(7).shown().text().equals("B105"), () -> "restored after reboot");
        assertTrue(recorder.sawReason(7, "rebooted"));
        assertEquals(1, sim.bus().boards().get(7).reboots());
        sim.board(7).press(Key.START); // sequence numbering restarted at 1 on the board: still delivered
        Await.until(LIMIT, () -> recorder.pressesOn(7).size() == 1, () -> "press after reboot");
    }

    @Test
    void aSilentBoardGoesOfflineAndComesBack() {
        start(1, 2);
        sim.bus().show(1, "C7", 3, false);
        Await.until(LIMIT, () -> sim.board(1).shown().text().equals("  C7"), () -> "shown");
        sim.board(1).powerOff();
        Await.until(LIMIT, () -> sim.bus().boards().get(1).state() == BoardStatus.State.OFFLINE, () -> "offline");
        assertEquals("no-reply", sim.bus().boards().get(1).reason());
        assertTrue(sim.bus().boards().get(2).online(), "the other board carries on");
        sim.board(2).press(Key.PAUSE);
        Await.until(LIMIT, () -> recorder.pressesOn(2).size() == 1, () -> "board 2 still served");
        sim.board(1).reboot(); // power back
        Await.until(LIMIT, () -> sim.bus().boards().get(1).online(), () -> "online again");
        Await.until(LIMIT, () -> sim.board(1).shown().text().equals("  C7"), () -> "display restored");
    }

    @Test
    void unpluggedAdapterRecoversByItself() {
        start(3);
        sim.wire().unplug();
        Await.until(LIMIT, () -> sim.bus().boards().get(3).state() == BoardStatus.State.OFFLINE, () -> "offline");
        assertTrue(sim.bus().boards().get(3).reason().startsWith("port-"), sim.bus().boards().get(3).reason());
        sim.board(3).press(Key.CALL_NEXT); // pressed while the cable was out: kept on the board
        sim.bus().show(3, "A001", 1, false);
        sim.wire().plugIn();
        Await.until(LIMIT, () -> sim.bus().boards().get(3).online(), () -> "online after replug");
        Await.until(LIMIT, () -> recorder.pressesOn(3).size() == 1, () -> "press made while unplugged");
        Await.until(LIMIT, () -> sim.board(3).shown().text().equals("A001"), () -> "display after replug");
        assertTrue(sim.bus().stats().portOpens() >= 2);
    }

    @Test
    void aRestartedApplianceDoesNotGetAPressItAlreadyHandled() {
        start(6);
        BoardEventId[] lastHandled = new BoardEventId[1];
        sim.bus().addListener(new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {}

            @Override
            public void onKey(int address, KeyEvent event, BoardEventId id) {
                lastHandled[0] = id; // the appliance stores this with the command, in one transaction
                sim.board(6).missNextRequests(1000); // ...and then the cable breaks: no ack arrives
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {}
        });
        sim.board(6).press(Key.CALL_NEXT);
        Await.until(LIMIT, () -> lastHandled[0] != null, () -> "handled");
        Await.until(LIMIT, () -> sim.bus().boards().get(6).state() == BoardStatus.State.OFFLINE, () -> "cut off");
        sim.bus().close(); // the appliance stops; the board still holds the press, unacknowledged
        assertEquals(1, sim.board(6).unacknowledged());
        sim.board(6).missNextRequests(0);

        Recorder afterRestart = new Recorder();
        BusMaster again = new BusMaster(BusConfig.defaults("sim", List.of(6)).withReplyTimeout(Duration.ofMillis(5)),
                sim.wire(), Clock.systemUTC());
        again.resumeAfter(6, lastHandled[0]);
        again.addListener(afterRestart);
        again.start();
        try {
            Await.until(LIMIT, () -> sim.board(6).unacknowledged() == 0, () -> "acked by the new run");
            sim.board(6).press(Key.DONE);
            Await.until(LIMIT, () -> afterRestart.pressesOn(6).size() == 1, () -> "the next press");
            assertEquals(List.of(KeyEvent.of(Key.DONE)), afterRestart.pressesOn(6), "CALL_NEXT not delivered twice");
        } finally {
            again.close();
        }
    }

    @Test
    void anAdapterMissingAtStartIsWaitedFor() {
        BusConfig config = BusConfig.defaults("sim", List.of(2)).withReplyTimeout(Duration.ofMillis(5));
        sim = SimulatedBus.create(config, Clock.systemUTC());
        sim.wire().unplug();
        sim.bus().addListener(recorder);
        sim.bus().start();
        Await.until(LIMIT, () -> sim.bus().boards().get(2).state() == BoardStatus.State.OFFLINE, () -> "offline");
        assertTrue(sim.bus().boards().get(2).reason().startsWith("port-unavailable: no device"),
                sim.bus().boards().get(2).reason());
        sim.wire().plugIn();
        Await.until(LIMIT, () -> sim.bus().boards().get(2).online(), () -> "online once plugged in");
        assertTrue(recorder.statuses().stream().anyMatch(s -> s.address() == 2 && s.status().online()));
    }

    @Test
    void aFailingListenerDoesNotStopTheBus() {
        start(5);
        sim.bus().addListener(new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {}
        });
        sim.board(5).press(Key.RATE_2);
        sim.board(5).press(Key.RATE_3);
        Await.until(LIMIT, () -> recorder.pressesOn(5).size() == 2, () -> "both presses");
    }

    @Test
    void badRequestsFromTheApplianceAreRefusedClearly() {
        start(1);
        var e = assertThrows(IllegalArgumentException.class, () -> sim.bus().show(9, "A1", 1, false));
        assertTrue(e.getMessage().contains("not configured"));
        assertThrows(IllegalArgumentException.class, () -> sim.bus().show(1, "M01", 1, false));
        assertThrows(IllegalArgumentException.class, () -> sim.bus().show(1, "A01", 100, false));
        assertThrows(IllegalArgumentException.class, () -> BusConfig.defaults("x", List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> BusConfig.defaults(" ", List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> BusConfig.defaults("x", List.of()));
    }
}
