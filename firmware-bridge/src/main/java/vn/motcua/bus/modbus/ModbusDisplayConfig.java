package vn.motcua.bus.modbus;

import java.time.Duration;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Settings for off-the-shelf Modbus RTU LED number displays: one per counter, its Modbus unit id
 * used as the counter-bus address; the number goes into one holding register (function 06).
 *
 * @param portName       serial device
 * @param baud           most such displays ship at 9600
 * @param evenParity     Modbus's default 8E1; many cheap displays use 8N1 (false)
 * @param units          unit ids 1..247 (the CounterBus addresses)
 * @param numberRegister holding register that takes the displayed number (display manual; often 0)
 * @param blankValue     value that blanks the display (display manual; often 0xFFFF or 0)
 * @param replyTimeout   wait for the echo
 * @param refreshEvery   rewrite the shown value this often: these displays cannot say they rebooted
 * @param offlineAfter   failed writes in a row before OFFLINE
 */
public record ModbusDisplayConfig(String portName, int baud, boolean evenParity, SortedSet<Integer> units,
                                  int numberRegister, int blankValue, Duration replyTimeout, Duration refreshEvery,
                                  int offlineAfter) {

    public ModbusDisplayConfig {
        Objects.requireNonNull(portName, "modbus displays: port name missing");
        if (portName.isBlank()) {
            throw new IllegalArgumentException("modbus displays: port name is empty");
        }
        if (baud < 1200 || baud > 115_200) {
            throw new IllegalArgumentException("modbus displays: baud " + baud + " out of range 1200..115200");
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("modbus displays: no unit ids configured");
        }
        for (int u : units) {
            if (u < 1 || u > 247) {
                throw new IllegalArgumentException("modbus displays: unit id " + u + " out of range 1..247");
            }
        }
        units = new TreeSet<>(units);
        if (numberRegister < 0 || numberRegister > 0xFFFF || blankValue < 0 || blankValue > 0xFFFF) {
            throw new IllegalArgumentException("modbus displays: register and blank value are 16-bit numbers");
        }
        if (replyTimeout == null || replyTimeout.isNegative() || replyTimeout.isZero() || replyTimeout.toMillis() > 2000) {
            throw new IllegalArgumentException("modbus displays: reply timeout must be 1..2000 ms");
        }
        if (refreshEvery == null || refreshEvery.toMillis() < 100) {
            throw new IllegalArgumentException("modbus displays: refresh interval must be at least 100 ms");
        }
        if (offlineAfter < 1) {
            throw new IllegalArgumentException("modbus displays: offlineAfter must be at least 1");
        }
    }

    public static ModbusDisplayConfig defaults(String portName, SortedSet<Integer> units) {
        return new ModbusDisplayConfig(portName, 9600, false, units, 0, 0xFFFF, Duration.ofMillis(100),
                Duration.ofSeconds(5), 3);
    }
}
