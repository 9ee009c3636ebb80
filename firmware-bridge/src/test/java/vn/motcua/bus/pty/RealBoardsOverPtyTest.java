package vn.motcua.bus.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.Recorder;
import vn.motcua.bus.master.BusMaster;

/**
 * The real {@code JSerialCommTransport} and master against the C firmware core running as four
 * boards on one socat pty pair: presses become key events, and shows land on the right boards,
 * also through corrupted frames, lost replies, a board reset and a pulled adapter.
 */
class RealBoardsOverPtyTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    @TempDir
    Path dir;
    private SocatPty socat;
    private CounterSimProcess boards;
    private BusMaster bus;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void plugIn() throws Exception {
        RealParts.requireBoardsOnPty();
        socat = new SocatPty(dir);
        boards = new CounterSimProcess(socat.device, "1-4", 0);
        BusConfig config = BusConfig.defaults(socat.host.toString(), List.of(1, 2, 3, 4))
                .withReplyTimeout(Duration.ofMillis(30)).withOfflineProbe(Duration.ofMillis(200));
        bus = CounterBuses.jSerialComm(config, Clock.systemUTC());
        bus.addListener(recorder);
        // The appliance's part, reduced: CALL_NEXT shows a number on the board that asked.
        bus.addListener(new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
                if (event.key() == Key.CALL_NEXT) {
                    bus.show(address, "A0" + (10 + address), address + 4, false);
                }
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {}
        });
        bus.start();
        Await.until(LIMIT, () -> bus.boards().values().stream().allMatch(BoardStatus::online), () -> "online: " + bus.boards());
    }

    @AfterEach
    void unplug() throws Exception {
        if (bus != null) {
            bus.close();
        }
        if (boards != null) {
            boards.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    @Test
    void clerksPressKeysAndTheRightBoardsShowTheRightNumbers() {
        boards.command("press 2 CALL_NEXT");
        boards.command("press 4 CALL_NEXT");
        Await.until(LIMIT, () -> boards.display(2).equals("[A012] 6 0 1"), () -> "board 2: " + boards.display(2));
        Await.until(LIMIT, () -> boards.display(4).equals("[A014] 8 0 1"), () -> "board 4: " + boards.display(4));
        // Board 1 was never given a number: the master blanked it once ("set" = 1), nothing more.
        assertEquals("[    ] -- 0 1", boards.display(1));
        boards.command("press 3 TRANSFER 1 2 TRANSFER RATE_1 DONE");
        Await.until(LIMIT, () -> recorder.pressesOn(3).size() == 3, () -> "board 3 keys " + recorder.pressesOn(3));
        assertEquals(List.of(KeyEvent.transfer(12), KeyEvent.of(Key.RATE_1), KeyEvent.of(Key.DONE)), recorder.pressesOn(3));
        bus.show(1, "b7", 1, true);
        Await.until(LIMIT, () -> boards.display(1).equals("[  b7] 1 1 1"), () -> "board 1: " + boards.display(1));
        bus.clear(2);
        Await.until(LIMIT, () -> boards.display(2).equals("[    ] -- 0 1"), () -> "board 2 cleared");
    }

    @Test
    void corruptedFramesLostRepliesAndAResetNeitherLoseNorDoubleAPress() {
        String[] keys = {"RECALL", "SKIP", "DONE", "START", "PAUSE", "RATE_2"};
        for (int i = 0; i < 18; i++) {
            int board = 1 + i % 4;
            switch (i % 4) {
                case 0 -> boards.command("corrupt " + board + " 2");
                case 1 -> boards.command("drop " + board + " 2");
                case 2 -> boards.command("noise A5 03 01 07 14 A5 A5 00 55");
                default -> boards.command("corrupt " + board + " 1");
            }
            boards.command("press " + board + " " + keys[i % keys.length]);
        }
        for (int b = 1; b <= 4; b++) {
            int board = b;
            int pressed = b <= 2 ? 5 : 4; // 18 presses spread over boards 1,2,3,4,1,2,...
            Await.until(LIMIT, () -> boards.events(board).size() == pressed, () -> "board " + board + " pressed");
            Await.until(LIMIT, () -> recorder.pressesOn(board).size() >= pressed
                    && boards.command("stats " + board).endsWith("queued=0"), () -> "board " + board + " drained");
            List<Integer> queued = boards.events(board).stream().map(CounterSimProcess.BoardEvent::key).toList();
            List<Integer> delivered = recorder.pressesOn(board).stream().map(e -> e.key().code()).toList();
            assertEquals(queued, delivered, "board " + board + ": every queued press delivered once, in order");
        }
        assertEquals(18, recorder.presses().size());
        assertTrue(bus.stats().retries() > 0 && bus.stats().badFrames() > 0, bus.stats().toString());

        // Power glitch on board 2 while it shows a number: noticed, display restored.
        boards.command("press 2 CALL_NEXT");
        Await.until(LIMIT, () -> boards.display(2).equals("[A012] 6 0 1"), () -> "board 2 shows");
        boards.command("reset 2");
        Await.until(LIMIT, () -> recorder.sawReason(2, "rebooted"), () -> "reboot noticed");
        Await.until(LIMIT, () -> boards.display(2).equals("[A012] 6 0 1"), () -> "restored: " + boards.display(2));
        boards.command("press 2 DONE");
        Await.until(LIMIT, () -> recorder.pressesOn(2).getLast().key() == Key.DONE, () -> "press after reset");
    }

    @Test
    void aPulledAdapterIsRecoveredWithoutRestartingAnything() throws Exception {
        boards.command("press 1 CALL_NEXT");
        Await.until(LIMIT, () -> boards.display(1).equals("[A011] 5 0 1"), () -> "board 1 shows");
        socat.unplug();
        Await.until(LIMIT, () -> bus.boards().values().stream().noneMatch(BoardStatus::online), () -> "all offline");
        assertTrue(bus.boards().get(1).reason().startsWith("port-"), bus.boards().get(1).reason());
        boards.command("press 3 RECALL"); // the clerk keeps pressing while the cable is out
        bus.show(4, "C001", 9, false);    // and the queue keeps calling
        Thread.sleep(300);
        socat.plugIn();
        Await.until(LIMIT, () -> bus.boards().values().stream().allMatch(BoardStatus::online), () -> "back: " + bus.boards());
        Await.until(LIMIT, () -> recorder.pressesOn(3).equals(List.of(KeyEvent.of(Key.RECALL))), () -> "press kept");
        Await.until(LIMIT, () -> boards.display(4).equals("[C001] 9 0 1"), () -> "board 4: " + boards.display(4));
        assertTrue(bus.stats().portOpens() >= 2);
        assertTrue(boards.linkUps() >= 2);
    }

    @Test
    void kernelRs485ModeIsCheckedNotTrusted() throws Exception {
        bus.close();
        BusConfig config = BusConfig.defaults(socat.host.toString(), List.of(1))
                .withDirection(BusConfig.Direction.KERNEL_RS485);
        try (BusMaster strict = CounterBuses.jSerialComm(config, Clock.systemUTC())) {
            strict.start();
            Await.until(LIMIT, () -> strict.boards().get(1).state() == BoardStatus.State.OFFLINE, () -> "refused");
            String reason = strict.boards().get(1).reason();
            assertTrue(reason.startsWith("port-unavailable: rs485-mode-not-active"), reason);
        }
    }
}
