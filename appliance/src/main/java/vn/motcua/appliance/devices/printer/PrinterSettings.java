package vn.motcua.appliance.devices.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [devices.printer]} config section. Every problem is collected with its key, so the
 * technician sees them all at once: {@link #from(JsonNode, boolean)} throws {@link IllegalArgumentException}
 * whose message lists them, one per line.
 *
 * <pre>
 * [devices.printer]
 * mode = "serial"              # serial (tty / CDC-ACM, status read back), usblp (write-only), simulated, off
 * port = "/dev/motcua-printer" # tty for serial, /dev/usb/lp0 for usblp
 * baud = 19200
 * rts_cts = false
 * template = "/etc/motcua/ticket-template.properties"  # optional; bundled layout if absent
 * status_timeout_ms = 500
 * job_timeout_ms = 15000
 * status_poll_s = 30
 * </pre>
 */
public record PrinterSettings(Mode mode, String port, int baud, boolean rtsCts, Optional<Path> template,
                              Duration statusTimeout, Duration jobTimeout, Duration statusPoll) {

    public enum Mode { SERIAL, USBLP, SIMULATED, OFF }

    public static PrinterSettings from(JsonNode devices, boolean demo) {
        JsonNode n = devices.path("printer");
        List<String> problems = new ArrayList<>();
        String modeText = n.path("mode").asText(demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "serial" -> Mode.SERIAL;
            case "usblp" -> Mode.USBLP;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                problems.add("devices.printer.mode = '" + clip(modeText) + "': expected serial, usblp, simulated or off");
                yield Mode.OFF;
            }
        };
        String port = n.path("port").asText(mode == Mode.USBLP ? "/dev/usb/lp0" : "/dev/motcua-printer");
        int baud = n.path("baud").asInt(19200);
        if (baud < 1200 || baud > 921600) {
            problems.add("devices.printer.baud = '" + clip(n.path("baud").asText()) + "': expected 1200..921600");
        }
        Optional<Path> template = n.hasNonNull("template") ? Optional.of(Path.of(n.path("template").asText())) : Optional.empty();
        Duration status = millis(n, "status_timeout_ms", 500, 50, 5000, problems);
        Duration job = millis(n, "job_timeout_ms", 15000, 1000, 120000, problems);
        Duration poll = Duration.ofSeconds(n.path("status_poll_s").asLong(30));
        if (poll.toSeconds() < 1 || poll.toSeconds() > 3600) {
            problems.add("devices.printer.status_poll_s = '" + clip(n.path("status_poll_s").asText()) + "': expected 1..3600");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new PrinterSettings(mode, port, baud, n.path("rts_cts").asBoolean(false), template, status, job, poll);
    }

    static Duration millis(JsonNode n, String key, long dflt, long min, long max, List<String> problems) {
        long v = n.path(key).asLong(dflt);
        if (v < min || v > max) {
            problems.add("devices.printer." + key + " = '" + clip(n.path(key).asText()) + "': expected " + min + ".." + max);
        }
        return Duration.ofMillis(v);
    }

    static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
