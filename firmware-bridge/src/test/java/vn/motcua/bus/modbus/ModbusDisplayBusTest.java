package vn.motcua.bus.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;

/** The Modbus display adapter against simulated displays on an in-memory wire. */
class ModbusDisplayBusTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // only stops a hung test (loaded CI machine)
    private final TreeSet<Integer> units = new TreeSet<>(List.of(5, 6));
    private final SimulatedModbusDisplays displays = new SimulatedModbusDisplays(units, 0);
    private ModbusDisplayBus bus;

    private void start(int numberRegister) {
        ModbusDisplayConfig config = new ModbusDisplayConfig("sim", 9600, false, units, numberRegister, 0xFFFF,
                Duration.ofMillis(20), Duration.ofMillis(200), 2);
        bus = new ModbusDisplayBus(config, displays, Clock.systemUTC());
        bus.start();
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void aCallShowsTheTicketNumberOnTheRightDisplay() {
        start(0);
        bus.show(5, "A023", 5, true);
        Await.until(LIMIT, () -> displays.shown(5).equals(Optional.of(23)), () -> "display 5 shows 23");
        assertEquals(Optional.empty(), displays.shown(6));
        Await.until(LIMIT, () -> bus.boards().get(5).online(), () -> "online");
        bus.clear(5);
        Await.until(LIMIT, () -> displays.shown(5).equals(Optional.of(0xFFFF)), () -> "blanked");
    }

    /**
     * A reply timeout that is always over by the time the I/O thread looks (as after a GC pause): the echo already
     * waiting is still read, so the display stays online instead of being failed unread.
     */
    @Test
    void anEchoAlreadyWaitingWhenTheTimeoutIsOverStillCounts() {
        ModbusDisplayConfig config = new ModbusDisplayConfig("sim", 9600, false, units, 0, 0xFFFF,
                Duration.ofNanos(1), Duration.ofMillis(200), 2);
        bus = new ModbusDisplayBus(config, displays, Clock.systemUTC());
        bus.start();
        bus.show(5, "A023", 5, true);
        Await.until(LIMIT, () -> displays.shown(5).equals(Optional.of(23)) && bus.boards().get(5).online(),
                () -> "display 5 online, showing 23: " + bus.boards().get(5));
    }

    @Test
    void aDisplayThatLostPowerGetsItsNumberBack() {
        start(0);
        bus.show(6, "B105", 2, false);
        Await.until(LIMIT, () -> displays.shown(6).equals(Optional.of(105)), () -> "shows 105");
        displays.power(6, false);
        Await.until(LIMIT, () -> bus.boards().get(6).state() == BoardStatus.State.OFFLINE, () -> "offline");
        assertEquals("no-reply", bus.boards().get(6).reason());
        displays.power(6, true);
        Await.until(LIMIT, () -> displays.shown(6).equals(Optional.of(105)), () -> "restored by the periodic rewrite");
        Await.until(LIMIT, () -> bus.boards().get(6).online(), () -> "online again");
    }

    @Test
    void anUnpluggedAdapterIsReportedAndRecoveredByItself() {
        start(0);
        bus.show(5, "A007", 5, false);
        Await.until(LIMIT, () -> bus.boards().get(5).online(), () -> "online");
        displays.unplug();
        Await.until(LIMIT, () -> bus.boards().get(5).state() == BoardStatus.State.OFFLINE, () -> "offline");
        Await.until(LIMIT, () -> bus.boards().get(6).reason().startsWith("port-unavailable: no device"),
                () -> "reason: " + bus.boards().get(6).reason());
        bus.show(5, "A008", 5, false); // the queue keeps calling while the cable is out
        displays.plugIn();
        Await.until(LIMIT, () -> displays.shown(5).equals(Optional.of(8)), () -> "the call made while unplugged shown");
        Await.until(LIMIT, () -> bus.boards().get(5).online(), () -> "online again");
    }

    @Test
    void aRefusedRegisterIsReportedInWords() {
        start(7); // the displays only accept register 0
        bus.show(5, "A001", 1, false);
        Await.until(LIMIT, () -> bus.boards().get(5).state() == BoardStatus.State.OFFLINE, () -> "refused");
        assertTrue(bus.boards().get(5).reason().contains("illegal data address"), bus.boards().get(5).reason());
    }

    @Test
    void ticketsWithoutDigitsAreRefused() {
        start(0);
        assertThrows(IllegalArgumentException.class, () -> bus.show(5, "AB", 1, false));
        assertThrows(IllegalArgumentException.class, () -> bus.show(9, "A001", 1, false));
    }
}
