package vn.motcua.appliance.devices.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.motcua.appliance.config.section.DeviceSection;

/**
 * The {@code [devices.printer]} config section. Every problem is collected with its key, so the
 * technician sees them all at once: {@link #from(JsonNode, boolean)} throws {@link IllegalArgumentException}
 * whose message lists them, one per line.
 *
 * <pre>
 * [devices.printer]
 * mode = "serial"              # serial (tty / CDC-ACM, status read back), usblp (status read back if the printer is bidirectional), simulated, off
 * port = "/dev/motcua-printer" # tty for serial, /dev/usb/lp0 for usblp
 * baud = 19200
 * rts_cts = false
 * template = "/etc/motcua/ticket-template.properties"  # optional; bundled layout if absent
 * status_timeout_ms = 500
 * job_timeout_ms = 15000
 * status_poll_s = 30
 * simulated_images = true      # simulated only: each ticket drawn to data/tickets/*.png (the demo); false: kept in memory only
 * </pre>
 */
public record PrinterSettings(Mode mode, String port, int baud, boolean rtsCts, Optional<Path> template,
                              Duration statusTimeout, Duration jobTimeout, Duration statusPoll, boolean simulatedImages) {

    public enum Mode { SERIAL, USBLP, SIMULATED, OFF }

    /** Every key of the section: anything else is a config error, not silently ignored. */
    public static final Set<String> KEYS = Set.of("mode", "port", "baud", "rts_cts", "template", "status_timeout_ms",
            "job_timeout_ms", "status_poll_s", "simulated_images");

    public static PrinterSettings from(JsonNode devices, boolean demo) {
        List<String> problems = new ArrayList<>();
        DeviceSection n = DeviceSection.of(devices, "printer", KEYS, problems);
        String modeText = n.text("mode", demo ? "simulated" : "off");
        Mode mode = switch (modeText) {
            case "serial" -> Mode.SERIAL;
            case "usblp" -> Mode.USBLP;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                n.problem("mode", "serial, usblp, simulated or off");
                yield Mode.OFF;
            }
        };
        String port = n.text("port", mode == Mode.USBLP ? "/dev/usb/lp0" : "/dev/motcua-printer");
        int baud = n.integer("baud", 19200, 1200, 921600);
        String templateText = n.text("template", null);
        Optional<Path> template = templateText == null || templateText.isBlank() ? Optional.empty() : Optional.of(Path.of(templateText));
        Duration status = Duration.ofMillis(n.number("status_timeout_ms", 500, 50, 5000));
        Duration job = Duration.ofMillis(n.number("job_timeout_ms", 15000, 1000, 120000));
        Duration poll = Duration.ofSeconds(n.number("status_poll_s", 30, 1, 3600));
        boolean rtsCts = n.bool("rts_cts", false);
        // Writing each simulated ticket as a PNG named by its QR (read back from the pixels) costs more CPU than the
        // queue's own work on a ticket: benchmarks of the appliance turn it off, the demo keeps it.
        boolean images = n.bool("simulated_images", true);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new PrinterSettings(mode, port, baud, rtsCts, template, status, job, poll, images);
    }
}
