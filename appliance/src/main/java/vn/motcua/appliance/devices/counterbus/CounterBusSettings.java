package vn.motcua.appliance.devices.counterbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.config.ConfigException;
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

    public static CounterBusSettings from(JsonNode devices, OfficeLayout office, boolean demo) throws ConfigException {
        JsonNode n = devices.path("counter_bus");
        List<String> problems = new ArrayList<>();
        String modeText = n.path("mode").asText(demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "rs485" -> Mode.RS485;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                problems.add("devices.counter_bus.mode = '" + clip(modeText) + "': expected rs485, simulated or off");
                yield Mode.OFF;
            }
        };
        Map<Integer, Integer> byAddress = new LinkedHashMap<>();
        if (n.has("boards")) {
            int i = 0;
            for (JsonNode b : n.path("boards")) {
                String k = "devices.counter_bus.boards[" + i++ + "]";
                int address = b.path("address").asInt(-1);
                int counter = b.path("counter").asInt(-1);
                if (address < 1 || address > 32) {
                    problems.add(k + ".address = '" + clip(b.path("address").asText()) + "': expected 1..32 (DIP switch + 1)");
                } else if (office.counter(counter).isEmpty()) {
                    problems.add(k + ".counter = '" + clip(b.path("counter").asText()) + "': expected a configured counter number");
                } else if (byAddress.put(address, counter) != null) {
                    problems.add(k + ".address = '" + address + "': expected each board address once");
                }
            }
        } else {
            for (CounterDef c : office.counters()) {
                if (c.number() <= 32) {
                    byAddress.put(c.number(), c.number());
                }
            }
        }
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
                BusConfig d = BusConfig.defaults(n.path("port").asText("/dev/motcua-bus"), new ArrayList<>(byAddress.keySet()));
                bus = new BusConfig(d.portName(), n.path("baud").asInt(d.baud()), new TreeSet<>(byAddress.keySet()),
                        Duration.ofMillis(n.path("reply_timeout_ms").asLong(d.replyTimeout().toMillis())), d.retries(),
                        d.offlineAfter(), d.offlineProbe(),
                        n.path("kernel_rs485").asBoolean(false) ? BusConfig.Direction.KERNEL_RS485 : d.direction());
            } catch (IllegalArgumentException e) {
                problems.add("devices." + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("[devices.counter_bus]", problems);
        }
        return new CounterBusSettings(mode, bus, byAddress);
    }

    private static String clip(String s) {
        String c = s.replaceAll("\\p{Cntrl}", "?");
        return c.length() > 40 ? c.substring(0, 40) + "…" : c;
    }
}
