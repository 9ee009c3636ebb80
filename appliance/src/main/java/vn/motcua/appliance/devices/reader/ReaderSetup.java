package vn.motcua.appliance.devices.reader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import vn.motcua.appliance.config.section.DeviceSection;

/**
 * The {@code [devices.reader]} config section; problems are collected with their keys and thrown
 * together as one {@link IllegalArgumentException}, one per line.
 *
 * <pre>
 * [devices.reader]
 * mode = "serial"               # serial (USB CDC-ACM: the mode for CCCD cards), evdev (keyboard mode), simulated (demo), off
 * port = "/dev/motcua-reader"   # serial
 * baud = 9600
 * device = "/dev/input/by-id/usb-SCANNER-event-kbd"   # evdev
 * grab = true                   # evdev: take the device from the kiosk browser
 * max_length = 1024
 * gap_ms = 80
 * duplicate_window_s = 5
 * dossier_pattern = '\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}'
 * ticket_pattern = '...(?&lt;ticket&gt;...)...'
 * priority_age = 60
 * resident_key_file = "resident.key"   # relative to the data folder; made on first start
 * </pre>
 */
public record ReaderSetup(Mode mode, String port, int baud, String device, boolean grab, String residentKeyFile,
                          int maxLength, Duration gap, Duration duplicateWindow, Pattern dossier, Pattern ticket,
                          int priorityAge) {

    public enum Mode { SERIAL, EVDEV, SIMULATED, OFF }

    /** Every key of the section: anything else is a config error, not silently ignored. */
    public static final Set<String> KEYS = Set.of("mode", "port", "baud", "device", "grab", "max_length", "gap_ms",
            "duplicate_window_s", "dossier_pattern", "ticket_pattern", "priority_age", "resident_key_file");

    public static ReaderSetup from(JsonNode devices) {
        return from(devices, false);
    }

    /** @param demo the demo's reader, when the section says nothing, is the simulated one (scans over HTTP) */
    public static ReaderSetup from(JsonNode devices, boolean demo) {
        List<String> problems = new ArrayList<>();
        DeviceSection n = DeviceSection.of(devices, "reader", KEYS, problems);
        String modeText = n.text("mode", demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "serial" -> Mode.SERIAL;
            case "evdev" -> Mode.EVDEV;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                n.problem("mode", "serial, evdev, simulated or off");
                yield Mode.OFF;
            }
        };
        Pattern dossier = pattern(n, "dossier_pattern", ReaderSettings.DEFAULT_DOSSIER, problems);
        Pattern ticket = pattern(n, "ticket_pattern", ReaderSettings.DEFAULT_TICKET, problems);
        ReaderSetup s = new ReaderSetup(mode, n.text("port", "/dev/motcua-reader"), n.integer("baud", 9600, 1200, 921600),
                n.text("device", ""), n.bool("grab", true), n.text("resident_key_file", "resident.key"),
                n.integer("max_length", 1024, 16, 4096), Duration.ofMillis(n.number("gap_ms", 80, 10, 2000)),
                Duration.ofSeconds(n.number("duplicate_window_s", 5, 0, 600)), dossier, ticket,
                n.integer("priority_age", 60, 50, 100));
        if (mode == Mode.EVDEV && s.device().isBlank()) {
            problems.add("devices.reader.device: expected the scanner's /dev/input/by-id/...-event-kbd path");
        }
        if (s.residentKeyFile().isBlank()) {
            n.problem("resident_key_file", "a file name, relative to the data folder");
        }
        try { // the same checks the running reader applies (numbers out of range already fell back above)
            s.settings(new byte[32]);
        } catch (IllegalArgumentException e) {
            problems.add("devices." + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return s;
    }

    /** The reader's runtime settings with the office's secret. */
    public ReaderSettings settings(byte[] residentKey) {
        return new ReaderSettings(maxLength, gap, duplicateWindow, dossier, ticket, residentKey, priorityAge);
    }

    private static Pattern pattern(DeviceSection n, String key, String dflt, List<String> problems) {
        String p = n.text(key, dflt);
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            problems.add(n.key(key) + ": not a valid regular expression (" + e.getDescription() + ")");
            return Pattern.compile(dflt);
        }
    }
}
