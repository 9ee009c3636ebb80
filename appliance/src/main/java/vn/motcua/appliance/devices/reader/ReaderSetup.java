package vn.motcua.appliance.devices.reader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code [devices.reader]} config section; problems are collected with their keys and thrown
 * together as one {@link IllegalArgumentException}, one per line.
 *
 * <pre>
 * [devices.reader]
 * mode = "serial"               # serial (USB CDC-ACM: the mode for CCCD cards), evdev (keyboard mode), off
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

    public enum Mode { SERIAL, EVDEV, OFF }

    public static ReaderSetup from(JsonNode devices) {
        JsonNode n = devices.path("reader");
        List<String> problems = new ArrayList<>();
        String modeText = n.path("mode").asText("off");
        Mode mode = switch (modeText) {
            case "serial" -> Mode.SERIAL;
            case "evdev" -> Mode.EVDEV;
            case "off" -> Mode.OFF;
            default -> {
                problems.add("devices.reader.mode = '" + clip(modeText) + "': expected serial, evdev or off");
                yield Mode.OFF;
            }
        };
        Pattern dossier = pattern(n, "dossier_pattern", ReaderSettings.DEFAULT_DOSSIER, problems);
        Pattern ticket = pattern(n, "ticket_pattern", ReaderSettings.DEFAULT_TICKET, problems);
        ReaderSetup s = new ReaderSetup(mode, n.path("port").asText("/dev/motcua-reader"), n.path("baud").asInt(9600),
                n.path("device").asText(""), n.path("grab").asBoolean(true), n.path("resident_key_file").asText("resident.key"),
                n.path("max_length").asInt(1024), Duration.ofMillis(n.path("gap_ms").asLong(80)),
                Duration.ofSeconds(n.path("duplicate_window_s").asLong(5)), dossier, ticket, n.path("priority_age").asInt(60));
        if (mode == Mode.EVDEV && s.device().isBlank()) {
            problems.add("devices.reader.device: expected the scanner's /dev/input/by-id/...-event-kbd path");
        }
        try {
            s.settings(new byte[32]); // the same checks the running reader applies, with the key checked separately
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

    private static Pattern pattern(JsonNode n, String key, String dflt, List<String> problems) {
        String p = n.path(key).asText(dflt);
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            problems.add("devices.reader." + key + ": not a valid regular expression (" + e.getDescription() + ")");
            return Pattern.compile(dflt);
        }
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
