package vn.motcua.appliance.devices.counterbus;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vn.motcua.appliance.config.section.DeviceSection;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.bus.modbus.ModbusDisplayConfig;

/**
 * The part of {@code [devices.counter_bus]} read when {@code mode = "modbus"}: off-the-shelf Modbus RTU LED number
 * displays (hardware-docs/counter-bus.md §10). The defaults are the common factory settings of such displays
 * (9600 baud 8N1, the number in holding register 0, 0xFFFF blanks); the display's manual says otherwise where it
 * differs. Problems are added to the section's list, so they come out with the rest of the file's.
 */
final class ModbusDisplaySettings {
    /** Keys only this mode reads: set with another mode they would silently do nothing, so they are refused. */
    static final Set<String> KEYS = Set.of("parity", "number_register", "blank_value", "refresh_s");

    private static final ModbusDisplayConfig DEFAULTS = ModbusDisplayConfig.defaults("/dev/motcua-bus", new TreeSet<>(Set.of(1)));

    /** The highest unit id Modbus RTU allows; the address of a display is its unit id. */
    static final int MAX_UNIT = 247;

    static final int DEFAULT_BAUD = DEFAULTS.baud();

    private ModbusDisplaySettings() {}

    /** Reads the Modbus keys; null (with the problems added) if any is wrong. */
    static ModbusDisplayConfig read(DeviceSection n, String port, int baud, Set<Integer> units, List<String> problems) {
        int before = problems.size();
        boolean even = switch (n.text("parity", DEFAULTS.evenParity() ? "even" : "none")) {
            case "none" -> false;
            case "even" -> true;
            default -> {
                n.problem("parity", "none or even, as the display's manual says (8N1 or 8E1)");
                yield false;
            }
        };
        int register = n.integer("number_register", DEFAULTS.numberRegister(), 0, 0xFFFF);
        int blank = n.integer("blank_value", DEFAULTS.blankValue(), 0, 0xFFFF);
        long reply = n.number("reply_timeout_ms", DEFAULTS.replyTimeout().toMillis(), 1, 2000);
        long refresh = n.number("refresh_s", DEFAULTS.refreshEvery().toSeconds(), 1, 3600);
        if (problems.size() > before || units.isEmpty()) {
            return null; // the empty unit list is reported by the caller, with the boards
        }
        try {
            return new ModbusDisplayConfig(port, baud, even, new TreeSet<>(units), register, blank,
                    Duration.ofMillis(reply), Duration.ofSeconds(refresh), DEFAULTS.offlineAfter());
        } catch (IllegalArgumentException e) {
            problems.add("devices.counter_bus: " + e.getMessage());
            return null;
        }
    }

    /**
     * A Modbus number display shows the digits of a number of at most 4 characters (the letter counted, as on
     * the motcua boards): a service numbered past 999 (A0001) would leave its counter's display dark.
     */
    static void checkNumbersFit(List<ServiceDef> services, List<String> problems) {
        for (ServiceDef service : services) {
            if (service.format(service.lastNumber()).length() > 4) {
                problems.add("services: last_number " + service.lastNumber() + " of " + service.code()
                        + " makes numbers like " + service.format(service.lastNumber())
                        + ", longer than a Modbus number display shows (4 characters); use at most 999");
            }
        }
    }

    /** The Modbus-only keys set while another mode is chosen. */
    static void refuseOutsideModbus(DeviceSection n) {
        for (String key : KEYS.stream().sorted().toList()) {
            if (n.has(key)) {
                n.problem(key, "nothing here unless mode = \"modbus\" (remove it, or set the mode)");
            }
        }
    }
}
