package vn.motcua.appliance.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.devices.counterbus.CounterBusSettings;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.devices.reader.ReaderSetup;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkSettings;
import vn.motcua.appliance.config.section.UnknownKey;

/**
 * The sections whose keys belong to a device adapter or the uplink ({@code [devices.*]}, {@code [uplink]}), read
 * in the loader's one pass by each module's own reader into its typed record. Each reader collects every problem
 * of its section; they are added to the file's list here, so nothing about them is left for the start to find.
 */
final class EdgeSections {
    /** The device sections the appliance reads. */
    static final List<String> DEVICE_SECTIONS = List.of("counter_bus", "printer", "reader", "buttons");

    private final List<String> problems;

    EdgeSections(List<String> problems) {
        this.problems = problems;
    }

    /** Null when a section has problems (they are in the list; the config will not be built). */
    ApplianceConfig.Devices devices(JsonNode devices, List<ServiceDef> services, List<CounterDef> counters,
                                    ConfigLoader.Options options) {
        boolean demo = options.demo();
        boolean table = devices != null && devices.isObject();
        if (devices != null && !table) {
            problems.add(Values.line("devices", devices.asText(), "expected [devices.NAME] sections, one of "
                    + String.join(", ", DEVICE_SECTIONS)));
        }
        JsonNode d = table ? devices : MissingNode.getInstance();
        d.fieldNames().forEachRemaining(name -> {
            if (!DEVICE_SECTIONS.contains(name)) {
                String key = "devices." + Values.shown(name).replace("'", "");
                JsonNode v = d.get(name);
                problems.add(Values.line(key, v.isValueNode() ? v.asText() : v.toString(), "expected one of the sections "
                        + String.join(", ", DEVICE_SECTIONS) + didYouMean(name)));
            }
        });
        Set<String> codes = new LinkedHashSet<>();
        services.forEach(s -> codes.add(s.code()));
        CounterBusSettings bus = read(() -> CounterBusSettings.from(d, services, counters, false));
        PrinterSettings printer = read(() -> PrinterSettings.from(d, demo));
        ReaderSetup reader = read(() -> ReaderSetup.from(d, demo));
        ButtonSetup buttons = read(() -> ButtonSetup.from(d, codes, demo));
        if (printer != null && printer.template().isPresent() && options.openFiles()) {
            template(printer.template().get());
        }
        return bus == null || printer == null || reader == null || buttons == null ? null
                : new ApplianceConfig.Devices(bus, printer, reader, buttons);
    }

    /** Empty when the office runs alone, or when the section has problems (then they are in the list). */
    Optional<UplinkConfig> uplink(JsonNode uplink, ApplianceConfig.Identity id, Duration retention) {
        // Placeholders where [appliance] itself is wrong (already a problem): the section is still checked.
        boolean whole = id != null && id.district() != null && id.office() != null && id.deviceId() != null;
        return UplinkSettings.read(uplink, whole ? id.district() : "district", whole ? id.office() : "office",
                whole ? id.deviceId() : "device", id == null ? Path.of("/var/lib/motcua") : id.dataDir(),
                retention, problems);
    }

    /** The ticket layout is read at start whatever the printer's mode (the kiosk's QR follows it): checked now. */
    private void template(Path file) {
        try {
            TicketTemplate.load(file);
        } catch (java.io.IOException e) {
            problems.add(Values.line("devices.printer.template", file, "expected a readable ticket layout file ("
                    + e.getClass().getSimpleName() + ")"));
        } catch (IllegalArgumentException e) {
            problems.add(Values.line("devices.printer.template", file, "expected a valid ticket layout: "
                    + TomlBinding.firstLine(e.getMessage())));
        }
    }

    private static String didYouMean(String name) {
        String guess = UnknownKey.nearest(name, DEVICE_SECTIONS);
        return guess == null ? "" : "; did you mean [devices." + guess + "]?";
    }

    private interface Reader<T> {
        T read() throws Exception;
    }

    /** A module's reader lists its problems one per line in the exception it throws. */
    private <T> T read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            problems.addAll(e.getMessage().lines().toList());
        } catch (Exception e) {
            problems.add("devices: " + TomlBinding.firstLine(e.getMessage()));
        }
        return null;
    }
}
