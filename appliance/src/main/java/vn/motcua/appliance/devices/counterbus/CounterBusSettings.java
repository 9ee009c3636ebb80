package vn.motcua.appliance.devices.counterbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.config.section.DeviceSection;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.codec.SevenSegment;
import vn.motcua.bus.modbus.ModbusDisplayConfig;

/**
 * The {@code [devices.counter_bus]} section: which bus (real RS-485, Modbus RTU number displays, simulated in
 * memory, or none), its port, and which board address hangs over which counter (default: the address is the
 * counter number).
 *
 * @param bus    the motcua boards' bus (rs485, simulated), else null
 * @param modbus the Modbus number displays (modbus), else null
 */
public record CounterBusSettings(Mode mode, BusConfig bus, ModbusDisplayConfig modbus, Map<Integer, Integer> counterByAddress) {

    public enum Mode { RS485, MODBUS, SIMULATED, OFF }

    /** Every key of the section, and of each {@code [[devices.counter_bus.boards]]}: anything else is a config error. */
    public static final Set<String> KEYS = union(Set.of("mode", "port", "baud", "boards", "reply_timeout_ms", "kernel_rs485"),
            ModbusDisplaySettings.KEYS);
    public static final Set<String> BOARD_KEYS = Set.of("address", "counter");

    public static CounterBusSettings from(JsonNode devices, OfficeLayout office, boolean demo) {
        return from(devices, office.services(), office.counters(), demo);
    }

    /** @param services, counters the office's, as read from the same file (checked before the office is built) */
    public static CounterBusSettings from(JsonNode devices, List<ServiceDef> services, List<CounterDef> counters,
                                          boolean demo) {
        Set<Integer> counterNumbers = new java.util.HashSet<>();
        counters.forEach(c -> counterNumbers.add(c.number()));
        List<String> problems = new ArrayList<>();
        DeviceSection n = DeviceSection.of(devices, "counter_bus", KEYS, problems);
        String modeText = n.text("mode", demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "rs485" -> Mode.RS485;
            case "modbus" -> Mode.MODBUS;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                n.problem("mode", "rs485, modbus, simulated or off");
                yield Mode.OFF;
            }
        };
        // a Modbus display's address is its unit id (1..247); a motcua board's is its DIP switch + 1 (1..32)
        int maxAddress = mode == Mode.MODBUS ? ModbusDisplaySettings.MAX_UNIT : 32;
        String addressMeaning = mode == Mode.MODBUS ? "1..247 (the display's Modbus unit id)" : "1..32 (DIP switch + 1)";
        Map<Integer, Integer> byAddress = new LinkedHashMap<>();
        if (n.has("boards")) {
            for (DeviceSection b : n.entries("boards", BOARD_KEYS)) {
                int address = b.integer("address", -1, 1, maxAddress);
                int counter = b.integer("counter", -1, 1, 99);
                if (!b.has("address")) {
                    b.problem("address", addressMeaning);
                } else if (!b.has("counter") || (counter > 0 && !counterNumbers.contains(counter))) {
                    b.problem("counter", "a configured counter number");
                } else if (address > 0 && counter > 0 && byAddress.put(address, counter) != null) {
                    b.problem("address", "each board address once");
                }
            }
        } else {
            for (CounterDef c : counters) {
                if (c.number() <= maxAddress) {
                    byAddress.put(c.number(), c.number());
                }
            }
        }
        BusConfig d = BusConfig.defaults("/dev/motcua-bus", List.of(1));
        String port = n.text("port", d.portName());
        if (mode == Mode.MODBUS) {
            return modbus(n, services, port, byAddress, problems);
        }
        ModbusDisplaySettings.refuseOutsideModbus(n);
        int baud = n.integer("baud", d.baud(), 1200, 3_000_000);
        Duration reply = Duration.ofMillis(n.number("reply_timeout_ms", d.replyTimeout().toMillis(), 1, 1000));
        boolean kernelRs485 = n.bool("kernel_rs485", false);
        if (mode != Mode.OFF) {
            for (var service : services) {
                if (!SevenSegment.canRender(String.valueOf(service.prefix()))) {
                    problems.add("services: prefix '" + service.prefix() + "' of " + service.code()
                            + " cannot be shown on a 7-segment counter board (K, M, V, W, X, Z cannot); choose another letter");
                }
            }
        }
        BusConfig bus = null;
        if (mode != Mode.OFF && byAddress.isEmpty()) {
            problems.add(NO_BOARD);
        } else if (mode != Mode.OFF) {
            try {
                bus = new BusConfig(port, baud, new TreeSet<>(byAddress.keySet()), reply, d.retries(),
                        d.offlineAfter(), d.offlineProbe(), kernelRs485 ? BusConfig.Direction.KERNEL_RS485 : d.direction());
            } catch (IllegalArgumentException e) {
                problems.add("devices." + e.getMessage());
            }
        }
        throwIfAny(problems);
        return new CounterBusSettings(mode, bus, null, byAddress);
    }

    private static final String NO_BOARD = "devices.counter_bus.boards: expected at least one board";

    /**
     * Modbus number displays show digits only, so the 7-segment letter check does not apply, but the length does;
     * they have no keypad, so the clerks call from the /counter page.
     */
    private static CounterBusSettings modbus(DeviceSection n, List<ServiceDef> services, String port,
                                             Map<Integer, Integer> byAddress, List<String> problems) {
        if (n.has("kernel_rs485")) {
            n.problem("kernel_rs485", "nothing with mode = \"modbus\" (the USB adapter switches direction by itself)");
        }
        int baud = n.integer("baud", ModbusDisplaySettings.DEFAULT_BAUD, 1200, 115_200);
        if (byAddress.isEmpty()) {
            problems.add(NO_BOARD);
        }
        ModbusDisplaySettings.checkNumbersFit(services, problems);
        ModbusDisplayConfig modbus = ModbusDisplaySettings.read(n, port, baud, byAddress.keySet(), problems);
        throwIfAny(problems);
        return new CounterBusSettings(Mode.MODBUS, null, modbus, byAddress);
    }

    /** As the other device sections do: one problem a line, for the config loader to list with the rest. */
    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
