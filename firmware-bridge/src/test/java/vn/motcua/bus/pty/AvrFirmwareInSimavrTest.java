package vn.motcua.bus.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.Recorder;
import vn.motcua.bus.master.BusMaster;

/**
 * The flashed image itself: build/counter-board.elf runs in simavr (firmware/host/avr_run.c) as
 * two ATmega328Ps on one pty (a multi-drop bus), DIP switches set to addresses 2 and 7, their
 * digits read off the simulated 74HC595 chains and their keypad rows driven from the column
 * register. Same master, same bytes as real boards.
 */
class AvrFirmwareInSimavrTest {
    private static final Path RUNNER = Path.of("firmware/build/avr-run");
    private static final Path ELF = Path.of("firmware/build/counter-board.elf");
    private static final Duration LIMIT = Duration.ofSeconds(90); // only stops a hung test: simavr slows down on a loaded machine
    private final List<String> digits = new ArrayList<>();
    private Process avr;
    private BusMaster bus;

    @AfterEach
    void stop() throws InterruptedException {
        if (bus != null) {
            bus.close();
        }
        if (avr != null) {
            avr.destroy();
            if (!avr.waitFor(3, TimeUnit.SECONDS)) {
                avr.destroyForcibly();
            }
        }
    }

    @Test
    void twoRealAvrImagesOnOneBusAnswerShowAndReportPresses() throws Exception {
        if (!Files.isExecutable(RUNNER) || !Files.exists(ELF)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and the simavr runner or AVR image is missing (gcc-avr, simavr, libsimavr-dev)");
            }
            Assumptions.abort("needs gcc-avr, simavr and libsimavr-dev");
        }
        // DIP switches set to 1 and 6: each firmware must read its address off its own pins.
        avr = new ProcessBuilder(RUNNER.toString(), ELF.toString(), "2", "7").redirectErrorStream(true).start();
        Writer control = new OutputStreamWriter(avr.getOutputStream(), StandardCharsets.US_ASCII);
        String[] pty = new String[1];
        Thread reader = new Thread(() -> read(pty), "avr-run-stdout");
        reader.setDaemon(true);
        reader.start();
        Await.until(LIMIT, () -> pty[0] != null, () -> "simavr ready");
        // simavr runs this 8-bit CPU slower than real time on a busy machine: be patient.
        BusConfig config = BusConfig.defaults(pty[0], List.of(2, 7)).withReplyTimeout(Duration.ofMillis(250));
        bus = CounterBuses.jSerialComm(config, Clock.systemUTC());
        Recorder recorder = new Recorder();
        bus.addListener(recorder);
        bus.start();
        Await.until(LIMIT, () -> bus.boards().values().stream().allMatch(BoardStatus::online),
                () -> "AVR boards online: " + bus.boards());

        bus.show(7, "A023", 5, false);
        bus.show(2, "b105", 12, false);
        Await.until(LIMIT, () -> sawDigits("7 [A023]  5"), () -> "board 7 digits A023 5, saw " + digitsSeen());
        Await.until(LIMIT, () -> sawDigits("2 [b105] 12"), () -> "board 2 digits b105 12, saw " + digitsSeen());

        // The keys of protocol 1.1 sit on row 3, columns 3..5: the image scans the whole matrix.
        control.write("press 7 CALL_NEXT PARK CALL_PARKED RECALL_NO_SHOW\npress 2 TRANSFER 1 2 TRANSFER\n");
        control.flush();
        Await.until(LIMIT, () -> recorder.presses().size() == 5, () -> "keys " + recorder.presses());
        assertEquals(List.of(KeyEvent.of(Key.CALL_NEXT), KeyEvent.of(Key.PARK), KeyEvent.of(Key.CALL_PARKED),
                KeyEvent.of(Key.RECALL_NO_SHOW)), recorder.pressesOn(7));
        assertEquals(List.of(KeyEvent.transfer(12)), recorder.pressesOn(2));
        assertEquals(BoardStatus.State.ONLINE, bus.boards().get(7).state());

        // Power glitch on board 7: its RAM is gone, its EEPROM boot counter moves on; the master
        // must see the new epoch and put A023 back on its digits.
        int shownBefore = digitsCount("7 [A023]  5");
        control.write("reset 7\n");
        control.flush();
        Await.until(LIMIT, () -> recorder.sawReason(7, "rebooted"), () -> "reboot noticed: " + recorder.statuses());
        Await.until(LIMIT, () -> digitsCount("7 [A023]  5") > shownBefore, () -> "A023 restored, saw " + digitsSeen());
        assertEquals(1, bus.boards().get(7).reboots());
    }

    private void read(String[] pty) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(avr.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("ready ")) {
                    pty[0] = line.substring(6).trim();
                } else if (line.startsWith("digits ")) {
                    synchronized (digits) {
                        digits.add(line.substring(7));
                    }
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    private boolean sawDigits(String want) {
        synchronized (digits) {
            return digits.contains(want);
        }
    }

    private int digitsCount(String want) {
        synchronized (digits) {
            return (int) digits.stream().filter(want::equals).count();
        }
    }

    private String digitsSeen() {
        synchronized (digits) {
            return digits.toString();
        }
    }
}
