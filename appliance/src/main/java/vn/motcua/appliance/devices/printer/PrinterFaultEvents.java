package vn.motcua.appliance.devices.printer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns printer status changes into device events for the outbox, named like the counter boards':
 * {@code device.fault} for each fault raised, {@code device.recovered} for each cleared, with payload
 * {@code {device: "printer", fault: "paper_end", health, detail}}. Register with
 * {@link TicketPrinter#addStatusListener}; the sink is the appliance's device-event recorder.
 */
public final class PrinterFaultEvents implements PrinterStatusListener {
    private final String device;
    private final BiConsumer<String, Map<String, Object>> sink;

    /** @param device name in the payload, e.g. "printer" */
    public PrinterFaultEvents(String device, BiConsumer<String, Map<String, Object>> sink) {
        this.device = device;
        this.sink = sink;
    }

    @Override
    public void statusChanged(PrinterStatus previous, PrinterStatus current) {
        PrinterFaultChange.between(previous, current).ifPresent(c -> {
            c.raised().stream().sorted().forEach(f -> sink.accept("device.fault", payload(f, current)));
            c.cleared().stream().sorted().forEach(f -> sink.accept("device.recovered", payload(f, current)));
        });
    }

    private Map<String, Object> payload(PrinterFault f, PrinterStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", device);
        m.put("fault", f.name().toLowerCase(Locale.ROOT));
        m.put("health", s.health().name().toLowerCase(Locale.ROOT));
        m.put("detail", s.detail());
        return m;
    }
}
