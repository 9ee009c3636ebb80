package vn.motcua.bus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Counter-bus settings, filled by the appliance from its config file. Validated here with
 * messages a technician can act on.
 *
 * @param portName           serial device, e.g. {@code /dev/ttyUSB0} or a udev symlink
 * @param baud               line rate; the boards are built for 115200 (counter-bus.md §1)
 * @param addresses          board addresses on this bus, 1..32
 * @param replyTimeout       how long to wait for a board's reply (USB adapters add latency)
 * @param retries            extra attempts per exchange before it counts as failed
 * @param offlineAfter       failed exchanges in a row before a board is OFFLINE
 * @param offlineProbe       how often an OFFLINE board is tried again
 * @param direction          how the transceiver's driver is switched
 */
public record BusConfig(String portName, int baud, SortedSet<Integer> addresses, Duration replyTimeout,
                        int retries, int offlineAfter, Duration offlineProbe, Direction direction) {

    public enum Direction {
        /** The USB-RS-485 adapter switches by itself (the usual case). */
        AUTO,
        /** The kernel toggles RTS (TIOCSRS485); verified with TIOCGRS485 after opening. */
        KERNEL_RS485
    }

    public BusConfig {
        Objects.requireNonNull(portName, "counter bus: port name missing");
        Objects.requireNonNull(direction, "counter bus: direction missing");
        if (portName.isBlank()) {
            throw new IllegalArgumentException("counter bus: port name is empty (e.g. /dev/ttyUSB0)");
        }
        if (baud < 1200 || baud > 3_000_000) {
            throw new IllegalArgumentException("counter bus: baud " + baud + " out of range (boards use 115200)");
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("counter bus: no board addresses configured");
        }
        for (int a : addresses) {
            if (a < 1 || a > 32) {
                throw new IllegalArgumentException("counter bus: board address " + a
                        + " out of range 1..32 (address = DIP switch value + 1)");
            }
        }
        addresses = new TreeSet<>(addresses);
        requirePositive(replyTimeout, "reply timeout");
        requirePositive(offlineProbe, "offline probe interval");
        if (replyTimeout.toMillis() > 1000) {
            throw new IllegalArgumentException("counter bus: reply timeout over 1 s stalls every counter");
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("counter bus: retries must be 0..5, was " + retries);
        }
        if (offlineAfter < 1 || offlineAfter > 100) {
            throw new IllegalArgumentException("counter bus: offlineAfter must be 1..100, was " + offlineAfter);
        }
    }

    /** The defaults of counter-bus.md §5 for the given port and addresses. */
    public static BusConfig defaults(String portName, List<Integer> addresses) {
        return new BusConfig(portName, 115_200, new TreeSet<>(addresses), Duration.ofMillis(20), 2, 3,
                Duration.ofSeconds(1), Direction.AUTO);
    }

    public BusConfig withReplyTimeout(Duration timeout) {
        return new BusConfig(portName, baud, addresses, timeout, retries, offlineAfter, offlineProbe, direction);
    }

    public BusConfig withDirection(Direction d) {
        return new BusConfig(portName, baud, addresses, replyTimeout, retries, offlineAfter, offlineProbe, d);
    }

    public BusConfig withOfflineProbe(Duration probe) {
        return new BusConfig(portName, baud, addresses, replyTimeout, retries, offlineAfter, probe, direction);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("counter bus: " + what + " must be positive");
        }
    }
}
