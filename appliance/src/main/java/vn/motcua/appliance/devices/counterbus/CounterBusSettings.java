package vn.motcua.appliance.devices.counterbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.DeviceSection;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.codec.SevenSegment;

/**
 * The {@code [devices.counter_bus]} section: which bus (real RS-485, simulated in memory, or none), its port,
 * and which board address hangs over which counter (default: the address is the counter number).
 */
public record CounterBusSettings(Mode mode, BusConfig bus, Map<Integer, Integer> counterByAddress) {

    public enum Mode { RS485, SIMULATED, OFF }

    /** Every key of the section, and of each {@code [[devices.counter_bus.boards]]}: anything else is a config error. */
    public static final Set<String> KEYS = Set.of("mode", "port", "baud", "boards", "reply_timeout_ms", "kernel_rs485");
    public static final Set<String> BOARD_KEYS = Set.of("address", "counter");

    public static CounterBusSettings from(JsonNode devices, OfficeLayout office, boolean demo) throws ConfigException {
        List<String> problems = new ArrayList<>();
        DeviceSection n = DeviceSection.of(devices, "counter_bus", KEYS, problems);
        String modeText = n.text("mode", demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "rs485" -> Mode.RS485;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                n.problem("mode", "rs485, simulated or off");
                yield Mode.OFF;
            }
        };
        Map<Integer, Integer> byAddress = new LinkedHashMap<>();
        if (n.has("boards")) {
            for (DeviceSection b : n.entries("boards", BOARD_KEYS)) {
                int address = b.integer("address", -1, 1, 32);
                int counter = b.integer("counter", -1, 1, 99);
                if (!b.has("address")) {
                    b.problem("address", "1..32 (DIP switch + 1)");
                } else if (!b.has("counter") || (counter > 0 && office.counter(counter).isEmpty())) {
                    b.problem("counter", "a configured counter number");
                } else if (address > 0 && counter > 0 && byAddress.put(address, counter) != null) {
                    b.problem("address", "each board address once");
                }
            }
        } else {
            for (CounterDef c : office.counters()) {
                if (c.number() <= 32) {
                    byAddress.put(c.number(), c.number());
                }
            }
        }
        BusConfig d = BusConfig.defaults("/dev/motcua-bus", List.of(1));
        String port = n.text("port", d.portName());
        int baud = n.integer("baud", d.baud(), 1200, 3_000_000);
        Duration reply = Duration.ofMillis(n.number("reply_timeout_ms", d.replyTimeout().toMillis(), 1, 1000));
        boolean kernelRs485 = n.bool("kernel_rs485", false);
        if (mode != Mode.OFF) {
            for (var service : office.services()) {
                if (!SevenSegment.canRender(String.valueOf(service.prefix()))) {
                    problems.add("services: prefix '" + service.prefix() + "' of " + service.code()
                            + " cannot be shown on a 7-segment counter board (K, M, V, W, X, Z cannot); choose another letter");
                }
            }
        }
        BusConfig bus = null;
        if (mode != Mode.OFF && byAddress.isEmpty()) {
            problems.add("devices.counter_bus.boards: expected at least one board");
        } else if (mode != Mode.OFF) {
            try {
                bus = new BusConfig(port, baud, new TreeSet<>(byAddress.keySet()), reply, d.retries(),
                        d.offlineAfter(), d.offlineProbe(), kernelRs485 ? BusConfig.Direction.KERNEL_RS485 : d.direction());
            } catch (IllegalArgumentException e) {
                problems.add("devices." + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("[devices.counter_bus]", problems);
        }
        return new CounterBusSettings(mode, bus, byAddress);
    }
}
